import { BarChart } from "@/components/charts/BarChart";
import { EmptyState } from "@/components/content/EmptyState";
import { InsetText } from "@/components/content/InsetText";
import { Pagination } from "@/components/content/Pagination";
import { SummaryList } from "@/components/content/SummaryList";
import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import { UrgencyTag } from "@/components/cases/UrgencyTag";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { DASHBOARD_DEFINITIONS } from "@/lib/domain/dashboard/definitions";
import { atRiskSortParts, dashboardQueryString, parseDashboardQuery, type AtRiskSort, type AtRiskSortColumn, type DashboardFilters } from "@/lib/domain/dashboard/filters";
import { breakdownDrillDown as rowFilters, figureHref, type DashboardFigure, type DrillDownRow } from "@/lib/domain/dashboard/drill-down";
import { AT_RISK_WINDOW_WORKING_DAYS, formatShare, type CountRow, type ReasonCountRow, type StartRisk, type StartTargetFigure } from "@/lib/domain/dashboard/figures";
import type { DashboardView, StartTargetRow, StrandRow } from "@/lib/domain/dashboard/view";
import { figuresAsOfText } from "@/lib/domain/dashboard/periods";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";
import { loadStaffNotices } from "@/lib/server/notices/load-staff-notices";
import { loadExpectedReferralCounts } from "@/lib/server/expected-referrals/load-expected-referral-pages";
import { markStaffNoticeReadAction } from "./actions";
import { MarkNoticeReadForm } from "./MarkNoticeReadForm";
import { ExportForm } from "./ExportForm";
import { FiltersForm } from "./FiltersForm";

const casesText = (count: number) => `${count} ${count === 1 ? "case" : "cases"}`;

/** A count that links to the list of cases behind it (docs/decisions/0029-manager-dashboard-drill-downs.md). */
function FigureLink({ figure, filters, row, children }: { figure: DashboardFigure; filters: DashboardFilters; row?: DrillDownRow; children: React.ReactNode }) {
  return (
    <a className="govuk-link" href={figureHref(figure, filters, row)}>
      {children}
    </a>
  );
}

const RISK_COLOUR: Record<StartRisk, "red" | "orange" | "yellow" | "grey"> = { missed: "red", due_today: "orange", at_risk: "yellow", on_track: "grey" };

function shareText(figure: StartTargetFigure): string {
  if (figure.measured === 0) return "No cases measured";
  return `${formatShare(figure.share)} (${figure.onTime} of ${figure.measured} on time)`;
}

function HeadlineFigure({ title, figure, filters, row }: { title: string; figure: StartTargetFigure; filters: DashboardFilters; row?: DrillDownRow }) {
  const link = (name: DashboardFigure, text: string) => (
    <FigureLink figure={name} filters={filters} row={row}>
      {text}
    </FigureLink>
  );
  return (
    <div className="govuk-grid-column-one-half">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{title}</h3>
      <p className="govuk-heading-xl govuk-!-margin-bottom-1">{formatShare(figure.share)}</p>
      <p className="govuk-body-s">
        {figure.measured === 0 ? (
          "No start deadline in this time has an outcome yet."
        ) : (
          <>
            {link("on-time", `${figure.onTime} started on time`)} of {link("measured", `${figure.measured} measured`)}; {link("started-late", `${figure.startedLate} started late`)};{" "}
            {link("missed-not-started", `${figure.missedNotStarted} not started by the deadline`)}.
          </>
        )}
      </p>
    </div>
  );
}

/** 13.13: the referrals that left the denominator, and why, so the share can be checked. */
function LeftBeforeDeadline({ period, rows, filters }: { period: string; rows: ReasonCountRow[]; filters: DashboardFilters }) {
  const caption = `Not measured: closed before the start deadline, ${period}`;
  if (rows.length === 0) {
    return (
      <>
        <h3 className="govuk-heading-s">{caption}</h3>
        <p className="govuk-body">No referral with a deadline in this period closed before it.</p>
      </>
    );
  }
  return (
    <Table
      caption={caption}
      captionSize="s"
      firstCellIsHeader
      head={[{ text: "Outcome and reason" }, { text: "Referrals", numeric: true }]}
      rows={rows.map((row) => ({
        id: row.key,
        cells: [
          { content: row.label },
          {
            content: (
              <FigureLink figure="left-before-deadline" filters={filters} row={{ state: row.state as DrillDownRow["state"], reason: row.reasonId }}>
                {row.count}
              </FigureLink>
            ),
            numeric: true,
          },
        ],
      }))}
    />
  );
}

