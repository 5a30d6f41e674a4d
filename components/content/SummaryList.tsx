"use client";

import type { ReactNode } from "react";
import { classNames } from "../class-names";

export interface SummaryListAction {
  href: string;
  label: string;
  /** Completes the link text for screen readers: "Change" + " date of birth". */
  visuallyHiddenText: string;
}

export interface SummaryListRow {
  key: string;
  value: ReactNode;
  actions?: readonly SummaryListAction[];
}

export interface SummaryListProps {
  rows: readonly SummaryListRow[];
  noBorder?: boolean;
  /** Set by SummaryCard: action links get " (<card title>)" appended for screen readers. */
  cardTitle?: string;
  className?: string;
}

export function SummaryListActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle?: string }) {
  const hidden = `${action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : ""}${cardTitle ? ` (${cardTitle})` : ""}`;
  return (
    <a className="govuk-link" href={action.href}>
      {action.label}
      {hidden && <span className="govuk-visually-hidden">{hidden}</span>}
    </a>
  );
}

/** GOV.UK summary list: key–value rows with optional "Change" style actions (check answers). */
export function SummaryList({ rows, noBorder, cardTitle, className }: SummaryListProps) {
  const anyRowHasActions = rows.some((row) => (row.actions?.length ?? 0) > 0);
  return (
    <dl className={classNames("govuk-summary-list", noBorder && "govuk-summary-list--no-border", className)}>
      {rows.map((row, index) => {
        const actions = row.actions ?? [];
        return (
          <div
            key={`${index}:${row.key}`}
            className={classNames(
              "govuk-summary-list__row",
              anyRowHasActions && actions.length === 0 && "govuk-summary-list__row--no-actions",
            )}
          >
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value">{row.value}</dd>
            {actions.length > 0 && (
              <dd className="govuk-summary-list__actions">
                {actions.length === 1 ? (
                  <SummaryListActionLink action={actions[0]} cardTitle={cardTitle} />
                ) : (
                  <ul className="govuk-summary-list__actions-list">
                    {actions.map((action) => (
                      <li key={`${action.href}:${action.label}`} className="govuk-summary-list__actions-list-item">
                        <SummaryListActionLink action={action} cardTitle={cardTitle} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
