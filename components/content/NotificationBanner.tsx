import type { ReactNode } from "react";
import { classNames } from "../class-names";

export interface NotificationBannerProps {
  /** "success" confirms an action the user just took (role="alert"); "info" is role="region". */
  type?: "info" | "success";
  /** Defaults to "Important" (info) or "Success". */
  title?: string;
  /** Unique on the page; needed when a page shows more than one banner. */
  titleId?: string;
  titleHeadingLevel?: 2 | 3 | 4 | 5 | 6;
  /** A single-line message, styled as the banner heading. */
  heading?: string;
  children?: ReactNode;
}

/** GOV.UK notification banner. */
export function NotificationBanner({
  type = "info",
  title,
  titleId = "govuk-notification-banner-title",
  titleHeadingLevel = 2,
  heading,
  children,
}: NotificationBannerProps) {
  const success = type === "success";
  const Title = `h${titleHeadingLevel}` as const;
  return (
    <div
      className={classNames("govuk-notification-banner", success && "govuk-notification-banner--success")}
      role={success ? "alert" : "region"}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <Title className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? "Success" : "Important")}
        </Title>
      </div>
      <div className="govuk-notification-banner__content">
        {heading && <p className="govuk-notification-banner__heading">{heading}</p>}
        {children}
      </div>
    </div>
  );
}
