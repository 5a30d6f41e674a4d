import { z } from "zod";
import { isoDateFromParts, withDateParts } from "./date-parts";
import { emailAddress, optionalText, recordId, recordVersion, requiredText } from "./fields";

/**
 * Forms of a MAPPA case's nominated-officer-only annex (13.59, 13.68–13.72, 3.34–3.38) and of
 * setting or clearing a case's restriction (docs/security.md AC-06). Shared by the pages and the
 * server actions; every schema is `.strict()`, so a post carrying `restrictionTier`, `restricted`
 * or any other extra key is refused (AC-04).
 */

/** The annex's version the form was rendered with; 0 when no annex exists yet (the first write creates it). */
const annexVersion = z.coerce.number({ error: "Reload the page and try again." }).int().min(0, "Reload the page and try again.");

const pastDate = (label: string) => isoDateFromParts({ label, min: "2015-01-01" });

/** 13.59, 13.68: the JCP nominated officer phones the provider's nominated officer with the restrictions. */
export const recordMappaRestrictionsSchema = withDateParts(
  ["restrictionsPhonedOn"],
  z
    .object({
      caseId: recordId,
      annexVersion,
      restrictions: requiredText("the restrictions the JCP nominated officer gave", 5000),
      restrictionsPhonedOn: pastDate("the date the JCP nominated officer phoned"),
      /** 13.68, 3.34: who phoned the restrictions through (kept in the annex, never on the case record). */
      restrictionsPhonedBy: optionalText("who phoned the restrictions through", 200),
    })
    .strict(),
);
export type RecordMappaRestrictionsInput = z.output<typeof recordMappaRestrictionsSchema>;

/** 13.59, 13.69: the MAPPA J form arrives by secure post (minimum Track and Trace), logged for audit. */
export const recordMappaJReceivedSchema = withDateParts(
  ["receivedOn"],
  z
    .object({
      caseId: recordId,
      annexVersion,
      receivedOn: pastDate("the date the MAPPA J form arrived"),
      trackingNumber: requiredText("the Track and Trace number", 60),
      counterparty: requiredText("who sent it", 200),
    })
    .strict(),
);
export type RecordMappaJReceivedInput = z.output<typeof recordMappaJReceivedSchema>;

/**
 * 13.70, 3.36: the participant's contact details as the JCP nominated officer gives them, with the
 * date they were given; held in the annex only (docs/rules/restricted-cases.md: MAPPA contact details).
 */
export const recordMappaContactSchema = withDateParts(
  ["contactGivenOn"],
  z
    .object({
      caseId: recordId,
      annexVersion,
      contactTelephone: optionalText("the telephone number", 40),
      contactAlternativeTelephone: optionalText("the alternative telephone number", 40),
      contactEmail: z.union([z.literal("").transform(() => null), emailAddress]).optional().transform((value) => value ?? null),
      contactAddress: optionalText("the address", 500),
      contactGivenOn: pastDate("the date the JCP nominated officer gave the contact details"),
    })
    .strict()
    .superRefine((value, context) => {
      if (!value.contactTelephone && !value.contactAlternativeTelephone && !value.contactEmail && !value.contactAddress) {
        context.addIssue({
          code: "custom",
          path: ["contactTelephone"],
          message: "Enter a telephone number, an email address or an address the JCP nominated officer gave",
        });
      }
    }),
);
export type RecordMappaContactInput = z.output<typeof recordMappaContactSchema>;

/** 13.72, 3.38: a letter JCP's nominated officer sent instead of the provider. */
export const recordMappaLetterSchema = withDateParts(
  ["sentOn"],
  z
    .object({
      caseId: recordId,
      annexVersion,
      sentOn: pastDate("the date JCP sent the letter"),
      description: requiredText("what the letter was about", 500),
    })
    .strict(),
);
export type RecordMappaLetterInput = z.output<typeof recordMappaLetterSchema>;

export const RESTRICTION_TIERS = ["none", "mappa", "scr"] as const;
export type RestrictionTierValue = (typeof RESTRICTION_TIERS)[number];

export const RESTRICTION_TIER_LABELS: Record<RestrictionTierValue, string> = {
  none: "Not restricted",
  mappa: "MAPPA (not given SCR status)",
  scr: "Special Customer Record (SCR)",
};

/**
 * AC-06: only a nominated officer sets or clears a case's restriction, always with a reason. The
 * case's version guards against changing a restriction someone else changed meanwhile.
 */
export const changeRestrictionSchema = z
  .object({
    caseId: recordId,
    version: recordVersion,
    tier: z.enum(RESTRICTION_TIERS, { error: "Select the restriction for this case" }),
    reason: requiredText("the reason for the change", 2000),
    // Clearing SCR: give the case back to the caseworker it was taken from when it was marked SCR
    // (docs/rules/restricted-cases.md "SCR lifecycle"); offered only when there is one to restore.
    restoreAssignee: z
      .enum(["yes"], { error: "Reload the page and try again." })
      .optional()
      .transform((value) => value === "yes"),
  })
  .strict();
export type ChangeRestrictionInput = z.output<typeof changeRestrictionSchema>;
