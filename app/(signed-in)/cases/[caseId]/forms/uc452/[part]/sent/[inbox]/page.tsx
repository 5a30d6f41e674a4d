import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { INBOX_LABELS, isEmailedPart, isInbox } from "@/lib/domain/uc452/template";
import { loadUc452EmailPage } from "@/lib/server/paper-forms/load-uc452-email-page";
import { recordUc452EmailSentAction } from "../../../../actions";
import { Uc452EmailSentForm } from "../../../../PaperForms";
import { FormActionScope, FormTitle } from "@/components/forms/FormActionFrame";

export default async function Uc452EmailSentPage({ params }: { params: Promise<{ caseId: string; part: string; inbox: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId, part, inbox } = await params;
  if (!isEmailedPart(part) || !isInbox(inbox)) notFound();
  const page = await loadUc452EmailPage(user, caseId, part);
  const target = page.inboxes.find((item) => item.inbox === inbox);
  if (!page.form || !target?.recipient) notFound();
  return (
    <>
      <BackLink href={`/cases/${page.caseId}/forms/uc452/${part}/email`} text="Back" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordUc452EmailSentAction}>
          <span className="govuk-caption-l">Case {page.reference}</span>
          <FormTitle>{casePageTitle("Record that the UC452 email was sent", "", page.reference)}</FormTitle>
          <h1 className="govuk-heading-l">Record that the email to the {INBOX_LABELS[inbox]} was sent</h1>
          <p className="govuk-body">
            UC452 part {part.slice(5)} to {target.recipient}. A copy of the form as sent is kept with the case.
          </p>
          <Uc452EmailSentForm action={recordUc452EmailSentAction} caseId={page.caseId} part={part} inbox={inbox} formVersion={page.form.version} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
