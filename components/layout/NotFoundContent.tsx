import { PageHeading } from "./PageHeading";

/**
 * The "Page not found" page's content: the same for a URL that never existed and for a record
 * this user may not see (docs/security.md AC-01) — nothing here depends on why.
 */
export function NotFoundContent() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        <a href="/" className="govuk-link">Go to the home page</a>
      </p>
    </>
  );
}
