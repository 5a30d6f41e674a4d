import { casePageTitle } from "@/lib/domain/case-sections";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { SummaryList } from "@/components/content/SummaryList";
import { Table } from "@/components/content/Table";
import { WarningText } from "@/components/content/WarningText";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormTitle } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { can } from "@/lib/domain/permissions";
import { loadExitTrackerPage } from "@/lib/server/exit-notices/load-exit-tracker-page";
import { PrintButton } from "@/components/layout/PrintButton";
import { recordExitTrackerSentAction } from "./actions";
import { ExitTrackerSentForm } from "./ExitTrackerSentForm";

/**
 * The Customer Exit Tracker (3.16): composed from the exit the caseworker recorded, printed, and
 * sent to the referring DEA/Work Coach whose details were taken at the Warm Handover (3.05). Every
 * version sent is listed with what it said. Its clock: docs/rules/clocks.md "Exit notice".
 */
export default async function ExitTrackerPage({ params, searchParams }: { params: Promise<{ caseId: string }>; searchParams: Promise<{ sent?: string }> }) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const { sent } = await searchParams;
  const page = await loadExitTrackerPage(user, caseId);
  const canWork = can(user.roles, "update:case:any");
  return (
    <FormActionScope action={recordExitTrackerSentAction}>
      <BackLink href={`/cases/${page.caseId}`} text="Back to the case" />
      {sent === "1" && (
        <NotificationBanner type="success" title="Success">
          Customer Exit Tracker recorded as sent.
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">Case {page.reference}</span>
      <FormTitle>{casePageTitle("Customer Exit Tracker", "", page.reference)}</FormTitle>
      <h1 className="govuk-heading-l">Customer Exit Tracker</h1>
      {page.form === null ? (
        <p className="govuk-body">Record the customer’s completion or early leaving first: the tracker is completed when they leave the programme (3.16).</p>
      ) : (
        <>
          <h2 className="govuk-heading-m">{page.form.title}</h2>
          <SummaryList
            rows={[
              { key: "Customer", value: page.customerName },
              ...(page.referralId ? [{ key: "PRaP referral ID", value: page.referralId }] : []),
              ...page.form.fields.map((field) => ({ key: field.label, value: field.value })),
            ]}
          />
          <PrintButton />
          <h2 className="govuk-heading-m">Send it to the referring DEA or Work Coach</h2>
          {page.workCoach ? (
            <SummaryList
              rows={[
                { key: page.workCoach.role, value: page.workCoach.name },
                { key: "Telephone", value: page.workCoach.phone ?? "Not recorded" },
                { key: "Email", value: page.workCoach.email ?? "Not taken at the Warm Handover call" },
              ]}
            />
          ) : (
            <WarningText>No DEA or Work Coach is recorded from the Warm Handover call (3.05).</WarningText>
          )}
          <p className="govuk-body">
            {page.sentOn
              ? `First sent on ${formatLongDate(page.sentOn)}.`
              : page.dueOn
                ? `Send it by ${formatLongDate(page.dueOn)}.`
                : "Send it once the customer has left."}{" "}
            Send it through your organisation’s secure email.
          </p>
          {canWork && page.workCoach && (
            <ExitTrackerSentForm action={recordExitTrackerSentAction} caseId={page.caseId} formVersion={page.form.version} needsEmail={page.workCoach.email === null} />
          )}
        </>
      )}
      <h2 className="govuk-heading-m">Versions sent</h2>
      {page.sent.length === 0 ? (
        <p className="govuk-body">None sent yet.</p>
      ) : (
        <Table
          responsive
          caption="Every version sent, newest first"
          captionSize="s"
          head={[{ text: "Sent" }, { text: "To" }, { text: "What it said" }]}
          rows={page.sent.map((version) => ({
            id: version.id,
            cells: [
              { content: formatLongDate(version.sentOn) },
              { content: version.recipient },
              { content: version.fields.map((field) => `${field.label}: ${field.value}`).join("; ") },
            ],
          }))}
        />
      )}
    </FormActionScope>
  );
}