function StartTargetTable({ caption, labelHeading, rows, filters, dimension }: { caption: string; labelHeading: string; rows: StartTargetRow[]; filters: DashboardFilters; dimension: "site" | "caseworker" | "route" }) {
  if (rows.length === 0) {
    return (
      <>
        <h3 className="govuk-heading-s">{caption}</h3>
        <p className="govuk-body">No case was measured in this period.</p>
      </>
    );
  }
  return (
    <Table
      caption={caption}
      captionSize="s"
      firstCellIsHeader
      responsive
      head={[{ text: labelHeading }, { text: "On time", numeric: true }, { text: "Started late", numeric: true }, { text: "Missed, not started", numeric: true }, { text: "Measured", numeric: true }, { text: "Share on time", numeric: true }]}
      rows={rows.map((row) => {
        const narrowed = rowFilters(filters, dimension, row.key);
        const link = (figure: DashboardFigure, count: number) => (
          <FigureLink figure={figure} filters={narrowed.filters} row={narrowed.row}>
            {count}
          </FigureLink>
        );
        return {
          id: row.key,
          cells: [
            { content: row.label },
            { content: link("on-time", row.onTime), numeric: true },
            { content: link("started-late", row.startedLate), numeric: true },
            { content: link("missed-not-started", row.missedNotStarted), numeric: true },
            { content: link("measured", row.measured), numeric: true },
            { content: formatShare(row.share), numeric: true },
          ],
        };
      })}
    />
  );
}

function CountTable({ caption, labelHeading, rows, empty, figure, filters }: { caption: string; labelHeading: string; rows: CountRow[]; empty: string; figure: DashboardFigure; filters: DashboardFilters }) {
  if (rows.length === 0) {
    return (
      <>
        <h3 className="govuk-heading-s">{caption}</h3>
        <p className="govuk-body">{empty}</p>
      </>
    );
  }
  return (
    <Table
      caption={caption}
      captionSize="s"
      firstCellIsHeader
      head={[{ text: labelHeading }, { text: "Cases", numeric: true }]}
      rows={rows.map((row) => ({
        id: row.key,
        cells: [
          { content: row.label },
          {
            content: (
              <FigureLink figure={figure} filters={filters} row={{ reason: row.key }}>
                {row.count}
              </FigureLink>
            ),
            numeric: true,
          },
        ],
      }))}
    />
  );
}

function filterSummary(view: DashboardView): string {
  const sites = view.options.sites.filter((candidate) => view.filters.site.includes(candidate.id)).map((candidate) => candidate.name);
  const caseworker = view.options.caseworkers.find((candidate) => candidate.id === view.filters.caseworker)?.name;
  const route = view.options.routes.find((candidate) => candidate.value === view.filters.route)?.label;
  return [
    sites.length > 0 ? `${sites.length === 1 ? "site" : "sites"} ${sites.join(", ")}` : "all sites",
    caseworker ? `caseworker ${caseworker}` : "all caseworkers",
    route ? `route ${route}` : "all routes",
    `${view.period.label.toLowerCase()} (${formatLongDate(view.period.from)} to ${formatLongDate(view.period.to)})`,
  ].join("; ");
}

/**
 * The moment of the start target's, the funnel's and the starts' figures when they come from the organisation's
 * snapshot (docs/decisions/0032-dashboard-at-a-million-cases.md); nothing when they are live.
 */
function FiguresAsOf({ view, subject }: { view: DashboardView; subject?: string }) {
  if (!view.periodFiguresAsOf) return null;
  return (
    <p className="govuk-body-s" data-testid="figures-as-of">
      {subject ? `${subject}: ${figuresAsOfText(view.periodFiguresAsOf).replace(/^F/, "f")}` : figuresAsOfText(view.periodFiguresAsOf)}. These figures are recounted a few minutes after cases change; the lists behind them are live, so a list can differ from its figure
      until then.
    </p>
  );
}

