import { z } from "zod";
import { optionalText, recordId, recordVersion, requiredText } from "./fields";
import { optionalChoice, postcode, telephone, tickbox } from "./referral-intake";

/**
 * A change of circumstances: a caseworker corrects or updates the claimant's contact and personal
 * details (docs/rules/referral-data.md). The same checks as the referral (13.62, 3.33), one form
 * shared by the page and the server action; `.strict()`: unknown keys refused (docs/security.md AC-04).
 */
export const CLAIMANT_FIELD_NAMES = [
  "title",
  "forename",
  "surname",
  "telephone",
  "alternativeTelephone",
  "addressLine1",
  "addressLine2",
  "town",
  "postcode",
  "disabled",
  "vulnerable",
  "welshLanguage",
  "childcareRequirements",
  "disadvantaged",
] as const;

/** The contact details a MAPPA case keeps in its annex, never on the open record (13.58, 13.70, 13.71). */
export const CONTACT_FIELD_NAMES = ["telephone", "alternativeTelephone", "addressLine1", "addressLine2", "town", "postcode"] as const;

export interface ClaimantFields {
  title: string | null;
  forename: string;
  surname: string;
  telephone: string | null;
  alternativeTelephone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  /** 13.62: that the person is disabled, never what the disability is. */
  disabled: boolean | null;
  /** 3.33: "Safeguard". */
  vulnerable: boolean;
  welshLanguage: "none" | "written" | "spoken" | "written_and_spoken" | null;
  childcareRequirements: string | null;
  /** 3.33: if yes, ask the customer to disclose their disadvantages. */
  disadvantaged: boolean | null;
}

export function claimantFieldsOf(claimant: { [K in keyof ClaimantFields]?: ClaimantFields[K] | undefined } & { forename: string; surname: string }): ClaimantFields {
  return {
    title: claimant.title ?? null,
    forename: claimant.forename,
    surname: claimant.surname,
    telephone: claimant.telephone ?? null,
    alternativeTelephone: claimant.alternativeTelephone ?? null,
    addressLine1: claimant.addressLine1 ?? null,
    addressLine2: claimant.addressLine2 ?? null,
    town: claimant.town ?? null,
    postcode: claimant.postcode ?? null,
    disabled: claimant.disabled ?? null,
    vulnerable: claimant.vulnerable ?? false,
    welshLanguage: claimant.welshLanguage ?? null,
    childcareRequirements: claimant.childcareRequirements ?? null,
    disadvantaged: claimant.disadvantaged ?? null,
  };
}

/** The form's values for a stored claimant (radios post "yes"/"no"/"not_recorded"). */
export function circumstancesFormValues(fields: ClaimantFields): Record<string, string> {
  const yesNo = (value: boolean | null) => (value === null ? "not_recorded" : value ? "yes" : "no");
  return {
    title: fields.title ?? "",
    forename: fields.forename,
    surname: fields.surname,
    telephone: fields.telephone ?? "",
    alternativeTelephone: fields.alternativeTelephone ?? "",
    addressLine1: fields.addressLine1 ?? "",
    addressLine2: fields.addressLine2 ?? "",
    town: fields.town ?? "",
    postcode: fields.postcode ?? "",
    disabled: yesNo(fields.disabled),
    vulnerable: fields.vulnerable ? "yes" : "",
    welshLanguage: fields.welshLanguage ?? "",
    childcareRequirements: fields.childcareRequirements ?? "",
    disadvantaged: fields.disadvantaged === null ? "" : fields.disadvantaged ? "yes" : "no",
  };
}

export const changeCircumstancesSchema = z
  .object({
    caseId: recordId,
    version: recordVersion,
    title: optionalText("title", 20),
    forename: requiredText("the claimant’s forename", 100),
    surname: requiredText("the claimant’s surname", 100),
    telephone: telephone("a telephone number", false),
    alternativeTelephone: telephone("an alternative telephone number", false),
    addressLine1: optionalText("address line 1", 200),
    addressLine2: optionalText("address line 2", 200),
    town: optionalText("town or city", 100),
    postcode,
    disabled: z.enum(["yes", "no", "not_recorded"], { error: "Select whether the claimant is disabled" }),
    vulnerable: tickbox,
    welshLanguage: optionalChoice(["none", "written", "spoken", "written_and_spoken"], "Select an option for Welsh language"),
    childcareRequirements: optionalText("childcare requirements", 500),
    disadvantaged: optionalChoice(["yes", "no"], "Select yes or no for the disadvantaged marker"),
  })
  .strict()
  .transform(({ caseId, version, disabled, disadvantaged, ...rest }) => ({
    caseId,
    version,
    fields: {
      ...rest,
      disabled: disabled === "not_recorded" ? null : disabled === "yes",
      disadvantaged: disadvantaged === null ? null : disadvantaged === "yes",
    } satisfies ClaimantFields,
  }));

export type ChangeCircumstancesInput = z.output<typeof changeCircumstancesSchema>;

/** The fields whose values differ, for the audit's before and after and the timeline. */
export function changedClaimantFields(before: ClaimantFields, after: ClaimantFields): (keyof ClaimantFields)[] {
  return CLAIMANT_FIELD_NAMES.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
