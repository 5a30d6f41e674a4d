import { dateAnswer, NOT_GIVEN, optionAnswer, textAnswer, tickAnswer, type AnswerRow, type AnswerSection, type PostedValues } from "./check-answers";
import {
  BENEFIT_OPTIONS,
  DISABILITY_OPTIONS,
  HANDOVER_ROLE_OPTIONS,
  intakeRowsIn,
  jobWhich,
  REFERRAL_ROUTE_OPTIONS,
  WELSH_LANGUAGE_OPTIONS,
} from "./referral-intake";

/**
 * The PRaP intake's answers as the check-your-answers page shows them, section by section in the
 * form's order, each answer in words (docs/decisions/0018-check-answers-before-a-case-is-created.md).
 * Optional sections left blank read as one "Not given" row rather than a list of blanks.
 */
export function referralIntakeAnswers(values: PostedValues, siteName: (id: string) => string | undefined): AnswerSection[] {
  const text = (key: string, field: string): AnswerRow => ({ key, value: textAnswer(values, field), field });
  const date = (key: string, field: string): AnswerRow => ({ key, value: dateAnswer(values, field), field });
  const filled = (field: string) => (values[field] ?? "").trim() !== "";
  const filledDate = (field: string) => ["day", "month", "year"].some((part) => filled(`${field}-${part}`));

  const referral: AnswerRow[] = [
    { key: "Site", value: siteName(values.siteId ?? "") ?? NOT_GIVEN, field: "siteId" },
    text("Purchase order number", "purchaseOrderNumber"),
    text("Referral ID", "referralId"),
    text("Provision ID", "provisionId"),
    date("Referral date", "referralDate"),
    date("Date the referral was received", "referralReceivedOn"),
    { key: "Benefit", value: optionAnswer(values, "benefit", BENEFIT_OPTIONS), field: "benefit" },
    { key: "Process", value: optionAnswer(values, "route", REFERRAL_ROUTE_OPTIONS), field: "route" },
  ];
  if (filled("rulesetOverrideReason")) referral.push(text("Why it follows the other process", "rulesetOverrideReason"));

  const claimant: AnswerRow[] = [text("Title", "title"), text("Forename", "forename"), text("Surname", "surname"), text("National Insurance number", "nino")];
  if (filled("reReferralJustification")) claimant.push(text("Why this referral should be recorded", "reReferralJustification"));
  claimant.push(
    text("Client number", "clientNumber"),
    { key: "Disabled", value: optionAnswer(values, "disabled", DISABILITY_OPTIONS), field: "disabled" },
    text("Work search review appointment", "workSearchReviewAppointment"),
    { key: "Incident marker", value: tickAnswer(values, "incidentMarker", "Yes"), field: "incidentMarker" },
    text("Childcare requirements", "childcareRequirements"),
    text("Driving licence", "drivingLicence"),
    text("Licence endorsements", "drivingEndorsements"),
  );

  const contact: AnswerRow[] = [
    { key: "MAPPA", value: tickAnswer(values, "mappa", "Yes, this is a MAPPA case"), field: "mappa" },
    text("Telephone number", "telephone"),
    text("Alternative telephone number", "alternativeTelephone"),
    {
      key: "Address",
      value: ["addressLine1", "addressLine2", "town", "postcode"].map((field) => (values[field] ?? "").trim()).filter((line) => line !== "").join(", ") || NOT_GIVEN,
      field: "addressLine1",
    },
  ];

  const chapter3Fields = ["aims", "jobPreferences", "preferredHours", "claimPattern", "availabilityRestrictions", "welshLanguage", "vulnerable", "disadvantaged"];
  const chapter3: AnswerRow[] = chapter3Fields.some(filled)
    ? [
        text("Aims", "aims"),
        text("Job preferences", "jobPreferences"),
        text("Preferred hours", "preferredHours"),
        text("Claim pattern", "claimPattern"),
        text("Availability restrictions", "availabilityRestrictions"),
        { key: "Welsh language", value: optionAnswer(values, "welshLanguage", WELSH_LANGUAGE_OPTIONS), field: "welshLanguage" },
        { key: "Vulnerable customer", value: tickAnswer(values, "vulnerable", "Yes"), field: "vulnerable" },
        { key: "Disadvantaged marker", value: values.disadvantaged === "yes" ? "Y (yes)" : values.disadvantaged === "no" ? "N (no)" : NOT_GIVEN, field: "disadvantaged" },
      ]
    : [{ key: "Single referral details", value: NOT_GIVEN, field: "aims" }];

  const rows = intakeRowsIn(values);
  const jobs: AnswerRow[] = [];
  for (let n = 1; n <= rows.jobs; n += 1) {
    if (!filled(`job${n}Description`) && !filledDate(`job${n}Start`) && !filledDate(`job${n}End`)) continue;
    const which = jobWhich(n);
    const dates = [dateAnswer(values, `job${n}Start`), dateAnswer(values, `job${n}End`)];
    jobs.push({ key: `${which[0].toUpperCase()}${which.slice(1)}`, value: `${textAnswer(values, `job${n}Description`)} (from ${dates[0]} to ${dates[1]})`, field: `job${n}Description` });
  }
  if (jobs.length === 0) jobs.push({ key: "Jobs", value: NOT_GIVEN, field: "job1Description" });

  const qualifications: AnswerRow[] = [];
  for (let n = 1; n <= rows.qualifications; n += 1) {
    const parts = ["Subject", "Level", "Outcome"].map((part) => `qualification${n}${part}`);
    if (!parts.some(filled) && !filledDate(`qualification${n}Start`) && !filledDate(`qualification${n}End`)) continue;
    const [subject, level, outcome] = parts.map((field) => textAnswer(values, field));
    const dates = `from ${dateAnswer(values, `qualification${n}Start`)} to ${dateAnswer(values, `qualification${n}End`)}`;
    qualifications.push({ key: `Qualification ${n}`, value: `${subject}, ${level}, ${outcome} (${dates})`, field: `qualification${n}Subject` });
  }
  if (qualifications.length === 0) qualifications.push({ key: "Qualifications", value: NOT_GIVEN, field: "qualification1Subject" });

  const handover: AnswerRow[] = [
    { key: "Who made the call", value: optionAnswer(values, "handoverRole", HANDOVER_ROLE_OPTIONS), field: "handoverRole" },
    text("Name", "handoverName"),
    text("Jobcentre", "handoverOrganisation"),
    text("Telephone number", "handoverPhone"),
    text("Email address", "handoverEmail"),
    date("Date of the Warm Handover call", "warmHandoverOn"),
    date("Initial Assessment date agreed on the call", "initialAssessmentOn"),
  ];
  if (values.confirmLateAssessment === "yes") {
    handover.push({ key: "Initial Assessment after the meeting deadline", value: "Confirmed", field: "confirmLateAssessment" });
  }

  return [
    { title: "Referral", rows: referral },
    { title: "Claimant", rows: claimant },
    { title: "Contact details", rows: contact },
    { title: "Single referral details (Chapter 3)", rows: chapter3 },
    { title: "Employment history", rows: jobs },
    { title: "Qualifications", rows: qualifications },
    { title: "Warm Handover", rows: handover },
  ];
}