function StartTargetSection({ view }: { view: DashboardView }) {
  const { startTarget } = view;
  return (
    <section aria-labelledby="start-target">
      <h2 className="govuk-heading-l" id="start-target">
        Start target: started within 20 working days
      </h2>
      <FiguresAsOf view={view} />
      <div className="govuk-grid-row">
        <HeadlineFigure title={`This month (${view.thisMonth.label})`} figure={startTarget.thisMonth} filters={view.filters} row={{ month: view.thisMonth.from }} />
        {/* With the period "This month" the second figure would repeat the first. */}
        {view.filters.period !== "this-month" && <HeadlineFigure title={view.period.label} figure={startTarget.period} filters={view.filters} />}
      </div>
      <BarChart
        title={`Share started on time by month, ${view.period.label.toLowerCase()}`}
        labelHeading="Month"
        valueHeading="Share on time"
        max={100}
        emptyText="No case was measured in this period."
        data={startTarget.byMonth.map((row) => ({
          key: row.key,
          label: row.label,
          value: row.share === null ? 0 : Math.round(row.share * 100),
          valueText: shareText(row),
          href: row.measured > 0 ? figureHref("measured", view.filters, { month: row.key }) : undefined,
        }))}
      />
      <StartTargetTable caption={`By site, ${view.period.label.toLowerCase()}`} labelHeading="Site" rows={startTarget.bySite} filters={view.filters} dimension="site" />
      <StartTargetTable caption={`By caseworker, ${view.period.label.toLowerCase()}`} labelHeading="Caseworker" rows={startTarget.byCaseworker} filters={view.filters} dimension="caseworker" />
      <StartTargetTable caption={`By route, ${view.period.label.toLowerCase()}`} labelHeading="Route" rows={startTarget.byRoute} filters={view.filters} dimension="route" />
      <LeftBeforeDeadline period={view.period.label.toLowerCase()} rows={startTarget.leftBeforeDeadline} filters={view.filters} />
    </section>
  );
}

function AtRiskSection({ view, sort }: { view: DashboardView; sort: AtRiskSort }) {
  const { atRisk } = view;
  const hrefFor = (page: number) => `/dashboard?${dashboardQueryString(view.filters, sort === "must-start-by" ? { page } : { page, sort })}#at-risk`;
  // MoJ sortable table, sorted on the server by header links (works without JavaScript).
  // A second click on the sorted column reverses it (MoJ sortable table).
  const current = atRiskSortParts(sort);
  const sortHead = (text: string, key: AtRiskSortColumn) => {
    const sorted = current.column === key;
    const next: AtRiskSort = sorted && !current.descending ? `${key}-desc` : key;
    return {
      text,
      sort: { href: `/dashboard?${dashboardQueryString(view.filters, { sort: next })}#at-risk`, direction: !sorted ? ("none" as const) : current.descending ? ("descending" as const) : ("ascending" as const) },
    };
  };
  const orderText: Record<AtRiskSort, string> = {
    "must-start-by": "fewest working days left first",
    "must-start-by-desc": "most working days left first",
    "referral-date": "earliest referral first",
    "referral-date-desc": "latest referral first",
    case: "by case reference",
    "case-desc": "by case reference, last first",
  };
  return (
    <section aria-labelledby="at-risk">
      <h2 className="govuk-heading-l" id="at-risk">
        At risk and projected breaches
      </h2>
      <SummaryList
        rows={[
          {
            key: "Waiting to start",
            value: <FigureLink figure="awaiting-start" filters={view.filters}>{casesText(atRisk.awaitingStartTotal)}</FigureLink>,
          },
          {
            key: "Start deadline missed",
            value: <FigureLink figure="start-missed" filters={view.filters}>{`${casesText(atRisk.missedTotal)} not started after the deadline`}</FigureLink>,
          },
          {
            key: `Must start within ${AT_RISK_WINDOW_WORKING_DAYS} working days`,
            value: <FigureLink figure="at-risk" filters={view.filters}>{casesText(atRisk.atRiskTotal)}</FigureLink>,
          },
        ]}
      />
      {atRisk.total === 0 ? (
        <EmptyState heading="No cases waiting to start" headingLevel={3}>
          No open case that matches the filters is waiting to start.
        </EmptyState>
      ) : (
        <>
          <Table
            caption={`Cases waiting to start, ${orderText[sort]} (${atRisk.total} ${atRisk.total === 1 ? "case" : "cases"}, page ${atRisk.page} of ${atRisk.totalPages})`}
            captionSize="s"
            responsive
            className="ses-at-risk-table"
            head={[sortHead("Case", "case"), { text: "Claimant" }, sortHead("Must start by", "must-start-by"), { text: "Working days left" }, { text: "Next action due" }, { text: "Caseworker" }, { text: "Site" }]}
            rows={atRisk.rows.map((row) => ({
              id: row.id,
              cells: [
                { content: <a className="govuk-link ses-nowrap" href={`/cases/${row.id}`}>{row.reference}</a> },
                { content: row.claimantName },
                { content: formatLongDate(row.startDueOn) },
                { content: <Tag text={row.riskText} colour={RISK_COLOUR[row.risk]} /> },
                {
                  content: row.nextAction ? (
                    <>
                      {row.nextAction.label}, by {formatLongDate(row.nextAction.dueOn)}
                      {row.nextActionUrgency && <> <UrgencyTag level={row.nextActionUrgency} /></>}
                    </>
                  ) : row.risk === "missed" ? (
                    // 13.13: a start missed leaves one thing to do — record the start, or cancel.
                    <>Record the start or cancel the referral <UrgencyTag level="overdue" /></>
                  ) : (
                    "None outstanding"
                  ),
                },
                { content: row.caseworkerName ?? "Unassigned" },
                { content: row.siteName },
              ],
            }))}
          />
          <Pagination currentPage={atRisk.page} totalPages={atRisk.totalPages} hrefFor={hrefFor} landmarkLabel="At-risk list pages" />
          <ExportForm list="at-risk" filters={view.filters} sort={sort} />
        </>
      )}
    </section>
  );
}

