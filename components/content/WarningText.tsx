import type { ReactNode } from "react";

export interface WarningTextProps {
  children: ReactNode;
  /** Read by screen readers in place of the "!" icon. */
  iconFallbackText?: string;
}

/** GOV.UK warning text, for consequences the user must know about (e.g. before closing a case). */
export function WarningText({ children, iconFallbackText = "Warning" }: WarningTextProps) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText}</span>
        {children}
      </strong>
    </div>
  );
}
