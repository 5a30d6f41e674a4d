import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { recordSl2ReferralFormReturnedAction } from "../actions";
import { loadSl2Page } from "@/lib/server/scr/load-sl2-page";
import { Sl2ReferralFormForm } from "../Sl2Forms";
import { FormActionScope, FormTitle } from "@/components/forms/FormActionFrame";

export default async function Sl2ReferralFormPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:restricted-case:any");
  const { caseId } = await params;
  const sl2 = await loadSl2Page(user, caseId, "sl2.restricted_read");
  // 13.56: after page 1 and after the assessment; once only.
  if (sl2.due !== "referral_form") notFound();
  return (
    <>
      <BackLink href={`/cases/${sl2.caseId}/forms`} text="Back to forms and letters" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordSl2ReferralFormReturnedAction}>
          <span className="govuk-caption-l">
            Case {sl2.reference} · {sl2.marking}
          </span>
          <FormTitle>{casePageTitle("Record the return of the referral form", "", sl2.reference)}</FormTitle>
          <h1 className="govuk-heading-l">Record the return of the referral form</h1>
          <p className="govuk-body">
            Following the assessment, complete the referral form, mark it “{sl2.marking}” at the top and return it to the JCP
            nominated officer by a secure method (13.56, 13.57, 3.31).
          </p>
          <Sl2ReferralFormForm action={recordSl2ReferralFormReturnedAction} caseId={sl2.caseId} version={sl2.version} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
