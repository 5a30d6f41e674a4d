import { dateAnswer, NOT_GIVEN, textAnswer, type AnswerRow, type AnswerSection, type PostedValues } from "./check-answers";

/**
 * A received SL2's details as the check-your-answers page shows them before the SCR case is
 * created (docs/decisions/0018-check-answers-before-a-case-is-created.md), in the form's order.
 */
export function scrCaseAnswers(values: PostedValues, siteName: (id: string) => string | undefined): AnswerSection[] {
  const text = (key: string, field: string): AnswerRow => ({ key, value: textAnswer(values, field), field });
  return [
    {
      title: "The SL2",
      rows: [
        { key: "Date the SL2 was received", value: dateAnswer(values, "receivedOn"), field: "receivedOn" },
        { key: "Site", value: siteName(values.siteId ?? "") ?? NOT_GIVEN, field: "siteId" },
      ],
    },
    {
      title: "The person, from SL2 page 1",
      rows: [text("Title", "title"), text("Forename", "forename"), text("Surname", "surname"), text("National Insurance number", "nino"), text("Telephone", "telephone")],
    },
    {
      title: "The JCP nominated officer who sent it",
      rows: [text("Name", "jcpOfficerName"), text("Jobcentre or office", "jcpOfficerOffice"), text("Telephone", "jcpOfficerPhone"), text("Email address", "jcpOfficerEmail")],
    },
  ];
}
