"use client";

import { SummaryList, SummaryListActionLink, type SummaryListRow } from "./SummaryList";

export interface SummaryCardAction {
  href: string;
  label: string;
  /** Optional: the card title is appended for screen readers anyway, e.g. "Remove (Referral)". */
  visuallyHiddenText?: string;
}

export interface SummaryCardProps {
  title: string;
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  actions?: readonly SummaryCardAction[];
  rows: readonly SummaryListRow[];
}

/** GOV.UK summary card: a titled SummaryList, e.g. one card per section of a case. */
export function SummaryCard({ title, headingLevel = 2, actions = [], rows }: SummaryCardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{title}</Heading>
        {actions.length === 1 && (
          <div className="govuk-summary-card__actions">
            <SummaryListActionLink action={{ ...actions[0], visuallyHiddenText: actions[0].visuallyHiddenText ?? "" }} cardTitle={title} />
          </div>
        )}
        {actions.length > 1 && (
          <ul className="govuk-summary-card__actions">
            {actions.map((action) => (
              <li key={`${action.href}:${action.label}`} className="govuk-summary-card__action">
                <SummaryListActionLink action={{ ...action, visuallyHiddenText: action.visuallyHiddenText ?? "" }} cardTitle={title} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList rows={rows} cardTitle={title} />
      </div>
    </div>
  );
}
