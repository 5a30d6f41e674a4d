import { EmptyState } from "@/components/content/EmptyState";
import { Pagination } from "@/components/content/Pagination";
import { SubNavigation } from "@/components/content/SubNavigation";
import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import { UrgencyTag } from "@/components/cases/UrgencyTag";
import { Button } from "@/components/forms/Button";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { loadExpectedReferralCounts } from "@/lib/server/expected-referrals/load-expected-referral-pages";
import { JCP_REFERRAL_MISSING_LABEL } from "@/lib/domain/sro/jcp-referral-missing";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import type { Clock } from "@/lib/domain/deadlines";
import { caseAtVersionValue } from "@/lib/domain/forms/bulk-reassign-form";
import { can } from "@/lib/domain/permissions";
import {
  activeFilterCount,
  defaultWorkQueueView,
  parseWorkQueueQuery,
  WORK_QUEUE_VIEWS,
  workQueueQueryString,
  type WorkQueueSort,
  type WorkQueueView,
} from "@/lib/domain/work-queue/query";
import { loadWorkQueuePage } from "@/lib/server/cases/load-work-queue-page";
import { readSearchTerm } from "./search-cookie";
import { searchCasesAction } from "./search-actions";
import { SearchForm } from "./SearchForm";
import { QueueFilters } from "./QueueFilters";

const VIEW_LABELS: Record<WorkQueueView, string> = {
  mine: "My cases",
  unassigned: "Unassigned",
  open: "All open",
  closed: "Closed",
  search: "Search results",
};

/** The start target's cell: the one urgency tag while the clock runs, its outcome once stopped. */
function startCell(clock: Clock | null) {
  if (!clock) return "Not running";
  return <UrgencyTag clock={clock} />;
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("read:case:any");
  const query = parseWorkQueueQuery(await searchParams, defaultWorkQueueView(user.roles));
  const { view, sort } = query;
  const searchTerm = await readSearchTerm();
  const expected = await loadExpectedReferralCounts(user);
  const queue = await loadWorkQueuePage(user, { ...query, search: searchTerm });
  const canAssign = can(user.roles, "assign:case:any");
  const filtered = activeFilterCount(query.filters) > 0;
  const hrefFor = (page: number) => `/cases?${workQueueQueryString({ ...query, page })}`;
  const sortHead = (text: string, key: WorkQueueSort) => ({
    text,
    sort: { href: `/cases?${workQueueQueryString({ ...query, sort: key, page: 1 })}`, direction: sort === key ? ("ascending" as const) : ("none" as const) },
  });
  const caption = `${VIEW_LABELS[view]}${filtered ? " (filtered)" : ""}: ${queue.total} ${queue.total === 1 ? "case" : "cases"}, ${sort === "next-deadline" ? "soonest deadline first" : "start clocks still running first, fewest working days left first"}${queue.totalPages > 1 ? `, page ${queue.page} of ${queue.totalPages}` : ""}`;
  return (
    <>
      <PageHeading>Cases</PageHeading>
      <p className="govuk-body">
        <a className="govuk-link" href="/referrals/expected">
          Expected referrals: {expected.expected}
          {expected.missing > 0 ? `, ${expected.missing} missing` : ""}
        </a>
      </p>
      <SearchForm key={view === "search" ? (searchTerm ?? "") : ""} action={searchCasesAction} term={view === "search" ? searchTerm : null} />
      {view === "search" && searchTerm && <p className="govuk-body">Cases matching ‘{searchTerm}’</p>}
      <SubNavigation
        ariaLabel="Case lists"
        items={WORK_QUEUE_VIEWS.filter((candidate) => candidate !== "search" || view === "search").map((candidate) => ({
          href: `/cases?${workQueueQueryString({ view: candidate, sort, filters: query.filters, pageSize: query.pageSize })}`,
          label: VIEW_LABELS[candidate],
          current: candidate === view,
        }))}
      />
      <div className="ses-queue-layout">
        <QueueFilters query={query} options={queue.options} canSeeScr={can(user.roles, "read:restricted-case:any")} />
        <div className="ses-queue-layout__results">
          {queue.total === 0 ? (
            <EmptyState heading={view === "search" ? "No matching cases" : `No cases in ${VIEW_LABELS[view].toLowerCase()}${filtered ? " that match the filters" : ""}`}>
              {filtered
                ? "Remove a filter, or clear them all, to see more cases."
                : view === "mine"
                  ? "Cases assigned to you will appear here, soonest deadline first."
                  : view === "search"
                    ? searchTerm
                      ? "No case you can see matches your search. Check the spelling, or search by National Insurance number or purchase order number."
                      : "Your search has expired. Search again."
                    : "There are no cases in this list."}
            </EmptyState>
          ) : (
            // Bulk reassignment: checkboxes in a GET form to the check page, so it works without JavaScript
            // (docs/decisions/0017-work-queue-urgency-and-bulk-reassignment.md). Each value is "<id>.<version>".
            <form method="get" action="/cases/reassign" aria-label="Reassign selected cases">
              <Table
                responsive
                caption={caption}
                captionSize="s"
                head={[
                  ...(canAssign ? [{ text: "Select" }] : []),
                  { text: "Case" },
                  { text: "Claimant" },
                  { text: "State" },
                  sortHead("Most urgent deadline", "next-deadline"),
                  sortHead("Start within 20 working days", "start-deadline"),
                  { text: "Caseworker" },
                  { text: "Site" },
                ]}
                rows={queue.rows.map((row) => ({
                  id: row.id,
                  cells: [
                    ...(canAssign
                      ? [
                          {
                            content: (
                              <div className="govuk-checkboxes govuk-checkboxes--small">
                                <div className="govuk-checkboxes__item">
                                  <input className="govuk-checkboxes__input" id={`select-${row.id}`} name="case" type="checkbox" value={caseAtVersionValue(row.id, row.version)} />
                                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`select-${row.id}`}>
                                    <span className="govuk-visually-hidden">Select {row.reference}</span>
                                  </label>
                                </div>
                              </div>
                            ),
                          },
                        ]
                      : []),
                    { content: <a className="govuk-link ses-nowrap" href={`/cases/${row.id}`}>{row.reference}</a> },
                    {
                      content: (
                        <>
                          {row.claimantName}
                          {row.restrictionTier === "mappa" && <> <Tag text="MAPPA" colour="purple" /></>}
                          {row.restrictionTier === "scr" && <> <Tag text="SCR" colour="red" /></>}
                          {row.jcpReferralMissing && <> <Tag text={JCP_REFERRAL_MISSING_LABEL} colour="orange" /></>}
                        </>
                      ),
                    },
                    { content: CASE_STATE_LABELS[row.state] },
                    { content: row.urgentClock ? <>{row.urgentClock.label}: <UrgencyTag clock={row.urgentClock} /></> : "None" },
                    { content: startCell(row.startClock) },
                    { content: row.caseworkerName ?? "Unassigned" },
                    { content: row.siteName },
                  ],
                }))}
              />
              {canAssign && view !== "closed" && (
                <Button type="submit" variant="secondary">
                  Reassign selected cases
                </Button>
              )}
              <Pagination currentPage={queue.page} totalPages={queue.totalPages} hrefFor={hrefFor} />
            </form>
          )}
        </div>
      </div>
    </>
  );
}
