import { PageHeading } from "@/components/layout/PageHeading";

/**
 * The same page for a URL that never existed and for a record this user may not see (AC-01):
 * nothing here depends on why it was not found.
 */
export default function NotFound() {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
        <PageHeading>Page not found</PageHeading>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          <a href="/" className="govuk-link">Go to the home page</a>
        </p>
      </main>
    </div>
  );
}
