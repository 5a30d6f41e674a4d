"use client";

import { Details } from "@/components/content/Details";
import { Table } from "@/components/content/Table";
import { UrgencyTagView, type UrgencyTagParts } from "./UrgencyTagView";

/** One deadline as the case page's table shows it: words only, worked out on the server (./ClocksTable.tsx). */
export interface ClockRowView {
  id: string;
  label: string;
  /** The guidance's paragraphs, e.g. "3.05, 3.16". */
  paragraphs: string;
  due: string;
  tag: UrgencyTagParts;
  /** "Why this date", one line each. */
  explanation: string[];
}

/**
 * The deadlines table's markup from its rows. A client component with no client state: the rows
 * travel in the page's RSC payload as data instead of as rendered elements, and the HTML is
 * server-rendered as before (docs/decisions/0035-work-queue-page-cost.md, amendment).
 */
export function ClocksTableView({ rows }: { rows: readonly ClockRowView[] }) {
  return (
    <Table
      responsive
      caption="Deadlines"
      captionSize="m"
      head={[{ text: "Deadline" }, { text: "Due" }, { text: "Status" }, { text: "Why this date" }]}
      rows={rows.map((row) => ({
        id: row.id,
        cells: [
          { content: <>{row.label} <span className="govuk-body-s">({row.paragraphs})</span></> },
          { content: row.due },
          { content: <UrgencyTagView {...row.tag} /> },
          {
            content: (
              <Details summary="Why this date">
                <ul className="govuk-list govuk-list--bullet">
                  {row.explanation.map((line) => (
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
