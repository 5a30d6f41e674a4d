import type { ReactNode } from "react";

export interface PanelProps {
  title: string;
  children?: ReactNode;
  headingLevel?: 1 | 2 | 3;
}

/** GOV.UK confirmation panel, e.g. "Referral created" with the reference number. */
export function Panel({ title, children, headingLevel = 1 }: PanelProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <Heading className="govuk-panel__title">{title}</Heading>
      {children !== undefined && children !== null && <div className="govuk-panel__body">{children}</div>}
    </div>
  );
}
