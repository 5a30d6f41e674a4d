import type { ReactNode } from "react";
import { classNames } from "../class-names";

export interface FormGroupProps {
  hasError: boolean;
  className?: string;
  children: ReactNode;
  /** data-* attributes some GOV.UK components put on the group (character count, password input). */
  dataAttributes?: Readonly<Record<`data-${string}`, string>>;
}

/** The govuk-form-group wrapper; the red left border marks a field in error. */
export function FormGroup({ hasError, className, children, dataAttributes }: FormGroupProps) {
  return (
    <div className={classNames("govuk-form-group", hasError && "govuk-form-group--error", className)} {...dataAttributes}>
      {children}
    </div>
  );
}
