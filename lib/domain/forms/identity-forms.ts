import { z } from "zod";
import { passwordProblem } from "@/lib/domain/password-policy";
import { recordId, recordVersion, requiredText } from "./fields";

/**
 * Forms of signing in with a second factor, set-up and reset links, one's own password, role
 * approvals and ending a user's sessions (docs/security.md AU-04, AU-06, AC-06, SE-05).
 * `.strict()`: no extra keys (AC-04).
 */

const callbackUrl = z.string().max(2000).optional();

/** A six-digit code from the authenticator app, or a recovery code. */
export const verifyMfaSchema = z
  .object({
    code: z
      .string({ error: "Enter the code from your authenticator app, or a recovery code" })
      .trim()
      .min(1, "Enter the code from your authenticator app, or a recovery code")
      .max(40, "Enter the 6-digit code from your authenticator app, or a recovery code"),
    callbackUrl,
  })
  .strict();
export type VerifyMfaInput = z.infer<typeof verifyMfaSchema>;

export const enrolMfaSchema = z
  .object({
    /** The candidate secret, sealed by the server when it drew the page (never stored until confirmed). */
    sealedSecret: z.string().min(1).max(400),
    code: z
      .string({ error: "Enter the 6-digit code from your authenticator app" })
      .trim()
      .min(1, "Enter the 6-digit code from your authenticator app")
      .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app, like 123456"),
    callbackUrl,
  })
  .strict();
export type EnrolMfaInput = z.infer<typeof enrolMfaSchema>;

const newPasswordFields = {
  password: z.string({ error: "Enter a new password" }).min(1, "Enter a new password"),
  confirmPassword: z.string({ error: "Confirm your new password" }).min(1, "Confirm your new password"),
};

function checkNewPassword(value: { password: string; confirmPassword: string }, context: z.RefinementCtx, who: { email?: string; name?: string } = {}) {
  const problem = passwordProblem(value.password, who);
  if (problem) context.addIssue({ code: "custom", path: ["password"], message: problem });
  else if (value.password !== value.confirmPassword) context.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match" });
}

export const setPasswordSchema = z
  .object({ token: z.string().min(20).max(100), ...newPasswordFields })
  .strict()
  .superRefine((value, context) => checkNewPassword(value, context));
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1024),
    ...newPasswordFields,
  })
  .strict()
  .superRefine((value, context) => checkNewPassword(value, context));
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;

/** An administrator issues a new set-up or reset link for a user. */
export const issuePasswordLinkSchema = z.object({ userId: recordId, version: recordVersion }).strict();
export type IssuePasswordLinkInput = z.infer<typeof issuePasswordLinkSchema>;

export const resetUserMfaSchema = z.object({ userId: recordId, version: recordVersion }).strict();
export type ResetUserMfaInput = z.infer<typeof resetUserMfaSchema>;

export const signOutUserEverywhereSchema = z
  .object({ userId: z.string({ error: "Select a user" }).trim().toLowerCase().pipe(z.uuid({ error: "Select a user from the list" })) })
  .strict();
export type SignOutUserEverywhereInput = z.infer<typeof signOutUserEverywhereSchema>;

export const decideRoleChangeSchema = z
  .object({
    requestId: recordId,
    version: recordVersion,
    decision: z.enum(["approve", "refuse"], { error: "Select whether to approve or refuse the change" }),
    reason: requiredText("the reason for your decision", 1000),
  })
  .strict();
export type DecideRoleChangeInput = z.infer<typeof decideRoleChangeSchema>;

/** "Stay signed in" posts nothing but the framework's own fields (docs/security.md SE-03). */
export const staySignedInSchema = z.object({}).strict();

/** After the recovery codes were shown: the sealed proof of the enrolment just made carries the session on (AU-04). */
export const finishMfaEnrolmentSchema = z.object({ proof: z.string().min(1).max(400), callbackUrl }).strict();
