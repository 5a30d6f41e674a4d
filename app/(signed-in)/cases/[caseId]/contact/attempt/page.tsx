import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { casePageTitle } from "@/lib/domain/case-sections";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { recordContactAttemptAction } from "../../actions";
import { ContactAttemptForm } from "../../CaseWorkForms";

/** Log a contact attempt (3.08): one thing per page, behind the "Log a contact attempt" button. */
export default async function ContactAttemptPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const { view } = await loadCasePage(user, caseId);
  const heading = "Log a contact attempt";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/cases/${view.id}/contact`} text="Back to contact and notes" />
        <PageHeading caption={`${view.claimant.name}, ${view.reference}`} title={casePageTitle(heading, view.claimant.name, view.reference)}>
          {heading}
        </PageHeading>
        <ContactAttemptForm action={recordContactAttemptAction} caseId={view.id} today={todayInLondon(new Date())} />
      </div>
    </div>
  );
}
