import { requireUser } from "@/lib/auth/current-user";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { addCaseNoteAction } from "../../actions";
import { AddCaseNoteForm } from "../../CaseWorkForms";
import { CaseFormPage } from "../../CaseFormPage";

/** Add a note: one thing per page, behind the "Add a note" button. */
export default async function AddNotePage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const { view } = await loadCasePage(user, caseId, { timeline: false, caseworkers: false });
  const heading = "Add a note";
  return (
    <CaseFormPage view={view} heading={heading} action={addCaseNoteAction} back={{ href: `/cases/${view.id}/contact`, text: "Back to contact and notes" }}>
      <AddCaseNoteForm action={addCaseNoteAction} caseId={view.id} />
    </CaseFormPage>
  );
}
