import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { loadFormsPage } from "@/lib/server/paper-forms/load-forms-page";
import { recordUc452ReceivedAction } from "../actions";
import { Uc452ReceivedForm } from "../PaperForms";
import { FormActionScope, FormTitle } from "@/components/forms/FormActionFrame";

export default async function Uc452ReceivedPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const forms = await loadFormsPage(user, caseId);
  if (!forms.isUc) notFound();
  return (
    <>
      <BackLink href={`/cases/${forms.caseId}/forms`} text="Back to forms and letters" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordUc452ReceivedAction}>
          <span className="govuk-caption-l">Case {forms.reference}</span>
          <FormTitle>{casePageTitle("Record that the UC452 arrived", "", forms.reference)}</FormTitle>
          <h1 className="govuk-heading-l">Record that the UC452 arrived</h1>
          <p className="govuk-body">
            JCP completes parts 1 to 4 of the UC452 Claimant Tracker and posts it first class on the day of the referral (13.12, 13.14).
          </p>
          <Uc452ReceivedForm action={recordUc452ReceivedAction} caseId={forms.caseId} version={forms.version} receivedOn={forms.uc452ReceivedOn} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
