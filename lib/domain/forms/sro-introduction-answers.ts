import { dateAnswer, NOT_GIVEN, optionAnswer, textAnswer, type AnswerRow, type AnswerSection, type PostedValues } from "./check-answers";
import { INCOMPATIBLE_PROGRAMME_OPTIONS } from "./sro-introduction-forms";

/**
 * SESSRO1 Parts 1 and 2 as the check-your-answers page shows them before the introduction is
 * recorded (docs/decisions/0018-check-answers-before-a-case-is-created.md), in the form's order.
 */
export function sroIntroductionAnswers(values: PostedValues, siteName: (id: string) => string | undefined): AnswerSection[] {
  const text = (key: string, field: string): AnswerRow => ({ key, value: textAnswer(values, field), field });
  const call: AnswerRow[] = [
    { key: "Site", value: siteName(values.siteId ?? "") ?? NOT_GIVEN, field: "siteId" },
    { key: "Date of the phone call", value: dateAnswer(values, "introducedOn"), field: "introducedOn" },
  ];
  const programme: AnswerRow[] = [
    { key: "On an incompatible DWP programme", value: optionAnswer(values, "onIncompatibleProgramme", INCOMPATIBLE_PROGRAMME_OPTIONS), field: "onIncompatibleProgramme" },
    text("Another DWP programme they are on", "otherProgrammeNamed"),
  ];
  if ((values.previousSpellReason ?? "").trim() !== "") programme.push(text("Why another period on SES is appropriate", "previousSpellReason"));
  return [
    { title: "The call", rows: call },
    {
      title: "Part 1: the Statutory Referral Organisation",
      rows: [text("Organisation", "sroOrganisation"), text("Contact name", "sroContactName"), text("Telephone number", "sroPhone"), text("Email address", "sroEmail")],
    },
    {
      title: "Part 2: the person introduced",
      rows: [text("Title", "title"), text("Surname", "surname"), text("Forename", "forename"), text("National Insurance number", "nino")],
    },
    {
      title: "The interview agreed on the call",
      rows: [
        { key: "Interview date", value: dateAnswer(values, "interviewOn"), field: "interviewOn" },
        text("Interview time", "interviewTime"),
        text("Interview venue", "interviewVenue"),
      ],
    },
    { title: "Other programmes", rows: programme },
  ];
}
