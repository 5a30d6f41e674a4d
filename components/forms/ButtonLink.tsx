import type { ReactNode } from "react";
import { classNames } from "../class-names";
import type { ButtonVariant } from "./Button";

export interface ButtonLinkProps {
  href: string;
  children: ReactNode;
  variant?: ButtonVariant;
  /** The GOV.UK start button (arrow icon) for the first step of a journey. */
  isStartButton?: boolean;
  className?: string;
}

/** A link styled as a GOV.UK button, for navigation that changes nothing (CS-01: GETs are safe). */
export function ButtonLink({ href, children, variant = "primary", isStartButton, className }: ButtonLinkProps) {
  return (
    <a
      href={href}
      role="button"
      draggable="false"
      className={classNames(
        "govuk-button",
        variant !== "primary" && `govuk-button--${variant}`,
        className,
        isStartButton && "govuk-button--start",
      )}
      data-module="govuk-button"
    >
      {isStartButton ? <span>{children}</span> : children}
      {isStartButton && (
        <svg
          className="govuk-button__start-icon"
          xmlns="http://www.w3.org/2000/svg"
          width="17.5"
          height="19"
          viewBox="0 0 33 40"
          aria-hidden="true"
          focusable="false"
        >
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      )}
    </a>
  );
}
