"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { plainString } from "@/lib/domain/forms/fields";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { SIGN_IN_FAILED } from "@/lib/auth/sign-in-messages";
import type { FormState } from "@/lib/forms/form-state";
import { errorState, fieldErrorsFrom } from "@/lib/forms/parse-form";

const signInSchema = z.object({
  email: plainString("email address").trim().min(1, "Enter your email address").max(320, "Email address must be 320 characters or fewer"),
  password: plainString("password").min(1, "Enter your password").max(1024, "Password must be 1024 characters or fewer"),
  callbackUrl: plainString("callback").max(2000).optional(),
});

export async function signInAction(_previous: FormState | undefined, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse({
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  const values = { email: String(formData.get("email") ?? "") };
  if (!parsed.success) return errorState(fieldErrorsFrom(parsed.error), values);
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      // The second step (docs/security.md AU-04) comes next; that page passes straight on when none is needed.
      redirectTo: `/sign-in/two-factor?callbackUrl=${encodeURIComponent(safeCallbackUrl(parsed.data.callbackUrl))}`,
    });
  } catch (error) {
    if (error instanceof AuthError) {
      // One message whether the email is unknown, the password wrong or sign-in locked
      // (docs/security.md AU-02): the lock must not tell an attacker anything.
      return errorState({}, values, SIGN_IN_FAILED);
    }
    throw error; // the redirect after a successful sign-in
  }
  return errorState({}, values, SIGN_IN_FAILED);
}
