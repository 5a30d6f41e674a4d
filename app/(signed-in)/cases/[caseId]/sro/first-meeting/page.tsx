import { casePageTitle } from "@/lib/domain/case-sections";
import { InsetText } from "@/components/content/InsetText";
import { WarningText } from "@/components/content/WarningText";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { describeEarlierSpell } from "@/lib/domain/sro/earlier-spells";
import { recordFirstMeetingAction } from "../actions";
import { loadFirstMeetingPage } from "@/lib/server/sro/load-first-meeting-page";
import { Sessro1Summary } from "../Sessro1Summary";
import { FirstMeetingForm } from "./FirstMeetingForm";

export default async function FirstMeetingPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const { form, reasons } = await loadFirstMeetingPage(user, caseId);
  const name = `${form.part2.forename} ${form.part2.surname}`;
  const full = form.capacity !== null && form.placesTaken >= form.capacity;
  return (
    <>
      <BackLink href={`/cases/${form.caseId}`} text={`Back to case ${form.reference}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordFirstMeetingAction}>
          <FormHeading title={casePageTitle("Record the first meeting (SESSRO1)", name, form.reference)} caption={`Case ${form.reference}, ${name}`}>Record the first meeting</FormHeading>
          {form.state !== "introduced" ? (
            <p className="govuk-body">
              The first meeting has already been recorded for this case. <a className="govuk-link" href={`/cases/${form.caseId}#sessro1`}>See the SESSRO1 on the case</a>.
            </p>
          ) : (
            <>
              <p className="govuk-body">
                Complete the rest of SESSRO1 to establish whether they are eligible and suitable (13.44, 3.23). They stay “introduced”,
                not referred, until you do.
              </p>
              {form.earlierSpells.length > 0 && (
                <WarningText>
                  Our records show an earlier SES spell for this National Insurance number: {form.earlierSpells.map(describeEarlierSpell).join("; ")}.
                  Ask whether another period on SES is appropriate, and give the reason to go on (13.46, 3.24).
                </WarningText>
              )}
              {form.otherProgrammeNamed && (
                <WarningText>
                  Another DWP programme was named on the call: {form.otherProgrammeNamed}. SES is probably not suitable alongside another
                  DWP-funded programme: check it now (13.45, 13.46, 3.24).
                </WarningText>
              )}
              {form.capacity === null ? (
                <InsetText>{form.siteName} has no capacity recorded, so whether the provision is full is your judgement.</InsetText>
              ) : full ? (
                <WarningText>
                  {form.siteName} is full: {form.placesTaken} of {form.capacity} places are taken. The introduction cannot be accepted; record that
                  the provision is full and tell the SRO (13.47, 3.25).
                </WarningText>
              ) : (
                <InsetText>
                  {form.siteName}: {form.placesTaken} of {form.capacity} places are taken, so the provision is not full. If they are eligible and
                  suitable you must accept them (13.47, 3.25).
                </InsetText>
              )}
              <FirstMeetingForm
                action={recordFirstMeetingAction}
                caseId={form.caseId}
                version={form.version}
                today={todayInLondon(new Date())}
                reasons={reasons}
              />
            </>
          )}
          <h2 className="govuk-heading-m govuk-!-margin-top-8">SESSRO1 so far</h2>
          <Sessro1Summary form={form} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
