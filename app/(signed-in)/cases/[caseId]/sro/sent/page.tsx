import { casePageTitle } from "@/lib/domain/case-sections";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { recordSessro1SentAction } from "../actions";
import { loadSessro1Page } from "@/lib/server/sro/load-sessro1-page";
import { Sessro1SentForm } from "./Sessro1SentForm";

export default async function Sessro1SentPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const form = await loadSessro1Page(user, caseId);
  return (
    <>
      <BackLink href={`/cases/${form.caseId}`} text={`Back to case ${form.reference}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordSessro1SentAction}>
          <FormHeading title={casePageTitle("Record the SESSRO1 signed and sent", `${form.part2.forename} ${form.part2.surname}`, form.reference)} caption={`Case ${form.reference}, ${form.part2.forename} ${form.part2.surname}`}>Record the SESSRO1 signed and sent</FormHeading>
          {form.state !== "introduction_accepted" ? (
            <p className="govuk-body">
              This is recorded after the introduction is accepted at the first meeting (13.47).{" "}
              <a className="govuk-link" href={`/cases/${form.caseId}#sessro1`}>Back to the SESSRO1 on the case</a>.
            </p>
          ) : (
            <>
              <p className="govuk-body">
                <a className="govuk-link" href={`/cases/${form.caseId}/sro/print`}>Print the completed SESSRO1</a> for their signature, offer them a copy and
                keep the original (13.47, 3.25).
              </p>
              <Sessro1SentForm action={recordSessro1SentAction} caseId={form.caseId} version={form.version} today={todayInLondon(new Date())} spoc={form.siteSpoc ?? ""} />
            </>
          )}
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
