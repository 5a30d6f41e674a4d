import { SummaryList } from "@/components/content/SummaryList";
import { AT_RISK_WINDOW_WORKING_DAYS, formatShare } from "@/lib/domain/dashboard/figures";
import type { DashboardView } from "@/lib/domain/dashboard/view";
import { drillDownHref } from "@/lib/domain/work-queue/query";

const cases = (count: number) => `${count} ${count === 1 ? "case" : "cases"}`;

/**
 * A manager's home page: the dashboard's headline figures, each a link to the cases behind it
 * (the work queue, filtered; SCR cases stay out of lists, docs/decisions/0005-restricted-cases-in-manager-figures.md).
 */
export function ManagerHeadlines({ view }: { view: DashboardView }) {
  const { startTarget, atRisk, caseload } = view;
  const none = {};
  return (
    <section aria-labelledby="headlines">
      <h2 className="govuk-heading-m" id="headlines">
        Headline figures
      </h2>
      <SummaryList
        rows={[
          {
            key: `Started within 20 working days, ${view.thisMonth.label}`,
            value: (
              <a className="govuk-link" href="/dashboard#start-target">
                {startTarget.thisMonth.measured === 0 ? "No cases measured yet" : `${formatShare(startTarget.thisMonth.share)} (${startTarget.thisMonth.onTime} of ${startTarget.thisMonth.measured} on time)`}
              </a>
            ),
          },
          {
            key: "Start deadline missed",
            value: <a className="govuk-link" href={drillDownHref("open", none, { clock: "start-missed" }, "start-deadline")}>{cases(atRisk.missedTotal)}</a>,
          },
          {
            key: `Must start within ${AT_RISK_WINDOW_WORKING_DAYS} working days`,
            value: <a className="govuk-link" href="/dashboard#at-risk">{cases(atRisk.atRiskTotal)}</a>,
          },
          {
            key: "Waiting to start",
            value: <a className="govuk-link" href={drillDownHref("open", none, { clock: "start-running" }, "start-deadline")}>{cases(atRisk.awaitingStartTotal)}</a>,
          },
          { key: "Unassigned open cases", value: <a className="govuk-link" href={drillDownHref("unassigned", none)}>{cases(caseload.unassignedTotal)}</a> },
          { key: "Open cases", value: <a className="govuk-link" href={drillDownHref("open", none)}>{cases(caseload.openTotal)}</a> },
        ]}
      />
      <p className="govuk-body">
        <a className="govuk-link" href="/dashboard">
          Go to the dashboard
        </a>
      </p>
    </section>
  );
}
