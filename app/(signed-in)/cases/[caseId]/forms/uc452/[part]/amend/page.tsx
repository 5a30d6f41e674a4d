import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormTitle } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { loadUc452EmailPage } from "@/lib/server/paper-forms/load-uc452-email-page";
import { amendUc452Part6Action } from "../../../actions";
import { Uc452Part6AmendForm } from "../../../PaperForms";

/** 13.21: amend UC452 part 6 with a reason; the amended version is then e-mailed as a new version. */
export default async function AmendUc452Part6Page({ params }: { params: Promise<{ caseId: string; part: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId, part } = await params;
  if (part !== "part_6") notFound();
  const page = await loadUc452EmailPage(user, caseId, part);
  if (!page.form) notFound();
  return (
    <>
      <BackLink href={`/cases/${page.caseId}/forms/uc452/part_6/email`} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={amendUc452Part6Action}>
          <span className="govuk-caption-l">Case {page.reference}</span>
          <FormTitle>{casePageTitle("Amend UC452 part 6", "", page.reference)}</FormTitle>
          <h1 className="govuk-heading-l">Amend UC452 part 6</h1>
          <p className="govuk-body">
            Now: {page.form.fields.map((field) => `${field.label}: ${field.value}`).join("; ")}. The amended part 6 becomes version {page.form.version + 1}. E-mail it again to both inboxes: each version sent is kept (13.21).
          </p>
          <Uc452Part6AmendForm action={amendUc452Part6Action} caseId={page.caseId} formVersion={page.form.version} startOn={null} endOn={null} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
