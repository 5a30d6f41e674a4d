import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { WarningText } from "@/components/content/WarningText";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { loadAmendPage } from "@/lib/server/corrections/load-amend-page";
import { undoLastStepAction } from "../actions";
import { UndoStepForm } from "../AmendForms";

/** Check before undoing: what the last step was, and what the case goes back to. */
export default async function UndoStepPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const page = await loadAmendPage(user, caseId);
  if (!page.canAmend || !page.lastStep?.undoable) notFound();
  return (
    <>
      <BackLink href={`/cases/${page.caseId}/amend`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={undoLastStepAction}>
          <FormHeading title={casePageTitle("Undo the last step", "", page.reference)} caption={`Case ${page.reference}`}>Undo the last step</FormHeading>
          <p className="govuk-body">
            <strong>{page.lastStep.label}</strong> moved the case from “{page.lastStep.fromLabel}” to “{page.lastStep.toLabel}”. Undoing it puts the case, its Initial Assessment and UC452 part, and its PRaP referral’s status back as they were before the step.
          </p>
          <WarningText>If the step was also recorded in PRaP, correct it in PRaP too.</WarningText>
          <UndoStepForm action={undoLastStepAction} caseId={page.caseId} version={page.version} stepEventId={page.lastStep.eventId} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
