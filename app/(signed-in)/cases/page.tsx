import { EmptyState } from "@/components/content/EmptyState";
import { Pagination } from "@/components/content/Pagination";
import { SubNavigation } from "@/components/content/SubNavigation";
import { Button } from "@/components/forms/Button";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { loadExpectedReferralCounts } from "@/lib/server/expected-referrals/load-expected-referral-pages";
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
import { queueRowView } from "./queue-row-view";
import { WorkQueueTable } from "./WorkQueueTable";

const VIEW_LABELS: Record<WorkQueueView, string> = {
  mine: "My cases",
  unassigned: "Unassigned",
  open: "All open",
  closed: "Closed",
  search: "Search results",
};

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("read:case:any");
  const query = parseWorkQueueQuery(await searchParams, defaultWorkQueueView(user.roles));
  const { view, sort } = query;
  const searchTerm = await readSearchTerm();
  const [expected, queue] = await Promise.all([loadExpectedReferralCounts(user), loadWorkQueuePage(user, { ...query, search: searchTerm })]);
  const canAssign = can(user.roles, "assign:case:any");
  const filtered = activeFilterCount(query.filters) > 0;
  const hrefFor = (page: number) => `/cases?${workQueueQueryString({ ...query, page })}`;
  const sortLink = (key: WorkQueueSort) => ({
    href: `/cases?${workQueueQueryString({ ...query, sort: key, page: 1 })}`,
    direction: sort === key ? ("ascending" as const) : ("none" as const),
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
              <WorkQueueTable
                caption={caption}
                selectable={canAssign}
                sortLinks={{ nextDeadline: sortLink("next-deadline"), startDeadline: sortLink("start-deadline") }}
                rows={queue.rows.map(queueRowView)}
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
