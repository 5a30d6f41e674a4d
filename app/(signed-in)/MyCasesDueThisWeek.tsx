import { EmptyState } from "@/components/content/EmptyState";
import { Table } from "@/components/content/Table";
import { UrgencyTag } from "@/components/cases/UrgencyTag";
import { formatLongDate } from "@/lib/calendar/iso-date";
import type { MyCasesDue } from "@/lib/server/dashboard/list-my-cases-due";

/** Home page: the caseworker's own cases with a deadline on or before the end of this week (lib/server/dashboard/list-my-cases-due.ts; docs/rules/clocks.md). */
export function MyCasesDueThisWeek({ due: { rows, total, weekEndsOn } }: { due: MyCasesDue }) {
  return (
    <section aria-labelledby="my-cases-due">
      <h2 className="govuk-heading-m" id="my-cases-due">
        My cases due this week
      </h2>
      {rows.length === 0 ? (
        <EmptyState>None of your cases has a deadline between now and {formatLongDate(weekEndsOn)}. Overdue cases would also appear here.</EmptyState>
      ) : (
        <Table
          responsive
          caption={`${total} ${total === 1 ? "case" : "cases"} with a deadline on or before ${formatLongDate(weekEndsOn)}, overdue first${total > rows.length ? ` (the first ${rows.length} shown)` : ""}`}
          captionSize="s"
          head={[{ text: "Case" }, { text: "Claimant" }, { text: "Next deadline" }, { text: "Clock" }]}
          rows={rows.map((row) => ({
            id: row.id,
            cells: [
              { content: <a className="govuk-link ses-nowrap" href={`/cases/${row.id}`}>{row.reference}</a> },
              { content: row.claimantName },
              { content: formatLongDate(row.nextDeadlineOn) },
              { content: row.clock ? <>{row.clockLabel}: <UrgencyTag clock={row.clock} /></> : "None" },
            ],
          }))}
        />
      )}
    </section>
  );
}
