import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { loadFormsPage } from "@/lib/server/paper-forms/load-forms-page";
import { recordUcpr1ReceivedAction } from "../actions";
import { Ucpr1ReceivedForm } from "../PaperForms";
import { FormActionScope, FormTitle } from "@/components/forms/FormActionFrame";

export default async function Ucpr1ReceivedPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const forms = await loadFormsPage(user, caseId);
  if (!forms.isUc) notFound();
  const stored = Object.fromEntries((forms.ucpr1?.fields ?? []).map((field) => [field.key, field.value]));
  return (
    <>
      <BackLink href={`/cases/${forms.caseId}/forms`} text="Back to forms and letters" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordUcpr1ReceivedAction}>
          <span className="govuk-caption-l">Case {forms.reference}</span>
          <FormTitle>{casePageTitle("Record that the UCPR1 arrived", "", forms.reference)}</FormTitle>
          <h1 className="govuk-heading-l">Record that the UCPR1 arrived</h1>
          <p className="govuk-body">
            The Work Coach records the claimant’s job goals, preferred hours and any special arrangements on the UCPR1, which PRaP
            cannot pass on (13.08, 13.66). Copy what it says, so reasonable adjustments can be put in place (13.17).
          </p>
          <Ucpr1ReceivedForm
            action={recordUcpr1ReceivedAction}
            caseId={forms.caseId}
            version={forms.version}
            receivedOn={forms.ucpr1?.receivedOn ?? null}
            stored={stored}
          />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
