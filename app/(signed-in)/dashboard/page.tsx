import { BarChart } from "@/components/charts/BarChart";
import { EmptyState } from "@/components/content/EmptyState";
import { InsetText } from "@/components/content/InsetText";
import { Pagination } from "@/components/content/Pagination";
import { SummaryList } from "@/components/content/SummaryList";
import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import { UrgencyTag } from "@/components/cases/UrgencyTag";
import { drillDownHref } from "@/lib/domain/work-queue/query";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { DASHBOARD_DEFINITIONS } from "@/lib/domain/dashboard/definitions";
import { dashboardQueryString, parseDashboardQuery, type AtRiskSort } from "@/lib/domain/dashboard/filters";
import { AT_RISK_WINDOW_WORKING_DAYS, formatShare, type CountRow, type StartRisk, type StartTargetFigure } from "@/lib/domain/dashboard/figures";
import type { DashboardView, StartTargetRow } from "@/lib/domain/dashboard/view";
import { loadDashboardPage } from "@/lib/server/dashboard/load-dashboard-page";
import { loadStaffNotices } from "@/lib/server/notices/load-staff-notices";
import { loadExpectedReferralCounts } from "@/lib/server/expected-referrals/load-expected-referral-pages";
import { markStaffNoticeReadAction } from "./actions";
import { MarkNoticeReadForm } from "./MarkNoticeReadForm";
import { ExportForm } from "./ExportForm";
import { FiltersForm } from "./FiltersForm";

const RISK_COLOUR: Record<StartRisk, "red" | "orange" | "yellow" | "grey"> = { missed: "red", due_today: "orange", at_risk: "yellow", on_track: "grey" };

function shareText(figure: StartTargetFigure): string {
  if (figure.measured === 0) return "No cases measured";
  return `${formatShare(figure.share)} (${figure.onTime} of ${figure.measured} on time)`;
}

function HeadlineFigure({ title, figure }: { title: string; figure: StartTargetFigure }) {
  return (
    <div className="govuk-grid-column-one-half">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{title}</h3>
      <p className="govuk-heading-xl govuk-!-margin-bottom-1">{formatShare(figure.share)}</p>
      <p className="govuk-body-s">
        {figure.measured === 0
          ? "No start deadline in this time has an outcome yet."
          : `${figure.onTime} of ${figure.measured} started on time; ${figure.startedLate} started late; ${figure.missedNotStarted} not started by the deadline.`}
      </p>
    </div>
  );
}

/** 13.13: the referrals that left the denominator, and why, so the share can be checked. */
function LeftBeforeDeadline({ period, rows }: { period: string; rows: { key: string; label: string; count: number }[] }) {
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
      rows={rows.map((row) => ({ id: row.key, cells: [{ content: row.label }, { content: row.count, numeric: true }] }))}
    />
  );
}

function StartTargetTable({ caption, labelHeading, rows }: { caption: string; labelHeading: string; rows: StartTargetRow[] }) {
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
      rows={rows.map((row) => ({
        id: row.key,
        cells: [
          { content: row.label },
          { content: row.onTime, numeric: true },
          { content: row.startedLate, numeric: true },
          { content: row.missedNotStarted, numeric: true },
          { content: row.measured, numeric: true },
          { content: formatShare(row.share), numeric: true },
        ],
      }))}
    />
  );
}

function CountTable({ caption, labelHeading, rows, empty }: { caption: string; labelHeading: string; rows: CountRow[]; empty: string }) {
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
      rows={rows.map((row) => ({ id: row.key, cells: [{ content: row.label }, { content: row.count, numeric: true }] }))}
    />
  );
}

function filterSummary(view: DashboardView): string {
  const site = view.options.sites.find((candidate) => candidate.id === view.filters.site)?.name;
  const caseworker = view.options.caseworkers.find((candidate) => candidate.id === view.filters.caseworker)?.name;
  const route = view.options.routes.find((candidate) => candidate.value === view.filters.route)?.label;
  return [
    site ? `site ${site}` : "all sites",
    caseworker ? `caseworker ${caseworker}` : "all caseworkers",
    route ? `route ${route}` : "all routes",
    `${view.period.label.toLowerCase()} (${formatLongDate(view.period.from)} to ${formatLongDate(view.period.to)})`,
  ].join("; ");
}

function StartTargetSection({ view }: { view: DashboardView }) {
  const { startTarget } = view;
  return (
    <section aria-labelledby="start-target">
      <h2 className="govuk-heading-l" id="start-target">
        Start target: started within 20 working days
      </h2>
      <div className="govuk-grid-row">
        <HeadlineFigure title={`This month (${view.thisMonth.label})`} figure={startTarget.thisMonth} />
        {/* With the period "This month" the second figure would repeat the first. */}
        {view.filters.period !== "this-month" && <HeadlineFigure title={view.period.label} figure={startTarget.period} />}
      </div>
      <BarChart
        title="Share started on time, last 12 months by month"
        labelHeading="Month"
        valueHeading="Share on time"
        max={100}
        emptyText="No case was measured in the last 12 months."
        data={startTarget.byMonth.map((row) => ({ key: row.key, label: row.label, value: row.share === null ? 0 : Math.round(row.share * 100), valueText: shareText(row) }))}
      />
      <StartTargetTable caption={`By site, ${view.period.label.toLowerCase()}`} labelHeading="Site" rows={startTarget.bySite} />
      <StartTargetTable caption={`By caseworker, ${view.period.label.toLowerCase()}`} labelHeading="Caseworker" rows={startTarget.byCaseworker} />
      <StartTargetTable caption={`By route, ${view.period.label.toLowerCase()}`} labelHeading="Route" rows={startTarget.byRoute} />
      <LeftBeforeDeadline period={view.period.label.toLowerCase()} rows={startTarget.leftBeforeDeadline} />
    </section>
  );
}

