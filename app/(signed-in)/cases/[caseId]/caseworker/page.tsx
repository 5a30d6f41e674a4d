import { requireUser } from "@/lib/auth/current-user";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { assignCaseAction } from "../actions";
import { AssignCaseForm } from "../CaseWorkForms";
import { CaseFormPage } from "../CaseFormPage";

/** Change the case's caseworker (the Change link on the overview's Caseworker row). */
export default async function ChangeCaseworkerPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const { view, caseworkers } = await loadCasePage(user, caseId, { timeline: false });
  const heading = "Change the caseworker";
  return (
    <CaseFormPage view={view} heading={heading} action={assignCaseAction} back={{ href: `/cases/${view.id}`, text: "Back to the case" }}>
      <AssignCaseForm action={assignCaseAction} caseId={view.id} version={view.version} current={view.assignedCaseworkerId} caseworkers={caseworkers} />
    </CaseFormPage>
  );
}
