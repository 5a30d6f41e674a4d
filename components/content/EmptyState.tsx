import type { ReactNode } from "react";

export interface EmptyStateProps {
  /** A short explanation, e.g. "There are no referrals waiting to be acknowledged." */
  children: ReactNode;
  heading?: string;
  headingLevel?: 2 | 3 | 4;
  action?: { href: string; label: string };
}

/** What a list or section says when it has nothing to show, with an optional next step. */
export function EmptyState({ children, heading, headingLevel = 2, action }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="ses-empty-state">
      {heading && <Heading className="govuk-heading-m">{heading}</Heading>}
      <p className="govuk-body">{children}</p>
      {action && (
        <p className="govuk-body">
          <a className="govuk-link" href={action.href}>
            {action.label}
          </a>
        </p>
      )}
    </div>
  );
}
