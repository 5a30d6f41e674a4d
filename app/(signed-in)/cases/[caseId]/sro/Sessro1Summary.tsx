import { SummaryList } from "@/components/content/SummaryList";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { formatNino } from "@/lib/domain/identifiers";
import type { Sessro1View } from "@/lib/server/sro/get-sessro1-view";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });
const yesNo = (value: boolean | null) => (value === null ? "Not recorded" : value ? "Yes" : "No");
const date = (value: string | null) => (value ? formatLongDate(value) : "Not recorded");

const OUTCOME_TEXT = {
  accepted: "Eligible and suitable: accepted",
  provision_full: "Eligible and suitable, but the provision was full",
  not_eligible_or_suitable: "Not eligible or not suitable",
} as const;

/** SESSRO1 Parts 1–4 and consent as recorded: shared by the case page section, the forms and the print view. */
export function Sessro1Summary({ form, headingLevel = 3, withConsent = true }: { form: Sessro1View; headingLevel?: 2 | 3; withConsent?: boolean }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingClass = headingLevel === 2 ? "govuk-heading-m" : "govuk-heading-s";
  return (
    <>
      <Heading className={headingClass}>Part 1: the Statutory Referral Organisation</Heading>
      <SummaryList
        rows={[
          { key: "Organisation", value: form.part1.organisation },
          { key: "Contact name", value: form.part1.contactName },
          { key: "Telephone", value: form.part1.phone ?? "Not recorded" },
          { key: "Email", value: form.part1.email ?? "Not recorded" },
        ]}
      />
      <Heading className={headingClass}>Part 2: the person introduced</Heading>
      <SummaryList
        rows={[
          { key: "Title", value: form.part2.title ?? "Not recorded" },
          { key: "Surname", value: form.part2.surname },
          { key: "Forename", value: form.part2.forename },
          { key: "National Insurance number", value: form.part2.nino ? formatNino(form.part2.nino) : "Not recorded" },
          { key: "Interview", value: form.interviewAt ? `${dateTime.format(new Date(form.interviewAt))}, ${form.interviewVenue ?? ""}` : "Not recorded" },
          {
            key: "Not on the Work Programme or another incompatible DWP programme (13.43)",
            value: form.incompatibleProgrammeChecked ? (form.onIncompatibleProgramme ? "Checked: on one" : "Checked: not on one") : "Not checked",
          },
          ...(form.otherProgrammeNamed ? [{ key: "DWP programme named on the call (13.45)", value: form.otherProgrammeNamed }] : []),
          ...(form.previousSpellReason ? [{ key: "Why another period on SES is appropriate (13.46)", value: form.previousSpellReason }] : []),
        ]}
      />
      <Heading className={headingClass}>Part 3: eligibility and suitability</Heading>
      {form.part3.firstMetOn === null ? (
        <p className="govuk-body">Completed at the first meeting (13.44, 3.23).</p>
      ) : (
        <SummaryList
          rows={[
            { key: "First meeting", value: date(form.part3.firstMetOn) },
            { key: "Eligible", value: yesNo(form.part3.eligible) },
            { key: "Suitable", value: yesNo(form.part3.suitable) },
            { key: "Been on SES before (13.46)", value: yesNo(form.part3.previousSes) },
            ...(form.part3.previousSes ? [{ key: "Another period on SES appropriate", value: yesNo(form.part3.previousSesAppropriate) }] : []),
            { key: "Other DWP programmes", value: form.part3.otherDwpProgrammes ?? "None recorded" },
            { key: "Outcome", value: form.part3.outcome ? OUTCOME_TEXT[form.part3.outcome] : "Not recorded" },
          ]}
        />
      )}
      {form.part3.outcome === "not_eligible_or_suitable" && (
        <>
          <Heading className={headingClass}>Part 4: reason not accepted</Heading>
          <SummaryList
            rows={[
              { key: "Reason", value: form.part4.reasonLabel ?? "Not recorded" },
              { key: "As written on the form", value: form.part4.reason ?? "Not recorded" },
              { key: "Explained to them", value: date(form.part4.claimantToldOn) },
              { key: "SRO contacted to refer them back", value: form.part4.sroContactedOn ? formatLongDate(form.part4.sroContactedOn) : "Not contacted (they did not wish it)" },
              { key: "Copy retained for the DWP Performance Manager", value: form.part4.copyRetainedForInspection ? "Yes" : "No" },
            ]}
          />
        </>
      )}
      {form.part3.outcome === "provision_full" && (
        <SummaryList
          rows={[
            { key: "SRO told the provision is full", value: date(form.part4.sroContactedOn) },
            { key: "Why the provision is full", value: form.provisionFullReason ?? "Not recorded" },
          ]}
        />
      )}
      {withConsent && form.part3.outcome === "accepted" && (
        <>
          <Heading className={headingClass}>Consent and signature</Heading>
          <SummaryList
            rows={[
              { key: "Signed", value: date(form.consent.signedOn) },
              { key: "Copy offered to them", value: date(form.consent.copyOfferedOn) },
              { key: "Original retained", value: form.consent.originalRetained ? "Yes" : "No" },
              ...form.securePost.map((post) => ({
                key: "Copy sent to the JCP SPoC by secure post",
                value: `${formatLongDate(post.postedOn)}, ${post.method}, tracking number ${post.trackingNumber ?? "none"}, to ${post.counterparty}`,
              })),
              { key: "JCP SPoC notified", value: date(form.consent.spocNotifiedOn) },
            ]}
          />
        </>
      )}
    </>
  );
}
