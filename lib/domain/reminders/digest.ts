import type { IsoDate } from "@/lib/calendar/iso-date";

/**
 * The daily reminder digest (docs/decisions/0022-background-jobs.md; docs/security.md SO-08): a
 * caseworker's cases with a clock due today, due soon or overdue, and a manager's unassigned cases
 * waiting and projected start breaches (13.13: start within 20 working days). Pure: the caller
 * passes today, the due-soon horizon and rows it has already filtered to what the person may see.
 * It carries case references and dates only — never a name, NINO or address — so the same text can
 * go by e-mail (docs/security.md DP-07).
 */

export interface DigestCase {
  reference: string;
  /** The date that puts it in the digest: the next deadline (caseworker) or the start due date (manager). */
  dueOn: IsoDate | null;
}

export interface DigestSection {
  key: "overdue" | "dueToday" | "dueSoon" | "unassigned" | "startBreaches";
  heading: string;
  total: number;
  /** At most DIGEST_LIST_LIMIT, most urgent first. */
  cases: DigestCase[];
}

export interface Digest {
  summary: string;
  sections: DigestSection[];
}

export const DIGEST_LIST_LIMIT = 25;

export interface DigestInput {
  today: IsoDate;
  /** The last day of the due-soon window (today + the due-soon working days, in the person's nation). */
  dueSoonUntil: IsoDate;
  /** Open work assigned to the person, with its next deadline; undefined when they are not a caseworker. */
  assigned?: readonly DigestCase[];
  /** Unassigned open cases waiting; undefined when they are not a manager. */
  unassigned?: { total: number; cases: readonly DigestCase[] };
  /** Not-yet-started cases whose start due date is within the window or past; manager only. */
  startBreaches?: { total: number; cases: readonly DigestCase[] };
}

export type DeadlineBucket = "overdue" | "dueToday" | "dueSoon";

export function deadlineBucket(dueOn: IsoDate | null, today: IsoDate, dueSoonUntil: IsoDate): DeadlineBucket | null {
  if (!dueOn) return null;
  if (dueOn < today) return "overdue";
  if (dueOn === today) return "dueToday";
  if (dueOn <= dueSoonUntil) return "dueSoon";
  return null;
}

const byDue = (a: DigestCase, b: DigestCase) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") || a.reference.localeCompare(b.reference);

function section(key: DigestSection["key"], heading: string, cases: readonly DigestCase[], total = cases.length): DigestSection {
  return { key, heading, total, cases: [...cases].sort(byDue).slice(0, DIGEST_LIST_LIMIT) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The digest for one person on one day, or null when there is nothing to tell them. */
export function buildDigest(input: DigestInput): Digest | null {
  const sections: DigestSection[] = [];
  if (input.assigned) {
    const buckets: Record<DeadlineBucket, DigestCase[]> = { overdue: [], dueToday: [], dueSoon: [] };
    for (const row of input.assigned) {
      const bucket = deadlineBucket(row.dueOn, input.today, input.dueSoonUntil);
      if (bucket) buckets[bucket].push(row);
    }
    if (buckets.overdue.length) sections.push(section("overdue", "Overdue", buckets.overdue));
    if (buckets.dueToday.length) sections.push(section("dueToday", "Due today", buckets.dueToday));
    if (buckets.dueSoon.length) sections.push(section("dueSoon", "Due soon", buckets.dueSoon));
  }
  if (input.unassigned && input.unassigned.total > 0) {
    sections.push(section("unassigned", "Unassigned cases waiting", input.unassigned.cases, input.unassigned.total));
  }
  if (input.startBreaches && input.startBreaches.total > 0) {
    sections.push(section("startBreaches", "Start target breached or at risk (13.13)", input.startBreaches.cases, input.startBreaches.total));
  }
  if (sections.length === 0) return null;
  const parts = sections.map((s) => `${s.heading.replace(/ \(13\.13\)$/, "").toLowerCase()}: ${s.total}`);
  return { summary: `${plural(sections.reduce((n, s) => n + s.total, 0), "case")} need attention (${parts.join("; ")})`, sections };
}

/** The e-mail for a digest: references and dates only, and a link to sign in (docs/security.md DP-07). */
export function digestEmail(digest: Pick<Digest, "summary" | "sections">, day: IsoDate, appUrl: string): { subject: string; text: string } {
  const lines = [`Your SES Casework reminders for ${day}`, "", digest.summary, ""];
  for (const s of digest.sections) {
    lines.push(`${s.heading} (${s.total})`);
    for (const c of s.cases) lines.push(`- ${c.reference}${c.dueOn ? ` (due ${c.dueOn})` : ""}`);
    if (s.total > s.cases.length) lines.push(`- and ${s.total - s.cases.length} more`);
    lines.push("");
  }
  lines.push(`Sign in to see them: ${appUrl.replace(/\/$/, "")}/notifications`);
  return { subject: `SES Casework reminders for ${day}`, text: lines.join("\n") };
}

let londonHourFormat: Intl.DateTimeFormat | undefined;

/** The hour (0–23) on the UK clock (Europe/London, GMT or BST) at `now`. */
export function londonHour(now: Date): number {
  londonHourFormat ??= new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" });
  return Number(londonHourFormat.formatToParts(now).find((part) => part.type === "hour")?.value ?? "0");
}

/** Reminders go out from 08:00 UK time (docs/decisions/0022-background-jobs.md). */
export const REMINDER_HOUR = 8;
