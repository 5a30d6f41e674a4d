import type { ReactNode } from "react";

/** GOV.UK button group: buttons and links side by side (e.g. "Continue" and "Cancel"). */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
