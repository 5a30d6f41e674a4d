import { EmptyState } from "@/components/content/EmptyState";
import { Pagination } from "@/components/content/Pagination";
import { Table } from "@/components/content/Table";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate, type IsoDate } from "@/lib/calendar/iso-date";
import { can } from "@/lib/domain/permissions";
import { dashboardQueryString } from "@/lib/domain/dashboard/filters";
import { drillDownQueryString, parseDrillDownQuery } from "@/lib/domain/dashboard/drill-down";
import { momentText } from "@/lib/domain/dashboard/periods";
import { loadFigureCasesPage } from "@/lib/server/dashboard/load-figure-cases-page";
import { FigureExportForm } from "./FigureExportForm";

const date = (value: IsoDate | null) => (value ? formatLongDate(value) : "Not set");

/**
 * The cases behind a dashboard count (docs/decisions/0029-manager-dashboard-drill-downs.md): one page for
 * every figure, its address the figure and the dashboard's filters (ids only), with the same rows as CSV.
 * SCR cases are never listed (docs/decisions/0005-restricted-cases-in-manager-figures.md).
 */
export default async function FigureCasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("read:dashboard:any");
  const parsed = parseDrillDownQuery(await searchParams);
  if (!parsed) {
    return (
      <>
        <PageHeading>Cases behind a dashboard figure</PageHeading>
        <p className="govuk-body">This address does not name a figure on the dashboard.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/dashboard">
            Go to the dashboard
          </a>
        </p>
      </>
    );
  }
  const { drillDown } = parsed;
  const { list, description, figureAsOf } = await loadFigureCasesPage(user, drillDown, parsed.page);
  const { figure: _figure, month: _month, unassigned: _unassigned, state: _state, reason: _reason, strand: _strand, ...filters } = drillDown;
  const cases = `${list.total} ${list.total === 1 ? "case" : "cases"}`;
  return (
    <>
      <a className="govuk-back-link" href={`/dashboard?${dashboardQueryString(filters)}`}>
        Back to the dashboard
      </a>
      <PageHeading caption="Dashboard">{list.title}</PageHeading>
      <p className="govuk-body">
        Showing {description}: <strong>{cases}</strong>.
      </p>
      <p className="govuk-body-s">Restricted cases are never listed, so a headline total on the dashboard can be higher than this list.</p>
      {figureAsOf && (
        <p className="govuk-body-s" data-testid="list-is-live">
          This list is live. The dashboard&apos;s figure is from {momentText(figureAsOf)}, so the two can differ until the figures are recounted (a few minutes after cases change).
        </p>
      )}
      {list.total === 0 ? (
        <EmptyState heading="No cases" headingLevel={2}>
          No case that you can see is behind this figure.
        </EmptyState>
      ) : (
        <>
          <Table
            caption={`${list.title} (${cases}${list.totalPages > 1 ? `, page ${list.page} of ${list.totalPages}` : ""}), soonest next deadline first`}
            captionSize="s"
            responsive
            head={[
              { text: "Case" },
              { text: "Claimant" },
              { text: "State" },
              { text: "Strand" },
              { text: "Site" },
              { text: "Caseworker" },
              { text: "Referral date" },
              { text: "Must start by" },
              { text: "Started on" },
              { text: "Next deadline" },
            ]}
            rows={list.rows.map((row) => ({
              id: row.id,
              cells: [
                { content: <a className="govuk-link ses-nowrap" href={`/cases/${row.id}`}>{row.reference}</a> },
                { content: row.claimantName },
                { content: `${row.stateLabel} (${row.routeLabel})` },
                { content: row.strandLabel ?? "Not recorded" },
                { content: row.siteName },
                { content: row.caseworkerName ?? "Unassigned" },
                { content: date(row.referralDate) },
                { content: date(row.startDueOn) },
                { content: date(row.startedOn) },
                { content: date(row.nextDeadlineOn) },
              ],
            }))}
          />
          <Pagination currentPage={list.page} totalPages={list.totalPages} hrefFor={(page) => `/dashboard/cases?${drillDownQueryString(drillDown, { page })}`} landmarkLabel="Case list pages" />
          {can(user.roles, "export:case-list:any") && <FigureExportForm drillDown={drillDown} />}
        </>
      )}
    </>
  );
}
