import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { casePageTitle } from "@/lib/domain/case-sections";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { assignCaseAction } from "../actions";
import { AssignCaseForm } from "../CaseWorkForms";

/** Change the case's caseworker (the Change link on the overview's Caseworker row). */
export default async function ChangeCaseworkerPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const { view, caseworkers } = await loadCasePage(user, caseId);
  const heading = "Change the caseworker";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cases/${view.id}`} text="Back to the case" />
        <PageHeading caption={`${view.claimant.name}, ${view.reference}`} title={casePageTitle(heading, view.claimant.name, view.reference)}>
          {heading}
        </PageHeading>
        <AssignCaseForm action={assignCaseAction} caseId={view.id} version={view.version} current={view.assignedCaseworkerId} caseworkers={caseworkers} />
      </div>
    </div>
  );
}