function ClocksSection({ view }: { view: DashboardView }) {
  const { clocks } = view;
  const cases = (n: number) => `${n} ${n === 1 ? "case" : "cases"}`;
  return (
    <section aria-labelledby="other-clocks">
      <h2 className="govuk-heading-l" id="other-clocks">
        Other clocks
      </h2>
      <SummaryList
        rows={[
          {
            key: "10-working-day meetings missed (13.17)",
            value: (
              <>
                <FigureLink figure="meetings-missed" filters={view.filters}>{cases(clocks.meetingsMissed)}</FigureLink> not met within 10 working days of the referral being received
              </>
            ),
          },
          {
            key: "Forms chases due (13.14)",
            value: (
              <>
                <FigureLink figure="forms-chases-due" filters={view.filters}>{cases(clocks.formsChasesDue)}</FigureLink> where the JCP SPoC should be contacted about a missing UC452 or UCPR1 today or earlier
              </>
            ),
          },
          {
            key: "UCPR1 duplicates due (13.67)",
            value: (
              <>
                <FigureLink figure="ucpr1-duplicates-due" filters={view.filters}>{cases(clocks.ucpr1DuplicatesDue)}</FigureLink> where a duplicate UCPR1 should be asked for today or earlier
              </>
            ),
          },
          {
            key: "24-hour cancellations pending (13.35, 3.15)",
            value: (
              <>
                <FigureLink figure="cancellations-pending" filters={view.filters}>{cases(clocks.cancellationsPending)}</FigureLink> backed out and waiting to be cancelled in PRaP,{" "}
                <FigureLink figure="cancellations-overdue" filters={view.filters}>{`${clocks.cancellationsOverdue} past the 24 hours`}</FigureLink>
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

function CaseloadSection({ view }: { view: DashboardView }) {
  const { caseload } = view;
  return (
    <section aria-labelledby="caseload">
      <h2 className="govuk-heading-l" id="caseload">
        Caseload
      </h2>
      <SummaryList
        rows={[
          { key: "Open cases", value: <FigureLink figure="open" filters={view.filters}>{casesText(caseload.openTotal)}</FigureLink> },
          { key: "Unassigned open cases", value: <FigureLink figure="unassigned" filters={view.filters}>{casesText(caseload.unassignedTotal)}</FigureLink> },
        ]}
      />
      <BarChart
        title="Open cases by caseworker, as of today"
        labelHeading="Caseworker"
        valueHeading="Open cases"
        emptyText="No open case is assigned to a caseworker."
        data={caseload.byCaseworker.map((row) => ({ key: row.key, label: row.label, value: row.open, valueText: `${row.open} open`, href: figureHref("open", { ...view.filters, caseworker: row.key }) }))}
      />
      {caseload.bySite.length === 0 ? (
        <p className="govuk-body">No open cases at any site.</p>
      ) : (
        <Table
          responsive
          caption="Open cases by site"
          captionSize="s"
          firstCellIsHeader
          head={[{ text: "Site" }, { text: "Open", numeric: true }, { text: "Unassigned", numeric: true }]}
          rows={caseload.bySite.map((row) => ({
            id: row.key,
            cells: [
              { content: row.label },
              { content: <FigureLink figure="open" filters={{ ...view.filters, site: [row.key] }}>{row.open}</FigureLink>, numeric: true },
              { content: <FigureLink figure="unassigned" filters={{ ...view.filters, site: [row.key] }}>{row.unassigned}</FigureLink>, numeric: true },
            ],
          }))}
        />
      )}
      {caseload.unassigned.total === 0 ? (
        <EmptyState heading="No unassigned cases" headingLevel={3}>
          Every open case that matches the filters has a caseworker.
        </EmptyState>
      ) : (
        <>
          <Table
            caption={`Unassigned cases, longest waiting first (${caseload.unassigned.total} ${caseload.unassigned.total === 1 ? "case" : "cases"}${caseload.unassigned.total > caseload.unassigned.rows.length ? `, the first ${caseload.unassigned.rows.length} shown` : ""})`}
            captionSize="s"
            responsive
            head={[{ text: "Case" }, { text: "Claimant" }, { text: "State" }, { text: "Waiting since" }, { text: "Waited", numeric: true }, { text: "Site" }]}
            rows={caseload.unassigned.rows.map((row) => ({
              id: row.id,
              cells: [
                { content: <a className="govuk-link ses-nowrap" href={`/cases/${row.id}`}>{row.reference}</a> },
                { content: row.claimantName },
                { content: row.stateLabel },
                { content: formatLongDate(row.waitingSince) },
                { content: `${row.workingDaysWaiting} working ${row.workingDaysWaiting === 1 ? "day" : "days"}`, numeric: true },
                { content: row.siteName },
              ],
            }))}
          />
          <ExportForm list="unassigned" filters={view.filters} />
        </>
      )}
      {caseload.openTotal > 0 && <ExportForm list="open-cases" filters={view.filters} />}
    </section>
  );
}

const FUNNEL_OUTCOME_FIGURES: Record<string, DashboardFigure> = {
  completed: "completed",
  left_early: "left-early",
  rejected: "rejected",
  not_suitable: "not-suitable",
  backed_out: "backed-out",
  cancelled: "cancelled",
};

/** 13.25–13.27: who is on provision now, and the period's starts, by strand. */
function ProvisionSection({ view }: { view: DashboardView }) {
  const { provision } = view;
  const strandLink = (figure: DashboardFigure, row: StrandRow, count: number) => (
    <FigureLink figure={figure} filters={view.filters} row={{ strand: row.key }}>
      {count}
    </FigureLink>
  );
  return (
    <section aria-labelledby="provision">
      <h2 className="govuk-heading-l" id="provision">
        On provision
      </h2>
      <FiguresAsOf view={view} subject="Starts in the period (on provision now is live)" />
      <SummaryList
        rows={[{ key: "On provision now (started, not yet completed or left)", value: <FigureLink figure="on-provision" filters={view.filters}>{casesText(provision.onProvisionTotal)}</FigureLink> }]}
      />
      <Table
        caption={`By strand: on provision now, and starts ${view.period.label.toLowerCase()}`}
        captionSize="s"
        firstCellIsHeader
        responsive
        head={[{ text: "Strand" }, { text: "On provision now", numeric: true }, { text: "Started in the period", numeric: true }]}
        rows={provision.byStrand.map((row) => ({
          id: row.key,
          cells: [{ content: row.label }, { content: strandLink("on-provision", row, row.onProvision), numeric: true }, { content: strandLink("starts", row, row.starts), numeric: true }],
        }))}
      />
    </section>
  );
}

function FunnelSection({ view }: { view: DashboardView }) {
  const { funnel } = view;
  return (
    <section aria-labelledby="funnel">
      <h2 className="govuk-heading-l" id="funnel">
        From referral to outcome
      </h2>
      <FiguresAsOf view={view} />
      <p className="govuk-body">Cases referred in the period ({view.period.label.toLowerCase()}), and how far they have gone.</p>
      <BarChart
        title="Referral to start"
        labelHeading="Stage"
        valueHeading="Cases"
        emptyText="No case was referred in this period."
        data={funnel.stages.map((row) => ({ key: row.key, label: row.label, value: row.count, valueText: casesText(row.count), href: figureHref(row.key as DashboardFigure, view.filters) }))}
      />
      <BarChart
        title="Outcomes"
        labelHeading="Outcome"
        valueHeading="Cases"
        emptyText="No case was referred in this period."
        data={funnel.outcomes.map((row) => ({ key: row.key, label: row.label, value: row.count, valueText: casesText(row.count), href: figureHref(FUNNEL_OUTCOME_FIGURES[row.key], view.filters) }))}
      />
      <CountTable caption="Rejections by reason" labelHeading="Reason" rows={funnel.rejectionReasons} empty="No rejections in this period." figure="rejected" filters={view.filters} />
      <CountTable caption="Cancellations by reason" labelHeading="Reason" rows={funnel.cancellationReasons} empty="No cancellations in this period." figure="cancelled" filters={view.filters} />
      <CountTable caption="Early leavers by reason" labelHeading="Reason" rows={funnel.earlyLeaverReasons} empty="No early leavers in this period." figure="left-early" filters={view.filters} />
    </section>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("read:dashboard:any");
  const { filters, page, sort, errors } = parseDashboardQuery(await searchParams);
  const view = await loadDashboardPage(user, filters, page, sort);
  const notices = await loadStaffNotices(user);
  const expectedReferrals = await loadExpectedReferralCounts(user);
  return (
    <>
      {errors.length > 0 && <ErrorSummary errors={errors.map((error) => ({ fieldId: error.field, message: error.message }))} />}
      <PageHeading caption={`As of ${formatLongDate(view.today)}`}>Dashboard</PageHeading>
      {/* 3.05: Warm Handover calls with no PRaP referral after the set working days (docs/decisions/0023-bulk-import-and-expected-referrals.md). */}
      <p className="govuk-body">
        <a className="govuk-link" href="/referrals/expected">
          Missing referrals: {expectedReferrals.missing}
        </a>{" "}
        ({expectedReferrals.expected} expected referrals with no PRaP referral yet)
      </p>
      {notices.unread > 0 && (
        <section aria-labelledby="notices">
          <h2 className="govuk-heading-m" id="notices">
            Notices about your caseworkers
          </h2>
          <p className="govuk-body" data-testid="unread-notices">
            {notices.unread} unread {notices.unread === 1 ? "notice" : "notices"}
            {notices.unread > notices.notices.length ? ` (the newest ${notices.notices.length} are shown)` : ""}
          </p>
          <ul className="govuk-list">
            {notices.notices.map((notice) => (
              <li key={notice.id}>
                <p className="govuk-body govuk-!-margin-bottom-1">{notice.message}</p>
                <MarkNoticeReadForm action={markStaffNoticeReadAction} noticeId={notice.id} message={notice.message} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <FiltersForm view={view} />
      <p className="govuk-body">Showing {filterSummary(view)}.</p>
      {view.totalsIncludeRestricted ? (
        <InsetText>Headline totals include restricted cases; lists and breakdowns never do, so they can add up to less than the total.</InsetText>
      ) : (
        <InsetText>With a caseworker or route filter, restricted cases are left out of every figure.</InsetText>
      )}
      <StartTargetSection view={view} />
      <AtRiskSection view={view} sort={sort} />
      <ClocksSection view={view} />
      <CaseloadSection view={view} />
      <ProvisionSection view={view} />
      <FunnelSection view={view} />
      <section aria-labelledby="definitions">
        <h2 className="govuk-heading-l" id="definitions">
          How these figures are counted
        </h2>
        <dl className="govuk-summary-list">
          {DASHBOARD_DEFINITIONS.map((definition) => (
            <div key={definition.term} className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{definition.term}</dt>
              <dd className="govuk-summary-list__value">{definition.text}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
