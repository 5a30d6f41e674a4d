import type { ReactNode } from "react";

export interface TimelineItem {
  /** A stable key, e.g. the audit event id. */
  id: string;
  title: string;
  /** Who did it; rendered as "by <byline>". */
  byline?: string;
  /** Machine-readable instant or date (ISO 8601) for <time datetime>. */
  datetime: string;
  /** The same moment as people read it, formatted by the caller (Europe/London), e.g. "3 March 2025 at 2:15pm". */
  displayDate: string;
  description?: ReactNode;
}

export interface TimelineProps {
  items: readonly TimelineItem[];
  /** A heading level per entry; "none" renders each title as a paragraph (a long case history is not 18 headings). */
  headingLevel?: 2 | 3 | 4 | 5 | 6 | "none";
}

/**
 * MoJ timeline (a case's history, from the audit table). Styles live in components.css because
 * MoJ Frontend's CSS is not installed. Renders nothing for no items: show an EmptyState instead.
 */
export function Timeline({ items, headingLevel = 2 }: TimelineProps) {
  if (items.length === 0) return null;
  const Heading = headingLevel === "none" ? "p" : (`h${headingLevel}` as const);
  return (
    <div className="moj-timeline">
      {items.map((item) => (
        <div key={item.id} className="moj-timeline__item">
          <div className="moj-timeline__header">
            <Heading className="moj-timeline__title">{item.title}</Heading>
            {item.byline && <p className="moj-timeline__byline">by {item.byline}</p>}
          </div>
          <p className="moj-timeline__date">
            <time dateTime={item.datetime}>{item.displayDate}</time>
          </p>
          {item.description !== undefined && item.description !== null && (
            <div className="moj-timeline__description">{item.description}</div>
          )}
        </div>
      ))}
    </div>
  );
}
