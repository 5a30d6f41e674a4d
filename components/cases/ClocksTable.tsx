import { Details } from "@/components/content/Details";
import { Table } from "@/components/content/Table";
import { formatLongDate } from "@/lib/calendar/iso-date";
import type { Clock } from "@/lib/domain/deadlines";
import { ClockTag } from "./ClockTag";

const instant = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/London" });

function dueText(clock: Clock): string {
  if (clock.dueAt) return instant.format(new Date(clock.dueAt));
  return clock.dueOn ? formatLongDate(clock.dueOn) : "Not started";
}

/** Every clock the case has, its status, and "why this date" (docs/rules/clocks.md). */
export function ClocksTable({ clocks }: { clocks: readonly Clock[] }) {
  return (
    <Table
      responsive
      caption="Deadlines"
      captionSize="m"
      head={[{ text: "Deadline" }, { text: "Due" }, { text: "Status" }, { text: "Why this date" }]}
      rows={clocks.map((clock) => ({
        id: clock.id,
        cells: [
          { content: <>{clock.label} <span className="govuk-body-s">({clock.paragraphs.join(", ")})</span></> },
          { content: dueText(clock) },
          { content: <ClockTag clock={clock} /> },
          {
            content: (
              <Details summary="Why this date">
                <ul className="govuk-list govuk-list--bullet">
                  {clock.explanation.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </Details>
            ),
          },
        ],
      }))}
    />
  );
}
