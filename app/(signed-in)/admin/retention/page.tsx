import { NotificationBanner } from "@/components/content/NotificationBanner";
import { Table } from "@/components/content/Table";
import { WarningText } from "@/components/content/WarningText";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { RETENTION_CLASS_LABELS, RETENTION_CLASSES, type RetentionClass, type RetentionReport } from "@/lib/domain/retention";
import { loadRetentionPage } from "@/lib/server/retention/load-retention-page";
import { runRetentionAction } from "./actions";
import { RetentionForm } from "./RetentionForm";

function ruleFor(report: RetentionReport, key: RetentionClass): string {
  switch (key) {
    case "closed_cases":
      return `Closed before ${formatLongDate(report.cutoffs.closedCasesBefore)}`;
    case "participants":
      return "Every case of theirs is removed";
    case "audit_events":
      return `Written before ${formatLongDate(report.cutoffs.auditBefore)}`;
    case "staff_notices":
      return `Read before ${formatLongDate(report.cutoffs.staffNoticesBefore)}`;
    case "rate_limit_counters":
      return "Their time window has ended";
  }
}

/**
 * Retention (docs/security.md DP-02, LG-07; docs/decisions/0021-data-protection-and-least-privilege.md):
 * what a run would delete today, by class (a dry run, which changes nothing), and the button that
 * deletes it. Administrators only; the run is audited. The periods are settings.
 */
export default async function RetentionPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("manage:settings:any");
  const report = await loadRetentionPage(user);
  const { done } = await searchParams;
  const total = RETENTION_CLASSES.reduce((sum, key) => sum + report.counts[key], 0);
  return (
    <FormActionScope action={runRetentionAction}>
      {done === "run" && (
        <NotificationBanner type="success" title="Success">
          Records past retention were deleted. The run is recorded in the audit log.
        </NotificationBanner>
      )}
      <FormHeading caption="Settings">Retention</FormHeading>
      <p className="govuk-body">
        Records are kept for the periods set in <a className="govuk-link" href="/admin/settings#settings">settings</a>, then deleted. Audit rows are always kept for at least 6 months.
      </p>
      <Table
        responsive
        caption={`Due for deletion today, ${formatLongDate(report.today)}`}
        captionSize="m"
        head={[{ text: "Records" }, { text: "Due when" }, { text: "Number", numeric: true }]}
        rows={RETENTION_CLASSES.map((key) => ({
          id: key,
          cells: [{ content: RETENTION_CLASS_LABELS[key] }, { content: ruleFor(report, key) }, { content: report.counts[key], numeric: true }],
        }))}
      />
      {total === 0 ? (
        <p className="govuk-body">Nothing is due for deletion today.</p>
      ) : (
        <>
          <WarningText>Deleted records cannot be recovered.</WarningText>
          <RetentionForm action={runRetentionAction} />
        </>
      )}
    </FormActionScope>
  );
}
