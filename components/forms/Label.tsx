import type { ReactNode } from "react";
import { classNames } from "../class-names";
import type { LabelSize } from "./field-types";

export interface LabelProps {
  htmlFor: string;
  children: ReactNode;
  size?: LabelSize;
  /** Wraps the label in `<h1 class="govuk-label-wrapper">` (one question per page). */
  isPageHeading?: boolean;
  className?: string;
}

/** GOV.UK label. Every input has one, tied to it by `for`. */
export function Label({ htmlFor, children, size, isPageHeading, className }: LabelProps) {
  const label = (
    <label className={classNames("govuk-label", size && `govuk-label--${size}`, className)} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
