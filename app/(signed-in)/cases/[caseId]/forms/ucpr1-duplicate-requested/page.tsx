import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormTitle } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { loadFormsPage } from "@/lib/server/paper-forms/load-forms-page";
import { recordUcpr1DuplicateRequestedAction } from "../actions";
import { Ucpr1DuplicateRequestedForm } from "../PaperForms";

/** 13.67: record that a duplicate UCPR1 was asked of the JCP SPoC (its own task, docs/rules/clocks.md). */
export default async function Ucpr1DuplicateRequestedPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const forms = await loadFormsPage(user, caseId);
  if (!forms.isUc) notFound();
  return (
    <>
      <BackLink href={`/cases/${forms.caseId}/forms`} text="Back to forms and letters" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordUcpr1DuplicateRequestedAction}>
          <span className="govuk-caption-l">Case {forms.reference}</span>
          <FormTitle>{casePageTitle("Record that you asked for a duplicate UCPR1", "", forms.reference)}</FormTitle>
          <h1 className="govuk-heading-l">Record that you asked for a duplicate UCPR1</h1>
          <p className="govuk-body">
            If the UCPR1 has not arrived within 4 working days of receiving the PRaP referral, ask your JCP SPoC for a duplicate,
            which they post the same day (13.67).
          </p>
          <Ucpr1DuplicateRequestedForm
            action={recordUcpr1DuplicateRequestedAction}
            caseId={forms.caseId}
            version={forms.version}
            requestedOn={forms.ucpr1DuplicateRequestedOn}
          />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
