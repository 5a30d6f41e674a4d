import type { WhatToDoNextLinks } from "@/lib/domain/lifecycle/step-pages";

/**
 * "What to do next": one link per lifecycle step the state machine offers on this case now and
 * this user may take, each to its own page, and the strand referral while it is awaited (13.25–13.27).
 * Nothing is offered that the server would refuse for the case as it is. The case page's loader
 * works the links out from its one read of the case (lib/server/case-page/get-case-page.ts).
 */
export function LifecycleActionsSection({ next }: { next: WhatToDoNextLinks | null }) {
  if (next === null) return null;
  return (
    <section aria-labelledby="what-to-do-next">
      <h2 className="govuk-heading-m" id="what-to-do-next">
        What to do next
      </h2>
      {next.strandReferralHref && (
        <p className="govuk-body">
          <a className="govuk-link" href={next.strandReferralHref}>
            Record the strand referral (the second PRaP referral)
          </a>
        </p>
      )}
      {next.steps.length === 0 && !next.strandReferralHref ? (
        <p className="govuk-body">There is no referral step to record for this case now.</p>
      ) : (
        <ul className="govuk-list">
          {next.steps.map((step) => (
            <li key={step.href}>
              <a className="govuk-link" href={step.href}>
                {step.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
