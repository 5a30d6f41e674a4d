import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { loadFormsPage } from "@/lib/server/paper-forms/load-forms-page";
import { recordSpocChasedAction } from "../actions";
import { SpocChasedForm } from "../PaperForms";
import { FormActionScope, FormTitle } from "@/components/forms/FormActionFrame";

export default async function SpocChasedPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const forms = await loadFormsPage(user, caseId);
  if (!forms.isUc) notFound();
  const missing = [...(forms.uc452ReceivedOn ? [] : ["UC452"]), ...(forms.ucpr1 ? [] : ["UCPR1"])];
  return (
    <>
      <BackLink href={`/cases/${forms.caseId}/forms`} text="Back to forms and letters" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordSpocChasedAction}>
          <span className="govuk-caption-l">Case {forms.reference}</span>
          <FormTitle>{casePageTitle("Record that you chased the JCP SPoC", "", forms.reference)}</FormTitle>
          <h1 className="govuk-heading-l">Record that you chased the JCP SPoC</h1>
          <p className="govuk-body">
            {missing.length > 0 ? `Not arrived yet: ${missing.join(" and ")}. ` : ""}
            If the forms have not arrived by the 4th working day, contact your JCP SPoC, who posts duplicates the same day (13.14, 13.67).
          </p>
          <SpocChasedForm action={recordSpocChasedAction} caseId={forms.caseId} version={forms.version} chasedOn={forms.spocChasedOn} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
