import type { ReactNode } from "react";

export interface DetailsProps {
  summary: string;
  children: ReactNode;
  open?: boolean;
  id?: string;
}

/** GOV.UK details: native <details>/<summary>, so it expands without JavaScript. */
export function Details({ summary, children, open, id }: DetailsProps) {
  return (
    <details id={id} className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
