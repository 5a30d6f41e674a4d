import { requireUser } from "@/lib/auth/current-user";
import { circumstancesFormValues } from "@/lib/domain/forms/circumstances";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { notFound } from "next/navigation";
import { changeCircumstancesAction } from "./actions";
import { CircumstancesForm } from "./CircumstancesForm";
import { CaseFormPage } from "../CaseFormPage";

/** A change of circumstances: the claimant's contact and personal details, checked against the case's version. */
export default async function ChangeCircumstancesPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const { view, mayChangeCircumstances } = await loadCasePage(user, caseId, { timeline: false, caseworkers: false });
  // A MAPPA case's details are the nominated officer's (13.71): the page is not offered to anyone else.
  if (!mayChangeCircumstances) notFound();
  const heading = "Change contact and personal details";
  return (
    <CaseFormPage view={view} heading={heading} action={changeCircumstancesAction} back={{ href: `/cases/${view.id}`, text: "Back to the case" }}>
      <p className="govuk-body">Only what you change is saved. The timeline shows each change, before and after.</p>
      <CircumstancesForm action={changeCircumstancesAction} caseId={view.id} version={view.version} stored={circumstancesFormValues(view.claimant.fields)} />
    </CaseFormPage>
  );
}
