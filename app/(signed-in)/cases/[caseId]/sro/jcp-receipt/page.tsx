import { casePageTitle } from "@/lib/domain/case-sections";
import { InsetText } from "@/components/content/InsetText";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate, todayInLondon } from "@/lib/calendar/iso-date";
import { loadSessro1Page } from "@/lib/server/sro/load-sessro1-page";
import { recordJcpReceiptAction } from "../actions";
import { JcpReceiptForm } from "./JcpReceiptForm";

/** JCP's receipt of the SESSRO1 copy, while its PRaP referral is awaited (13.49, 3.27). */
export default async function JcpReceiptPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const form = await loadSessro1Page(user, caseId);
  return (
    <>
      <BackLink href={`/cases/${form.caseId}`} text={`Back to case ${form.reference}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordJcpReceiptAction}>
          <FormHeading title={casePageTitle("Record JCP’s receipt of the SESSRO1", `${form.part2.forename} ${form.part2.surname}`, form.reference)} caption={`Case ${form.reference}, ${form.part2.forename} ${form.part2.surname}`}>Record JCP’s receipt of the SESSRO1</FormHeading>
          {form.state !== "introduction_accepted" ? (
            <p className="govuk-body">
              JCP’s receipt is recorded while its PRaP referral is awaited.{" "}
              <a className="govuk-link" href={`/cases/${form.caseId}#sessro1`}>Back to the SESSRO1 on the case</a>.
            </p>
          ) : (
            <>
              <InsetText>
                Jobcentre Plus notifies you when it receives the SESSRO1 copy, then makes the PRaP referral (13.49, 3.27).
                {form.jcpReceiptOn ? ` Receipt already recorded: ${formatLongDate(form.jcpReceiptOn)}.` : ""}
              </InsetText>
              <JcpReceiptForm action={recordJcpReceiptAction} caseId={form.caseId} version={form.version} today={todayInLondon(new Date())} />
            </>
          )}
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
