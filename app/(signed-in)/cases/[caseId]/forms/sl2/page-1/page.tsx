import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { InsetText } from "@/components/content/InsetText";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { recordSl2Page1ReturnedAction } from "../actions";
import { loadSl2Page } from "@/lib/server/scr/load-sl2-page";
import { Sl2Page1Form } from "../Sl2Forms";
import { FormActionScope, FormTitle } from "@/components/forms/FormActionFrame";

export default async function Sl2Page1Page({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:restricted-case:any");
  const { caseId } = await params;
  const sl2 = await loadSl2Page(user, caseId, "sl2.restricted_read");
  if (sl2.page1ReturnedOn) notFound();
  return (
    <>
      <BackLink href={`/cases/${sl2.caseId}/forms`} text="Back to forms and letters" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordSl2Page1ReturnedAction}>
          <span className="govuk-caption-l">
            Case {sl2.reference} · {sl2.marking}
          </span>
          <FormTitle>{casePageTitle("Record the return of SL2 page 1", "", sl2.reference)}</FormTitle>
          <h1 className="govuk-heading-l">Record the return of SL2 page 1</h1>
          <p className="govuk-body">
            Complete page 1, mark it “{sl2.marking}” at the top (13.77, 3.43), keep pages 2 and 3, and return page 1 to the JCP
            nominated officer{sl2.jcpNominatedOfficer ? `, ${sl2.jcpNominatedOfficer.name}` : ""} (13.55, 3.31).
          </p>
          <InsetText>
            <a className="govuk-link" href={`/cases/${sl2.caseId}/forms/sl2/print`}>
              Print the SL2 with its marking
            </a>
          </InsetText>
          <Sl2Page1Form action={recordSl2Page1ReturnedAction} caseId={sl2.caseId} version={sl2.version} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
