import { WarningText } from "@/components/content/WarningText";
import { requireUser } from "@/lib/auth/current-user";
import { loadTransferPage } from "@/lib/server/cases/load-transfer-page";
import { notFound } from "next/navigation";
import { transferCaseAction } from "./actions";
import { TransferForm } from "./TransferForm";
import { CaseFormPage } from "../CaseFormPage";

/** Move the case to another site (docs/decisions/0016-case-page-circumstances-and-transfer.md). */
export default async function TransferCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const { page, sites } = await loadTransferPage(user, caseId);
  if (!page.mayTransfer) notFound();
  const { view } = page;
  const heading = "Move the case to another site";
  return (
    <CaseFormPage view={view} heading={heading} action={transferCaseAction} back={{ href: `/cases/${view.id}`, text: "Back to the case" }}>
      <p className="govuk-body">The case is at {view.siteName}.</p>
      <WarningText>Every due date is worked out again in the new site’s working days, and may move. The timeline records each date that moved.</WarningText>
      {sites.length === 0 ? (
        <p className="govuk-body">There is no other site to move the case to.</p>
      ) : (
        <TransferForm action={transferCaseAction} caseId={view.id} version={view.version} sites={sites} />
      )}
    </CaseFormPage>
  );
}
