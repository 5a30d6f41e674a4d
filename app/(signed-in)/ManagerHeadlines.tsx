import { SummaryList } from "@/components/content/SummaryList";
import { AT_RISK_WINDOW_WORKING_DAYS, formatShare } from "@/lib/domain/dashboard/figures";
import type { DashboardView } from "@/lib/domain/dashboard/view";
import { figureHref } from "@/lib/domain/dashboard/drill-down";

const cases = (count: number) => `${count} ${count === 1 ? "case" : "cases"}`;

/**
 * A manager's home page: the dashboard's headline figures, each a link to the cases behind it
 * (the dashboard's drill-down list, docs/decisions/0029-manager-dashboard-drill-downs.md; SCR cases stay out of
 * lists, docs/decisions/0005-restricted-cases-in-manager-figures.md).
 */
export function ManagerHeadlines({ view }: { view: DashboardView }) {
  const { startTarget, atRisk, caseload, provision } = view;
  const none = view.filters;
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
              <a className="govuk-link" href={figureHref("measured", none, { month: view.thisMonth.from })}>
                {startTarget.thisMonth.measured === 0 ? "No cases measured yet" : `${formatShare(startTarget.thisMonth.share)} (${startTarget.thisMonth.onTime} of ${startTarget.thisMonth.measured} on time)`}
              </a>
            ),
          },
          {
            key: "Start deadline missed",
            value: <a className="govuk-link" href={figureHref("start-missed", none)}>{cases(atRisk.missedTotal)}</a>,
          },
          {
            key: `Must start within ${AT_RISK_WINDOW_WORKING_DAYS} working days`,
            value: <a className="govuk-link" href={figureHref("at-risk", none)}>{cases(atRisk.atRiskTotal)}</a>,
          },
          {
            key: "Waiting to start",
            value: <a className="govuk-link" href={figureHref("awaiting-start", none)}>{cases(atRisk.awaitingStartTotal)}</a>,
          },
          { key: "Unassigned open cases", value: <a className="govuk-link" href={figureHref("unassigned", none)}>{cases(caseload.unassignedTotal)}</a> },
          { key: "On provision now", value: <a className="govuk-link" href={figureHref("on-provision", none)}>{cases(provision.onProvisionTotal)}</a> },
          { key: "Open cases", value: <a className="govuk-link" href={figureHref("open", none)}>{cases(caseload.openTotal)}</a> },
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
