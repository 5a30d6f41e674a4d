import type { ReactNode } from "react";
import { classNames } from "../class-names";

export type ButtonVariant = "primary" | "secondary" | "warning" | "inverse";

export interface ButtonProps {
  children: ReactNode;
  variant?: ButtonVariant;
  type?: "submit" | "button" | "reset";
  /** Submitted with the form when this button is the one pressed (e.g. name="decision" value="accept"). */
  name?: string;
  value?: string;
  /**
   * Renders data-prevent-double-click="true": govuk-frontend's Button script (when it runs) ignores
   * a second click within a second. Server actions must still be idempotent (a version check).
   */
  preventDoubleClick?: boolean;
  disabled?: boolean;
  id?: string;
  /** A different server action for this button only (e.g. "Save as draft" next to "Submit"). */
  formAction?: (formData: FormData) => void | Promise<void>;
  className?: string;
}

const VARIANT_CLASS: Record<ButtonVariant, string | undefined> = {
  primary: undefined,
  secondary: "govuk-button--secondary",
  warning: "govuk-button--warning",
  inverse: "govuk-button--inverse",
};

/** GOV.UK button. Defaults to type="submit" so a plain form posts without JavaScript. */
export function Button({
  children,
  variant = "primary",
  type = "submit",
  name,
  value,
  preventDoubleClick,
  disabled,
  id,
  formAction,
  className,
}: ButtonProps) {
  return (
    <button
      type={type}
      value={value}
      name={name}
      disabled={disabled}
      aria-disabled={disabled ? true : undefined}
      data-prevent-double-click={preventDoubleClick === undefined ? undefined : String(preventDoubleClick)}
      className={classNames("govuk-button", VARIANT_CLASS[variant], className)}
      data-module="govuk-button"
      id={id}
      formAction={formAction}
    >
      {children}
    </button>
  );
}
