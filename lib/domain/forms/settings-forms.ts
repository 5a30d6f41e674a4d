import { z } from "zod";
import { SETTING_KEYS, parseSettingInput, type SettingKey } from "@/lib/domain/settings";
import { optionalText, recordId, recordVersion, requiredText } from "./fields";

/**
 * The settings and contacts page's forms (docs/rules/reasons-and-settings.md). `.strict()`: no
 * extra keys (docs/security.md AC-04). Shared by the form and the server action.
 */

const settingKey = z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], { error: "That setting does not exist." });

/** One setting: its key, the new value as typed, and the value the form showed (stale edits refused). */
export const changeSettingSchema = z
  .object({ key: settingKey, value: z.string({ error: "Enter a value" }), shown: z.string({ error: "Reload the page and try again." }) })
  .strict()
  .transform((input, context) => {
    const parsed = parseSettingInput(input.key, input.value);
    if (!parsed.ok) {
      context.addIssue({ code: "custom", path: ["value"], message: parsed.message });
      return z.NEVER;
    }
    return { key: input.key, value: parsed.value, shown: input.shown };
  });
export type ChangeSettingInput = z.output<typeof changeSettingSchema>;

const optionalEmail = (label: string) =>
  z
    .string()
    .trim()
    .max(320, `${label} must be 320 characters or fewer`)
    .optional()
    .transform((value) => (value ? value.toLowerCase() : null))
    .pipe(z.email({ error: `Enter ${label.toLowerCase()} in the correct format, like name@example.com` }).nullable());

const optionalPhone = (label: string) =>
  optionalText(label.toLowerCase(), 40).refine((value) => value === null || /^[0-9+() -]{6,40}$/.test(value), {
    message: `Enter ${label.toLowerCase()} using numbers, spaces, brackets and +, like 0113 496 0000`,
  });

/**
 * The provider's part-7 contact details (13.31) and the two inboxes UC452 parts are e-mailed to
 * (13.21–13.22): the Organisation's own columns.
 */
export const providerContactsSchema = z
  .object({
    version: recordVersion,
    contactPhone: optionalPhone("Provider telephone number"),
    contactEmail: optionalEmail("Provider email address"),
    ucServiceCentreEmail: optionalEmail("UC Service Centre inbox"),
    sesPolicyEmail: optionalEmail("SES Policy inbox"),
  })
  .strict();
export type ProviderContactsInput = z.output<typeof providerContactsSchema>;

/** The standing contacts a site keeps: its JCP SPoC (13.14, 13.67) and DEA/Work Coaches (3.05). */
export const SITE_CONTACT_ROLES = ["jcp_spoc", "disability_employment_adviser", "work_coach"] as const;
export type SiteContactRole = (typeof SITE_CONTACT_ROLES)[number];
export const SITE_CONTACT_ROLE_LABELS: Record<SiteContactRole, string> = {
  jcp_spoc: "JCP single point of contact (SPoC)",
  disability_employment_adviser: "Disability Employment Adviser (DEA)",
  work_coach: "Work Coach",
};

export const addSiteContactSchema = z
  .object({
    siteId: recordId,
    role: z.enum(SITE_CONTACT_ROLES, { error: "Select who the contact is" }),
    name: requiredText("the contact’s name", 200),
    organisation: optionalText("the Jobcentre or office", 200),
    phone: optionalPhone("Telephone number"),
    email: optionalEmail("Email address"),
  })
  .strict()
  .refine((input) => input.phone !== null || input.email !== null, { path: ["phone"], message: "Enter a telephone number or an email address, so the contact can be reached" });
export type AddSiteContactInput = z.output<typeof addSiteContactSchema>;

export const removeSiteContactSchema = z.object({ siteId: recordId, contactId: recordId }).strict();
export type RemoveSiteContactInput = z.output<typeof removeSiteContactSchema>;

export const REASON_KINDS = ["rejection", "cancellation", "not_suitable", "early_leaving", "not_eligible"] as const;
export type ReasonKindValue = (typeof REASON_KINDS)[number];
export const REASON_KIND_LABELS: Record<ReasonKindValue, string> = {
  rejection: "Rejection reasons (3.08)",
  cancellation: "Cancellation reasons (3.10, 13.34)",
  not_suitable: "Not suitable reasons (13.18)",
  early_leaving: "Early leaving reasons (13.37, 3.16)",
  not_eligible: "Not eligible reasons (13.47)",
};

export const PRAP_REASONS = ["other", "did_not_start", "customer_no_longer_suitable"] as const;
export const PRAP_REASON_LABELS: Record<(typeof PRAP_REASONS)[number], string> = {
  other: "Other",
  did_not_start: "Did Not Start",
  customer_no_longer_suitable: "Customer no longer suitable",
};

const reasonLabel = requiredText("the reason as caseworkers will see it", 200);

/** A new reason: the kind of list, its wording and, for lists PRaP records, the PRaP label it maps to. */
export const addReasonSchema = z
  .object({
    kind: z.enum(REASON_KINDS, { error: "Select a reason list" }),
    label: reasonLabel,
    prapLabel: z
      .string()
      .optional()
      .transform((value) => (value ? value : null))
      .pipe(z.enum(PRAP_REASONS, { error: "Select the PRaP reason from the list" }).nullable()),
  })
  .strict()
  .refine((input) => !(input.kind === "rejection" || input.kind === "cancellation") || input.prapLabel !== null, {
    path: ["prapLabel"],
    message: "Select the PRaP reason this maps to: rejections and cancellations are recorded in PRaP",
  });
export type AddReasonInput = z.output<typeof addReasonSchema>;

/** Rename keeps the code and the PRaP label: cases already closed with it keep their meaning. */
export const renameReasonSchema = z.object({ reasonId: recordId, label: reasonLabel, shown: z.string({ error: "Reload the page and try again." }) }).strict();
export type RenameReasonInput = z.output<typeof renameReasonSchema>;

/** Retire (no longer offered; cases keep it) or bring back. */
export const setReasonActiveSchema = z
  .object({ reasonId: recordId, active: z.enum(["true", "false"], { error: "Reload the page and try again." }).transform((value) => value === "true") })
  .strict();
export type SetReasonActiveInput = z.output<typeof setReasonActiveSchema>;
