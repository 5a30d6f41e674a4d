import { EmptyState } from "@/components/content/EmptyState";
import { Pagination } from "@/components/content/Pagination";
import { SubNavigation } from "@/components/content/SubNavigation";
import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import { ClockTag } from "@/components/cases/ClockTag";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { loadExpectedReferralCounts } from "@/lib/server/expected-referrals/load-expected-referral-pages";
import { JCP_REFERRAL_MISSING_LABEL } from "@/lib/domain/sro/jcp-referral-missing";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import type { Clock } from "@/lib/domain/deadlines";
import { readSearchTerm } from "./search-cookie";
import { searchCasesAction } from "./search-actions";
import { SearchForm } from "./SearchForm";
import { WORK_QUEUE_SORTS, WORK_QUEUE_VIEWS, type WorkQueueSort, type WorkQueueView } from "@/lib/server/cases/list-work-queue";
import { loadWorkQueuePage } from "@/lib/server/cases/load-work-queue-page";

const VIEW_LABELS: Record<WorkQueueView, string> = {
  mine: "My cases",
  unassigned: "Unassigned",
  open: "All open",
  closed: "Closed",
  search: "Search results",
};

/** Working days left to the start target, in words; the tag once it is due soon, overdue or met. */
function startCell(clock: Clock | null) {
  if (!clock) return "Not running";
  if (clock.state === "not_yet_due" && clock.workingDaysRemaining !== null) {
    return `${clock.workingDaysRemaining} working days left`;
  }
  return <ClockTag clock={clock} />;
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser("read:case:any");
  const params = await searchParams;
  const view = (WORK_QUEUE_VIEWS as readonly string[]).includes(params.view ?? "") ? (params.view as WorkQueueView) : "mine";
  const sort: WorkQueueSort = (WORK_QUEUE_SORTS as readonly string[]).includes(params.sort ?? "") ? (params.sort as WorkQueueSort) : "next-deadline";
  const searchTerm = await readSearchTerm();
  const expected = await loadExpectedReferralCounts(user);
  const queue = await loadWorkQueuePage(user, { view, sort, search: searchTerm, page: Number(params.page) || 1 });
  const hrefFor = (page: number) => `/cases?view=${view}&sort=${sort}&page=${page}`;
  const sortHead = (text: string, key: WorkQueueSort) => ({
    text,
    sort: { href: `/cases?view=${view}&sort=${key}`, direction: sort === key ? ("ascending" as const) : ("none" as const) },
  });
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
        items={WORK_QUEUE_VIEWS.filter((candidate) => candidate !== "search" || view === "search").map((candidate) => ({ href: `/cases?view=${candidate}&sort=${sort}`, label: VIEW_LABELS[candidate], current: candidate === view }))}
      />
      {queue.total === 0 ? (
        <EmptyState heading={view === "search" ? "No matching cases" : `No cases in ${VIEW_LABELS[view].toLowerCase()}`}>
          {view === "mine"
            ? "Cases assigned to you will appear here, soonest deadline first."
            : view === "search"
              ? searchTerm
                ? "No case you can see matches your search. Check the spelling, or search by National Insurance number or purchase order number."
                : "Your search has expired. Search again."
              : "There are no cases in this list."}
        </EmptyState>
      ) : (
        <>
          <Table
            caption={`${VIEW_LABELS[view]}: ${queue.total} ${queue.total === 1 ? "case" : "cases"}, ${sort === "next-deadline" ? "soonest deadline first" : "fewest working days left to start first"}`}
            captionSize="s"
            head={[
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
                { content: row.urgentClock ? <>{row.urgentClock.label}: <ClockTag clock={row.urgentClock} /></> : "None" },
                { content: startCell(row.startClock) },
                { content: row.caseworkerName ?? "Unassigned" },
                { content: row.siteName },
              ],
            }))}
          />
          <Pagination currentPage={queue.page} totalPages={queue.totalPages} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
