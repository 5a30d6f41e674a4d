import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { todayInLondon } from "@/lib/calendar/iso-date";
import {
  MAPPA_ADDRESS_GIVEN_MESSAGE,
  provisionFor,
  REFERRAL_INTAKE_FIELDS,
  referralIntakeSchemaOn,
} from "@/lib/domain/forms/referral-intake";
import { fieldErrorsFrom, formDataToObject } from "@/lib/forms/parse-form";

/**
 * The PRaP referral intake schema (docs/rules/routes.md, routes 1 and 2; docs/rules/referral-data.md),
 * parsed exactly as the server action parses a post: FormData → formDataToObject → schema.
 * The clock is fixed at 10:00 London time on Tuesday 14 November 2017.
 */

const SITE_ID = "3f0e8f6a-5a7c-4c56-9a8e-0c1d2e3f4a5b";
const PREFIX_MESSAGE =
  "Purchase order number must start with 2 for Universal Credit or 1 for other benefits, like 200123456 or 100123456";
const UNKNOWN_FIELDS = "The form contained fields that are not allowed. Reload the page and try again.";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2017-11-14T10:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

const dateParts = (name: string, iso: string) => {
  const [year, month, day] = iso.split("-");
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
};
const blankDate = (name: string) => ({ [`${name}-day`]: "", [`${name}-month`]: "", [`${name}-year`]: "" });

/** A complete, valid UC two-stage referral as the form posts it (blank optional fields included). */
const validPost = (overrides: Record<string, string> = {}): Record<string, string> => ({
  route: "prap_two_stage",
  siteId: SITE_ID,
  purchaseOrderNumber: "200123456",
  referralId: "PRAP-0123456-IA",
  provisionId: "SES-IA-LDS",
  ...dateParts("referralDate", "2017-04-13"),
  ...dateParts("referralReceivedOn", "2017-04-13"),
  title: "Mr",
  forename: "Daniel",
  surname: "Ashworth",
  nino: "jw 90 01 11 a",
  clientNumber: "",
  disabled: "yes",
  workSearchReviewAppointment: "",
  childcareRequirements: "",
  drivingLicence: "",
  drivingEndorsements: "",
  telephone: "07700 900101",
  alternativeTelephone: "",
  addressLine1: "7 Kestrel Row",
  addressLine2: "Osmondthorpe",
  town: "Leeds",
  postcode: "ls9 8qx",
  aims: "",
  jobPreferences: "",
  preferredHours: "",
  claimPattern: "",
  availabilityRestrictions: "",
  job1Description: "",
  ...blankDate("job1Start"),
  ...blankDate("job1End"),
  job2Description: "",
  ...blankDate("job2Start"),
  ...blankDate("job2End"),
  ...Object.assign(
    {},
    ...[1, 2, 3].map((n) => ({
      [`qualification${n}Subject`]: "",
      [`qualification${n}Level`]: "",
      [`qualification${n}Outcome`]: "",
      ...blankDate(`qualification${n}Start`),
      ...blankDate(`qualification${n}End`),
    })),
  ),
  handoverRole: "work_coach",
  handoverName: "Rachel Moorhouse",
  handoverOrganisation: "Leeds Eastgate Jobcentre",
  handoverPhone: "0113 496 0301",
  handoverEmail: "Rachel.Moorhouse@jobcentre.example.test",
  ...dateParts("warmHandoverOn", "2017-04-13"),
  ...dateParts("initialAssessmentOn", "2017-04-24"),
  ...overrides,
});

function parse(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  const result = referralIntakeSchemaOn(todayInLondon(new Date())).safeParse(formDataToObject(data));
  return result.success ? { data: result.data, errors: {} as Record<string, string> } : { data: undefined, errors: fieldErrorsFrom(result.error) };
}

const without = (fields: Record<string, string>, ...names: string[]) =>
  Object.fromEntries(Object.entries(fields).filter(([key]) => !names.includes(key)));

