import { PageHeading } from "@/components/layout/PageHeading";

/**
 * Inside the signed-in shell (which already has <main>): the same page for a URL that never
 * existed and for a record this user may not see (AC-01) — nothing depends on why.
 */
export default function SignedInNotFound() {
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
