import { WarningText } from "@/components/content/WarningText";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { casePageTitle } from "@/lib/domain/case-sections";
import { loadTransferPage } from "@/lib/server/cases/load-transfer-page";
import { notFound } from "next/navigation";
import { transferCaseAction } from "./actions";
import { TransferForm } from "./TransferForm";

/** Move the case to another site (docs/decisions/0016-case-page-circumstances-and-transfer.md). */
export default async function TransferCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const { page, sites } = await loadTransferPage(user, caseId);
  if (!page.mayTransfer) notFound();
  const { view } = page;
  const heading = "Move the case to another site";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cases/${view.id}`} text="Back to the case" />
        <PageHeading caption={`${view.claimant.name}, ${view.reference}`} title={casePageTitle(heading, view.claimant.name, view.reference)}>
          {heading}
        </PageHeading>
        <p className="govuk-body">The case is at {view.siteName}.</p>
        <WarningText>Every due date is worked out again in the new site’s working days, and may move. The timeline records each date that moved.</WarningText>
        {sites.length === 0 ? (
          <p className="govuk-body">There is no other site to move the case to.</p>
        ) : (
          <TransferForm action={transferCaseAction} caseId={view.id} version={view.version} sites={sites} />
        )}
      </div>
    </div>
  );
}