describe("referralIntakeSchema: a valid referral", () => {
  it("parses the post into the grouped input with normalised identifiers and ISO dates", () => {
    const { data, errors } = parse(validPost());
    expect(errors).toEqual({});
    expect(data?.referral).toEqual({
      route: "prap_two_stage",
      siteId: SITE_ID,
      purchaseOrderNumber: "200123456",
      regime: "uc",
      ruleset: "ses_2016_uc",
      derivedRuleset: "ses_2016_uc",
      rulesetWhy:
        "Referral date Thursday 13 April 2017, purchase order starting 2: it was made before 1 September 2017 and its purchase order starts with 2 (Universal Credit), so Chapter 13’s two-stage process applies.",
      rulesetOverrideReason: null,
      provision: "ia_opportunity",
      referralId: "PRAP-0123456-IA",
      provisionId: "SES-IA-LDS",
      referralDate: "2017-04-13",
      referralReceivedOn: "2017-04-13",
      warmHandoverOn: "2017-04-13",
      initialAssessmentOn: "2017-04-24",
      confirmLateAssessment: false,
    });
    expect(data?.claimant).toMatchObject({
      title: "Mr",
      nino: "JW900111A",
      postcode: "LS9 8QX",
      telephone: "07700 900101",
      clientNumber: null,
      disabled: true,
      incidentMarker: false,
      vulnerable: false,
      welshLanguage: null,
      disadvantaged: null,
    });
    expect(data?.handover).toEqual({
      role: "work_coach",
      name: "Rachel Moorhouse",
      organisation: "Leeds Eastgate Jobcentre",
      phone: "0113 496 0301",
      email: "rachel.moorhouse@jobcentre.example.test",
    });
    expect(data?.mappa).toBe(false);
    expect(data?.employmentHistory).toEqual([]);
    expect(data?.qualifications).toEqual([]);
    expect(data?.reReferralJustification).toBeNull();
  });

  it("takes spaces out of a purchase order number copied from PRaP", () => {
    expect(parse(validPost({ purchaseOrderNumber: " 200 123 456 " })).data?.referral.purchaseOrderNumber).toBe("200123456");
  });

  // Changed on purpose: the date received is entered explicitly, never silently the keying day (13.17).
  it("requires the date received: a blank one is refused, never taken as today (13.17)", () => {
    const { data, errors } = parse(validPost(blankDate("referralReceivedOn")));
    expect(data).toBeUndefined();
    expect(errors.referralReceivedOn).toBe("Enter the date the referral was received");
  });

  it("keeps the disability status to yes / no / not recorded — never what the disability is (13.62)", () => {
    expect(parse(validPost({ disabled: "no" })).data?.claimant.disabled).toBe(false);
    expect(parse(validPost({ disabled: "not_recorded" })).data?.claimant.disabled).toBeNull();
    expect(parse(validPost({ disabled: "" })).errors.disabled).toBe("Select whether the referral says the claimant is disabled");
    expect(parse(validPost({ disabled: "Epilepsy" })).errors.disabled).toBe("Select whether the referral says the claimant is disabled");
  });

  it("records employment history and up to 3 qualifications, numbered in order, skipping empty rows (13.63, 13.64)", () => {
    const { data, errors } = parse(
      validPost({
        job1Description: "Warehouse operative",
        ...dateParts("job1Start", "2011-03-02"),
        ...dateParts("job1End", "2015-10-27"),
        qualification2Subject: "Warehousing and storage",
        qualification2Level: "Level 2",
        qualification2Outcome: "Achieved",
        ...dateParts("qualification2End", "2010-06-26"),
        qualification3Subject: "English",
      }),
    );
    expect(errors).toEqual({});
    expect(data?.employmentHistory).toEqual([{ sequence: 1, description: "Warehouse operative", startDate: "2011-03-02", endDate: "2015-10-27" }]);
    expect(data?.qualifications).toEqual([
      { sequenceNumber: 1, subject: "Warehousing and storage", level: "Level 2", outcome: "Achieved", startDate: null, endDate: "2010-06-26" },
      { sequenceNumber: 2, subject: "English", level: null, outcome: null, startDate: null, endDate: null },
    ]);
  });

  // Changed on purpose: 13.63 and 13.64 set no limit, so the form takes every row posted.
  it("takes any number of jobs and qualifications, beyond the form's first rows (13.63, 13.64 set no limit)", () => {
    const many = Object.fromEntries(
      Array.from({ length: 6 }, (_, index) => index + 1).flatMap((n) => [
        [`job${n}Description`, `Job ${n}`],
        [`qualification${n}Subject`, `Subject ${n}`],
      ]),
    );
    const { data, errors } = parse(validPost({ ...many, ...dateParts("job5Start", "2001-02-03"), ...dateParts("qualification6End", "2002-07-01") }));
    expect(errors).toEqual({});
    expect(data?.employmentHistory.map((job) => job.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(data?.employmentHistory[4]).toMatchObject({ description: "Job 5", startDate: "2001-02-03" });
    expect(data?.qualifications).toHaveLength(6);
    expect(data?.qualifications[5]).toMatchObject({ sequenceNumber: 6, subject: "Subject 6", endDate: "2002-07-01" });
  });

  it("checks an added row like the first ones, naming it, with its error in the form's order", () => {
    const { errors } = parse(validPost({ ...dateParts("job3Start", "2010-01-04"), qualification4Level: "Level 3" }));
    expect(errors).toEqual({
      job3Description: "Enter a description of the 3rd most recent job, or remove its dates",
      qualification4Subject: "Enter the subject of qualification 4, or clear its other details",
    });
  });

  it("asks for a description and a subject when a row has only dates or a level, and keeps end after start", () => {
    const { errors } = parse(
      validPost({
        ...dateParts("job2Start", "2010-01-04"),
        qualification1Level: "Level 2",
        job1Description: "Care assistant",
        ...dateParts("job1Start", "2014-05-01"),
        ...dateParts("job1End", "2013-05-01"),
      }),
    );
    expect(errors).toEqual({
      job1End: "End date of the most recent job must be the same as or after its start date",
      job2Description: "Enter a description of the previous job, or remove its dates",
      qualification1Subject: "Enter the subject of qualification 1, or clear its other details",
    });
  });
});

describe("purchase order number and ruleset (13.06, 13.16)", () => {
  it.each([
    ["300123456", PREFIX_MESSAGE],
    ["000123456", PREFIX_MESSAGE],
    ["900123456", PREFIX_MESSAGE],
    ["20012345", "Purchase order number must be 9 digits, like 200123456"],
    ["2001234567", "Purchase order number must be 9 digits, like 200123456"],
    ["20012345A", "Purchase order number must only include numbers 0 to 9, like 200123456"],
    ["", "Enter the purchase order number"],
  ])("refuses %j: %s", (purchaseOrderNumber, message) => {
    expect(parse(validPost({ purchaseOrderNumber })).errors.purchaseOrderNumber).toBe(message);
  });

  // Changed on purpose: the ruleset follows the referral date and purchase order, not the route picked.
  it("derives the ruleset from the referral date and the purchase order's first digit (13.06, 13.16, 3.01)", () => {
    const rulesetOf = (referralDate: string, purchaseOrderNumber: string) =>
      parse(
        validPost({
          route: "derived",
          purchaseOrderNumber,
          ...dateParts("referralDate", referralDate),
          ...dateParts("referralReceivedOn", referralDate),
          ...dateParts("warmHandoverOn", referralDate),
          ...dateParts("initialAssessmentOn", "2017-09-08"),
        }),
      ).data
        ?.referral;
    expect(rulesetOf("2017-08-31", "200123456")).toMatchObject({ route: "prap_two_stage", ruleset: "ses_2016_uc", regime: "uc", provision: "ia_opportunity", rulesetOverrideReason: null });
    expect(rulesetOf("2017-08-31", "100123456")).toMatchObject({ route: "prap_single", ruleset: "ses_2017", regime: "non_uc", provision: "ses_p2_national" });
    expect(rulesetOf("2017-09-01", "200123456")).toMatchObject({ route: "prap_single", ruleset: "ses_2017", regime: "uc", provision: "ses_p2_national" });
    expect(rulesetOf("2017-09-01", "100123456")).toMatchObject({ route: "prap_single", ruleset: "ses_2017", regime: "non_uc" });
    expect(provisionFor("prap_single")).toBe("ses_p2_national");
  });

  it("takes the derived process when the process question is left unanswered", () => {
    expect(parse(without(validPost(), "route")).data?.referral).toMatchObject({ route: "prap_two_stage", ruleset: "ses_2016_uc" });
  });

  it("lets a caseworker choose the other process only with a reason, and says what the date and purchase order give (docs/rules/rulesets.md)", () => {
    const chosen = validPost({ route: "prap_single", provisionId: "SES-P2-NATIONAL" });
    expect(parse(chosen).errors.rulesetOverrideReason).toBe(
      "Referral date Thursday 13 April 2017, purchase order starting 2: it was made before 1 September 2017 and its purchase order starts with 2 (Universal Credit), so Chapter 13’s two-stage process applies. To use the other process, give the reason, for example the contract variant that applies",
    );
    expect(parse({ ...chosen, rulesetOverrideReason: "short" }).errors.rulesetOverrideReason).toBe(
      "Reason for choosing the other process must be at least 10 characters",
    );
    const reason = "Contract variant 7: single process for all referrals";
    expect(parse({ ...chosen, rulesetOverrideReason: reason }).data?.referral).toMatchObject({
      route: "prap_single",
      ruleset: "ses_2017",
      derivedRuleset: "ses_2016_uc",
      rulesetOverrideReason: reason,
    });
    // A reason given while following the derived process is not an override, so it is not kept.
    expect(parse(validPost({ rulesetOverrideReason: reason })).data?.referral.rulesetOverrideReason).toBeNull();
  });

  it("refuses a purchase order starting 1 on the UC two-stage route, even with a reason (13.06, 13.16)", () => {
    const post = validPost({ purchaseOrderNumber: "100123456", route: "prap_two_stage", rulesetOverrideReason: "Contract variant for all benefits" });
    expect(parse(post).errors.purchaseOrderNumber).toBe(
      "Purchase order starts with 1, which is a referral for another benefit: the two-stage process is for Universal Credit referrals, whose purchase orders start with 2 (13.06, 13.16)",
    );
  });

  it("refuses a purchase order whose first digit contradicts the benefit the referral is for (13.06, 13.16)", () => {
    expect(parse(validPost({ benefit: "non_uc" })).errors.purchaseOrderNumber).toBe(
      "Purchase order starts with 2, which is a Universal Credit referral, but the referral is for another benefit: check the purchase order number (13.06, 13.16)",
    );
    expect(parse(validPost({ benefit: "uc", purchaseOrderNumber: "100123456", route: "derived", provisionId: "SES-P2-NATIONAL" })).errors.purchaseOrderNumber).toBe(
      "Purchase order starts with 1, which is a referral for another benefit, but the referral is for Universal Credit: check the purchase order number (13.06, 13.16)",
    );
    expect(parse(validPost({ benefit: "uc" })).errors).toEqual({});
  });

  it("refuses a process that is not a PRaP process", () => {
    expect(parse(validPost({ route: "scr_clerical" })).errors.route).toBe("Select which process the referral follows");
  });
});

describe("National Insurance number", () => {
  it.each([
    ["", "Enter a National Insurance number"],
    ["QQ 12 34 56", "Enter a National Insurance number in the correct format, like AB 12 34 56 C"],
    ["AB 12 34 56 E", "Enter a National Insurance number in the correct format, like AB 12 34 56 C"],
    ["QQ 12 34 56 C", "Enter a real National Insurance number: the first letter is never D, F, I, Q, U or V"],
    ["AO 12 34 56 C", "Enter a real National Insurance number: the second letter is never D, F, I, O, Q, U or V"],
    ["TN 12 34 56 C", "Enter a real National Insurance number: numbers starting TN are not allocated to people"],
  ])("refuses %j", (nino, message) => {
    expect(parse(validPost({ nino })).errors.nino).toBe(message);
  });

  it("accepts a real-format number in any case and spacing, stored upper case without spaces", () => {
    expect(parse(validPost({ nino: " ab123456c " })).data?.claimant.nino).toBe("AB123456C");
  });
});

describe("address and MAPPA (13.58, 3.32)", () => {
  const noAddress = { addressLine1: "", addressLine2: "", town: "", postcode: "", telephone: "", alternativeTelephone: "" };

  it("requires address line 1, town and postcode unless the case is MAPPA — a missing address alone never marks MAPPA", () => {
    const { data, errors } = parse(validPost(noAddress));
    expect(data).toBeUndefined();
    expect(errors).toEqual({
      addressLine1: "Enter address line 1, typically the building and street",
      town: "Enter the town or city",
      postcode: "Enter the postcode",
    });
  });

  it("makes address, postcode and telephone optional when MAPPA is ticked, and marks the case MAPPA", () => {
    const { data, errors } = parse(validPost({ ...noAddress, mappa: "yes" }));
    expect(errors).toEqual({});
    expect(data?.mappa).toBe(true);
    expect(data?.claimant).toMatchObject({ addressLine1: null, town: null, postcode: null, telephone: null });
  });

  it("refuses a MAPPA tick alongside an address or telephone (the referral arrives without them)", () => {
    expect(parse(validPost({ ...noAddress, mappa: "yes", telephone: "07700 900101" })).errors).toEqual({ mappa: MAPPA_ADDRESS_GIVEN_MESSAGE });
    expect(parse(validPost({ mappa: "yes" })).errors).toEqual({ mappa: MAPPA_ADDRESS_GIVEN_MESSAGE });
  });

  it("checks the postcode's UK format and normalises its spacing", () => {
    expect(parse(validPost({ postcode: "LS98 QX1" })).errors.postcode).toBe("Enter a real postcode, like LS9 8QX");
    expect(parse(validPost({ postcode: "12345" })).errors.postcode).toBe("Enter a real postcode, like LS9 8QX");
    expect(parse(validPost({ postcode: "g326qt" })).data?.claimant.postcode).toBe("G32 6QT");
    expect(parse(validPost({ postcode: "EC1A  1BB" })).data?.claimant.postcode).toBe("EC1A 1BB");
  });
});

describe("dates", () => {
  it("refuses a referral date in the future", () => {
    expect(parse(validPost(dateParts("referralDate", "2017-11-15"))).errors.referralDate).toBe("Referral date must be today or in the past");
    expect(parse(validPost({ route: "derived", ...dateParts("referralDate", "2017-11-14"), ...dateParts("referralReceivedOn", "2017-11-14"), ...dateParts("warmHandoverOn", "2017-11-14"), ...dateParts("initialAssessmentOn", "2017-11-20") })).errors).toEqual({});
  });

  it("refuses a referral date before 2015, and an impossible or incomplete one, with the GOV.UK messages", () => {
    expect(parse(validPost(dateParts("referralDate", "2014-12-31"))).errors.referralDate).toBe(
      "Referral date must be the same as or after 1 January 2015",
    );
    expect(parse(validPost({ "referralDate-day": "31", "referralDate-month": "2" })).errors.referralDate).toBe("Referral date must be a real date");
    expect(parse(validPost({ "referralDate-month": "" })).errors.referralDate).toBe("Referral date must include a month");
    expect(parse(validPost(blankDate("referralDate"))).errors.referralDate).toBe("Enter the referral date");
  });

  it("refuses a date received before the referral date or in the future", () => {
    expect(parse(validPost(dateParts("referralReceivedOn", "2017-04-12"))).errors.referralReceivedOn).toBe(
      "Date the referral was received must be the same as or after the referral date, Thursday 13 April 2017",
    );
    expect(parse(validPost(dateParts("referralReceivedOn", "2017-11-15"))).errors.referralReceivedOn).toBe(
      "Date the referral was received must be today or in the past",
    );
  });

  it("asks the Warm Handover call's own business date: never in the future or before the referral date (docs/rules/decisions.md: business dates)", () => {
    expect(parse(validPost(blankDate("warmHandoverOn"))).errors.warmHandoverOn).toBe("Enter the date of the Warm Handover call");
    expect(parse(validPost(dateParts("warmHandoverOn", "2017-04-12"))).errors.warmHandoverOn).toBe(
      "Date of the Warm Handover call must be the same as or after the referral date, Thursday 13 April 2017",
    );
    expect(parse(validPost(dateParts("warmHandoverOn", "2017-11-15"))).errors.warmHandoverOn).toBe("Date of the Warm Handover call must be today or in the past");
    expect(parse(validPost(dateParts("warmHandoverOn", "2017-04-18"))).data?.referral.warmHandoverOn).toBe("2017-04-18");
  });

  it("requires the Initial Assessment date on the two-stage route only, on or after the referral date (13.11, 13.15)", () => {
    expect(parse(validPost(blankDate("initialAssessmentOn"))).errors).toEqual({
      initialAssessmentOn: "Enter the Initial Assessment date agreed on the Warm Handover call",
    });
    expect(parse(validPost(dateParts("initialAssessmentOn", "2017-04-12"))).errors.initialAssessmentOn).toBe(
      "Initial Assessment date must be the same as or after the referral date",
    );
    const single = parse(
      validPost({ route: "prap_single", rulesetOverrideReason: "Contract variant: single process", provisionId: "SES-P2-NATIONAL", ...blankDate("initialAssessmentOn") }),
    );
    expect(single.errors).toEqual({});
    expect(single.data?.referral.initialAssessmentOn).toBeNull();
  });
});

describe("Warm Handover (13.11, 3.05)", () => {
  it("requires who called, their name, telephone and email — needed at exit", () => {
    const { errors } = parse(validPost({ handoverRole: "", handoverName: "", handoverPhone: "", handoverEmail: "" }));
    expect(errors).toEqual({
      handoverRole: "Select who made the Warm Handover call",
      handoverName: "Enter the name of the work coach or DEA",
      handoverPhone: "Enter the telephone number of the work coach or DEA",
      handoverEmail: "Enter the email address of the work coach or DEA",
    });
  });

  it("accepts a DEA and checks the telephone and email formats", () => {
    expect(parse(validPost({ handoverRole: "disability_employment_adviser" })).data?.handover.role).toBe("disability_employment_adviser");
    expect(parse(validPost({ handoverPhone: "12345" })).errors.handoverPhone).toMatch(/^Enter the telephone number of the work coach or DEA in the correct format/);
    expect(parse(validPost({ handoverEmail: "rachel" })).errors.handoverEmail).toBe("Enter an email address in the correct format, like name@example.com");
  });
});

describe("re-referral justification (13.39, 3.18)", () => {
  it("is optional, but at least 10 characters when given", () => {
    expect(parse(validPost({ reReferralJustification: "" })).data?.reReferralJustification).toBeNull();
    expect(parse(validPost({ reReferralJustification: "Because" })).errors.reReferralJustification).toBe("Justification must be at least 10 characters");
    expect(parse(validPost({ reReferralJustification: "  JCP confirmed a new claim and consent  " })).data?.reReferralJustification).toBe(
      "JCP confirmed a new claim and consent",
    );
  });
});

describe("strictness and limits (AC-04, IV-01)", () => {
  it("refuses unknown fields, including ids that must come from the session", () => {
    expect(parse(validPost({ organisationId: SITE_ID })).errors).toEqual({ form: UNKNOWN_FIELDS });
    expect(parse(validPost({ restrictionTier: "scr" })).errors).toEqual({ form: UNKNOWN_FIELDS });
    expect(parse(validPost({ referralDate: "2017-04-13" })).errors).toEqual({ form: UNKNOWN_FIELDS });
    expect(parse(validPost({ mappa: "no" })).errors.mappa).toBe("Reload the page and try again.");
  });

  it("limits every text field to its column's length", () => {
    expect(parse(validPost({ forename: "x".repeat(101) })).errors.forename).toBe("The claimant’s forename must be 100 characters or fewer");
    expect(parse(validPost({ referralId: "x".repeat(41) })).errors.referralId).toBe("The referral ID must be 40 characters or fewer");
    expect(parse(validPost({ aims: "x".repeat(1001) })).errors.aims).toBe("Aims must be 1000 characters or fewer");
    expect(parse(validPost({ nino: "x".repeat(21) })).errors.nino).toBeDefined();
    expect(parse(validPost({ purchaseOrderNumber: "2".repeat(21) })).errors.purchaseOrderNumber).toBeDefined();
    expect(parse(validPost({ "referralDate-day": "1".repeat(21) })).errors.referralDate).toBeDefined();
    expect(parse(validPost({ reReferralJustification: "x".repeat(2001) })).errors.reReferralJustification).toBe(
      "Justification must be 2000 characters or fewer",
    );
  });

  it("reports every error at once, in the order of the form", () => {
    const { errors } = parse({});
    expect(Object.keys(errors)).toEqual([
      "siteId",
      "purchaseOrderNumber",
      "referralId",
      "provisionId",
      "referralDate",
      "referralReceivedOn",
      "forename",
      "surname",
      "nino",
      "disabled",
      "addressLine1",
      "town",
      "postcode",
      "handoverRole",
      "handoverName",
      "handoverPhone",
      "handoverEmail",
      "warmHandoverOn",
    ]);
    const keys = Object.keys(parse(validPost({ route: "prap_two_stage", addressLine1: "", purchaseOrderNumber: "3", ...blankDate("initialAssessmentOn") })).errors);
    expect(keys).toEqual(["purchaseOrderNumber", "addressLine1", "initialAssessmentOn"]);
    const order = REFERRAL_INTAKE_FIELDS as readonly string[];
    expect(order.indexOf("addressLine1")).toBeLessThan(order.indexOf("initialAssessmentOn"));
  });

  it("parses a post that leaves out optional fields altogether", () => {
    expect(parse(without(validPost(), "clientNumber", "aims", "job1Description", "qualification1Subject")).errors).toEqual({});
  });
});
