import { NotificationBanner } from "../content/NotificationBanner";

/**
 * The success banner on the page a step returns to: what was done, then what happens next in plain
 * English with the link to do it (GOV.UK notification banner, success; lib/domain/lifecycle/steps/what-happens-next.ts).
 */
export function StepConfirmation({ confirmation, next }: { confirmation: string; next?: { text: string; link?: { href: string; text: string } } | null }) {
  return (
    <NotificationBanner type="success" title="Success" heading={confirmation}>
      {next && (
        <p className="govuk-body" data-testid="what-happens-next">
          {next.text}
          {next.link && (
            <>
              {" "}
              <a className="govuk-notification-banner__link" href={next.link.href}>
                {next.link.text}
              </a>
              .
            </>
          )}
        </p>
      )}
    </NotificationBanner>
  );
}
