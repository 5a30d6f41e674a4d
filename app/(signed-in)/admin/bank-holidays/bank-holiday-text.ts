import { nationDisplayName } from "@/lib/calendar/nations";
import { nationFromCode, type NationCode } from "@/lib/domain/nation";

/** Words and URLs shared by the bank-holiday pages and their server actions. */

export const BANK_HOLIDAYS_PATH = "/admin/bank-holidays";

export const NATION_OPTIONS: ReadonlyArray<{ value: NationCode; text: string }> = (
  ["england_and_wales", "scotland", "northern_ireland"] as const
).map((code) => ({ value: code, text: nationDisplayName(nationFromCode(code)) }));

export function nationName(code: NationCode): string {
  return nationDisplayName(nationFromCode(code));
}

export const COMPUTED_TAG_TEXT = "Computed — please confirm";

export type Outcome = "created" | "saved" | "unchanged" | "removed" | "confirmed";

const OUTCOMES: readonly Outcome[] = ["created", "saved", "unchanged", "removed", "confirmed"];

/** Where a change lands: the list for the holiday's year, with what happened (no personal data). */
export function listUrlAfter(
  outcome: Outcome,
  year: string | number,
  recompute?: { recomputedCases: number | null; recomputeQueued: boolean },
): string {
  const query = new URLSearchParams({ year: String(year), updated: outcome });
  if (recompute?.recomputeQueued) query.set("recompute", "queued");
  else if (recompute && recompute.recomputedCases !== null) query.set("cases", String(recompute.recomputedCases));
  return `${BANK_HOLIDAYS_PATH}?${query.toString()}`;
}

/** What the page says of a nation's queued recompute (from the job's state; no personal data). */
export const RECOMPUTE_STATE_TEXT = {
  queued: "Due dates are queued to be recomputed",
  running: "Due dates are being recomputed now",
  failed: "Recomputing due dates failed; an administrator can retry it on the jobs page",
} as const;

export const RECOMPUTE_DONE_TEXT = "Due dates have been recomputed.";

export function casesPhrase(count: number): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? "case" : "cases"}`;
}

/** The success banner's text for `?updated=…&cases=…`, or undefined when there is none to show. */
export function confirmationMessage(updated: string | undefined, cases: string | undefined, recompute?: string): string | undefined {
  if (!updated || !(OUTCOMES as readonly string[]).includes(updated)) return undefined;
  const count = cases !== undefined && /^\d{1,9}$/.test(cases) ? Number(cases) : undefined;
  const recomputed =
    recompute === "queued"
      ? " The due dates of every case in its nation are being recomputed in the background; progress is shown below."
      : count === undefined
        ? ""
        : ` Due dates recomputed for ${casesPhrase(count)}.`;
  switch (updated as Outcome) {
    case "created":
      return `Bank holiday added.${recomputed}`;
    case "saved":
      return `Bank holiday saved.${recomputed}`;
    case "unchanged":
      return "Bank holiday saved. Its nation and date did not change, so no due dates needed recomputing.";
    case "removed":
      return `Bank holiday removed.${recomputed}`;
    case "confirmed":
      return "Computed date confirmed. Its date did not change, so no due dates needed recomputing.";
  }
}

/** "2012 to 2015, 2017 to 2027": loaded years as runs, so gaps stand out. */
export function yearRuns(years: readonly number[]): string {
  if (years.length === 0) return "None loaded";
  const runs: string[] = [];
  let start = years[0];
  let previous = years[0];
  for (const year of [...years.slice(1), Number.NaN]) {
    if (year === previous + 1) {
      previous = year;
      continue;
    }
    runs.push(start === previous ? String(start) : `${start} to ${previous}`);
    start = year;
    previous = year;
  }
  return runs.join(", ");
}

/** The coverage warning (docs/decisions/0003-calendar-coverage.md). */
export function uncoveredWarning(year: number, nation: NationCode): string {
  return `Deadlines in ${year} for ${nationName(nation)} count weekends only until its bank holidays are added.`;
}

export function newHolidayUrl(nation?: NationCode, year?: number): string {
  const query = new URLSearchParams();
  if (nation) query.set("nation", nation);
  if (year !== undefined) query.set("year", String(year));
  const search = query.toString();
  return `${BANK_HOLIDAYS_PATH}/new${search ? `?${search}` : ""}`;
}