function AtRiskSection({ view, sort }: { view: DashboardView; sort: AtRiskSort }) {
  const { atRisk } = view;
  const hrefFor = (page: number) => `/dashboard?${dashboardQueryString(view.filters, sort === "must-start-by" ? { page } : { page, sort })}#at-risk`;
  // MoJ sortable table, sorted on the server by header links (works without JavaScript).
  const sortHead = (text: string, key: AtRiskSort) => ({
    text,
    sort: { href: `/dashboard?${dashboardQueryString(view.filters, { sort: key })}#at-risk`, direction: sort === key ? ("ascending" as const) : ("none" as const) },
  });
  const orderText: Record<AtRiskSort, string> = { "must-start-by": "fewest working days left first", "referral-date": "earliest referral first", case: "by case reference" };
  return (
    <section aria-labelledby="at-risk">
      <h2 className="govuk-heading-l" id="at-risk">
        At risk and projected breaches
      </h2>
      <SummaryList
        rows={[
          {
            key: "Waiting to start",
            value: <a className="govuk-link" href={drillDownHref("open", view.filters, { clock: "start-running" }, "start-deadline")}>{`${atRisk.awaitingStartTotal} ${atRisk.awaitingStartTotal === 1 ? "case" : "cases"}`}</a>,
          },
          {
            key: "Start deadline missed",
            value: <a className="govuk-link" href={drillDownHref("open", view.filters, { clock: "start-missed" }, "start-deadline")}>{`${atRisk.missedTotal} ${atRisk.missedTotal === 1 ? "case" : "cases"} not started after the deadline`}</a>,
          },
          { key: `Must start within ${AT_RISK_WINDOW_WORKING_DAYS} working days`, value: `${atRisk.atRiskTotal} ${atRisk.atRiskTotal === 1 ? "case" : "cases"}` },
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
          <ExportForm list="at-risk" filters={view.filters} />
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
          { key: "10-working-day meetings missed (13.17)", value: `${cases(clocks.meetingsMissed)} not met within 10 working days of the referral being received` },
          { key: "Forms chases due (13.14)", value: `${cases(clocks.formsChasesDue)} where the JCP SPoC should be contacted about a missing UC452 or UCPR1 today or earlier` },
          { key: "UCPR1 duplicates due (13.67)", value: `${cases(clocks.ucpr1DuplicatesDue)} where a duplicate UCPR1 should be asked for today or earlier` },
          {
            key: "24-hour cancellations pending (13.35, 3.15)",
            value: `${cases(clocks.cancellationsPending)} backed out and waiting to be cancelled in PRaP, ${clocks.cancellationsOverdue} past the 24 hours`,
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
          { key: "Open cases", value: <a className="govuk-link" href={drillDownHref("open", view.filters)}>{`${caseload.openTotal} ${caseload.openTotal === 1 ? "case" : "cases"}`}</a> },
          {
            key: "Unassigned open cases",
            value: <a className="govuk-link" href={drillDownHref("unassigned", view.filters)}>{`${caseload.unassignedTotal} ${caseload.unassignedTotal === 1 ? "case" : "cases"}`}</a>,
          },
        ]}
      />
      <BarChart
        title="Open cases by caseworker"
        labelHeading="Caseworker"
        valueHeading="Open cases"
        emptyText="No open case is assigned to a caseworker."
        data={caseload.byCaseworker.map((row) => ({ key: row.key, label: row.label, value: row.open, valueText: `${row.open} open` }))}
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
          rows={caseload.bySite.map((row) => ({ id: row.key, cells: [{ content: row.label }, { content: row.open, numeric: true }, { content: row.unassigned, numeric: true }] }))}
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

function FunnelSection({ view }: { view: DashboardView }) {
  const { funnel } = view;
  return (
    <section aria-labelledby="funnel">
      <h2 className="govuk-heading-l" id="funnel">
        From referral to outcome
      </h2>
      <p className="govuk-body">Cases referred in the period ({view.period.label.toLowerCase()}), and how far they have gone.</p>
      <BarChart
        title="Referral to start"
        labelHeading="Stage"
        valueHeading="Cases"
        emptyText="No case was referred in this period."
        data={funnel.stages.map((row) => ({ key: row.key, label: row.label, value: row.count, valueText: `${row.count} ${row.count === 1 ? "case" : "cases"}` }))}
      />
      <BarChart
        title="Outcomes"
        labelHeading="Outcome"
        valueHeading="Cases"
        emptyText="No case was referred in this period."
        data={funnel.outcomes.map((row) => ({ key: row.key, label: row.label, value: row.count, valueText: `${row.count} ${row.count === 1 ? "case" : "cases"}` }))}
      />
      <CountTable caption="Rejections by reason" labelHeading="Reason" rows={funnel.rejectionReasons} empty="No rejections in this period." />
      <CountTable caption="Cancellations by reason" labelHeading="Reason" rows={funnel.cancellationReasons} empty="No cancellations in this period." />
      <CountTable caption="Early leavers by reason" labelHeading="Reason" rows={funnel.earlyLeaverReasons} empty="No early leavers in this period." />
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
