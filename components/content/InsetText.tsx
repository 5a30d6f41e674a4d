import type { ReactNode } from "react";

export interface InsetTextProps {
  children: ReactNode;
  id?: string;
}

/** GOV.UK inset text: a quote, example or note that stands apart from the text around it. */
export function InsetText({ children, id }: InsetTextProps) {
  return (
    <div id={id} className="govuk-inset-text">
      {children}
    </div>
  );
}
