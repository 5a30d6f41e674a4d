"use client";

import { DocumentTitle } from "@/components/layout/DocumentTitle";

/** A generic error page: no stack, SQL or Prisma message ever reaches the browser (HD-06). */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
        <DocumentTitle>Sorry, there is a problem with the service</DocumentTitle>
        <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
        <p className="govuk-body">Try again. Nothing you submitted has been saved unless you saw a confirmation.</p>
        <p className="govuk-body">
          <button type="button" className="govuk-button" onClick={reset}>
            Try again
          </button>
        </p>
      </main>
    </div>
  );
}
