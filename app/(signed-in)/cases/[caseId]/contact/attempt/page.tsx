import { requireUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { loadCasePage } from "@/lib/server/case-page/load-case-page";
import { recordContactAttemptAction } from "../../actions";
import { ContactAttemptForm } from "../../CaseWorkForms";
import { CaseFormPage } from "../../CaseFormPage";

/** Log a contact attempt (3.08): one thing per page, behind the "Log a contact attempt" button. */
export default async function ContactAttemptPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const { view } = await loadCasePage(user, caseId, { timeline: false, caseworkers: false });
  const heading = "Log a contact attempt";
  return (
    <CaseFormPage view={view} heading={heading} action={recordContactAttemptAction} back={{ href: `/cases/${view.id}/contact`, text: "Back to contact and notes" }}>
      <ContactAttemptForm action={recordContactAttemptAction} caseId={view.id} today={todayInLondon(new Date())} />
    </CaseFormPage>
  );
}
