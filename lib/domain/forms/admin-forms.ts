import { z } from "zod";
import { ROLES } from "@/lib/domain/permissions";
import { emailAddress, optionalText, recordId, recordVersion, requiredText } from "./fields";

/** Forms an administrator uses for users and sites (docs/rules/roles.md). `.strict()`: no extra keys (AC-04). */

const roles = z
  .array(z.enum(ROLES, { error: "Select a role from the list" }))
  .min(1, "Select at least one role");

/** The sites a user holds (docs/decisions/0030-users-with-several-sites.md): none means every site. */
const siteIds = z
  .array(z.uuid({ error: "Select sites from the list" }).transform((id) => id.toLowerCase()))
  .optional()
  .transform((ids) => [...new Set(ids ?? [])]);

/** No password: the user sets their own from a set-up link (docs/security.md AU-06). */
export const createUserSchema = z
  .object({
    name: requiredText("the user’s full name", 200),
    email: emailAddress,
    roles,
    siteIds,
  })
  .strict();

export const updateUserSchema = z
  .object({ userId: recordId, version: recordVersion, name: requiredText("the user’s full name", 200), roles, siteIds })
  .strict();

export const userStatusSchema = z
  .object({ userId: recordId, version: recordVersion, active: z.enum(["true", "false"]).transform((v) => v === "true") })
  .strict();

/** A reset issues a link; the administrator never types the password (AU-06). */
export const resetPasswordSchema = z.object({ userId: recordId, version: recordVersion }).strict();

const nation = z.enum(["england_and_wales", "scotland", "northern_ireland"], {
  error: "Select the nation where the site delivers provision",
});

const capacity = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    if (!/^\d+$/.test(value)) {
      context.addIssue({ code: "custom", message: "Capacity must be a whole number, like 40" });
      return z.NEVER;
    }
    const places = Number(value);
    if (places > 100_000) {
      context.addIssue({ code: "custom", message: "Capacity must be 100,000 or fewer" });
      return z.NEVER;
    }
    return places;
  });

const siteFields = {
  name: requiredText("the site name", 200),
  nation,
  address: optionalText("address", 500),
  capacity,
};

export const createSiteSchema = z.object(siteFields).strict();
export const updateSiteSchema = z
  .object({ ...siteFields, siteId: recordId, version: recordVersion, active: z.enum(["true", "false"]).transform((v) => v === "true") })
  .strict();

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type UserStatusInput = z.infer<typeof userStatusSchema>;
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
export type CreateSiteInput = z.infer<typeof createSiteSchema>;
export type UpdateSiteInput = z.infer<typeof updateSiteSchema>;

/** An administrator lifts a sign-in lock (docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md). */
export const unlockSignInSchema = z.object({ userId: recordId, version: recordVersion }).strict();
export type UnlockSignInInput = z.infer<typeof unlockSignInSchema>;
