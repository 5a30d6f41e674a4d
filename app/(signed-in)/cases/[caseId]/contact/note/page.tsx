import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { casePageTitle } from "@/lib/domain/case-sections";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { addCaseNoteAction } from "../../actions";
import { AddCaseNoteForm } from "../../CaseWorkForms";

/** Add a note: one thing per page, behind the "Add a note" button. */
export default async function AddNotePage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const { view } = await loadCasePage(user, caseId);
  const heading = "Add a note";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cases/${view.id}/contact`} text="Back to contact and notes" />
        <PageHeading caption={`${view.claimant.name}, ${view.reference}`} title={casePageTitle(heading, view.claimant.name, view.reference)}>
          {heading}
        </PageHeading>
        <AddCaseNoteForm action={addCaseNoteAction} caseId={view.id} />
      </div>
    </div>
  );
}
