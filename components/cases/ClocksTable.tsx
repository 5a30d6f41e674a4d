import { formatLongDate } from "@/lib/calendar/iso-date";
import type { Clock } from "@/lib/domain/deadlines";
import { ClocksTableView, type ClockRowView } from "./ClocksTableView";
import { urgencyTagParts } from "./UrgencyTag";

const instant = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/London" });

function dueText(clock: Clock): string {
  if (clock.dueAt) return instant.format(new Date(clock.dueAt));
  return clock.dueOn ? formatLongDate(clock.dueOn) : "Not started";
}

/** A clock's row in words, on the server: the browser never formats a date (no hydration mismatch between ICU versions). */
export function clockRowView(clock: Clock): ClockRowView {
  return {
    id: clock.id,
    label: clock.label,
    paragraphs: clock.paragraphs.join(", "),
    due: dueText(clock),
    tag: urgencyTagParts({ clock }),
    explanation: clock.explanation,
  };
}

/** Every clock the case has, its status, and "why this date" (docs/rules/clocks.md). */
export function ClocksTable({ clocks }: { clocks: readonly Clock[] }) {
  return <ClocksTableView rows={clocks.map(clockRowView)} />;
}
