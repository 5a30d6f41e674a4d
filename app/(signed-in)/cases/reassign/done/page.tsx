import { Panel } from "@/components/content/Panel";
import { WarningText } from "@/components/content/WarningText";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { requireUser } from "@/lib/auth/current-user";
import { queryValue } from "@/lib/forms/query-value";

const CASE_REFERENCE = /^SES-\d{6,}$/;

/** Bulk reassignment, step 3: what happened, including the cases left alone because they changed. */
export default async function ReassignmentDonePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("assign:case:any");
  const params = await searchParams;
  const count = (name: string) => {
    const value = Number.parseInt(queryValue(params[name]) ?? "0", 10);
    return Number.isFinite(value) && value >= 0 ? Math.min(value, 1000) : 0;
  };
  const assigned = count("assigned");
  const unchanged = count("unchanged");
  const staleRaw = params.stale === undefined ? [] : Array.isArray(params.stale) ? params.stale : [params.stale];
  const stale = staleRaw.filter((reference) => CASE_REFERENCE.test(reference)).slice(0, 50);
  const otherSiteRaw = params.otherSite === undefined ? [] : Array.isArray(params.otherSite) ? params.otherSite : [params.otherSite];
  const otherSite = otherSiteRaw.filter((reference) => CASE_REFERENCE.test(reference)).slice(0, 50);
  const heading = `${assigned} ${assigned === 1 ? "case" : "cases"} reassigned`;
  return (
    <>
      <DocumentTitle>{heading}</DocumentTitle>
      <Panel title={heading} />
      <h2 className="govuk-heading-m">What happens next</h2>
      {unchanged > 0 && (
        <p className="govuk-body">
          {unchanged} {unchanged === 1 ? "case was" : "cases were"} already with that caseworker, so nothing changed for {unchanged === 1 ? "it" : "them"}.
        </p>
      )}
      {stale.length > 0 && (
        <>
          <WarningText>
            {stale.length} {stale.length === 1 ? "case was" : "cases were"} changed by someone else after you chose {stale.length === 1 ? "it" : "them"}, so{" "}
            {stale.length === 1 ? "it was" : "they were"} not reassigned. Check {stale.length === 1 ? "it" : "them"} and try again.
          </WarningText>
          <ul className="govuk-list govuk-list--bullet">
            {stale.map((reference) => (
              <li key={reference}>{reference}</li>
            ))}
          </ul>
        </>
      )}
      {otherSite.length > 0 && (
        <>
          <WarningText>
            {otherSite.length} {otherSite.length === 1 ? "case is" : "cases are"} at a site the caseworker does not work at, so {otherSite.length === 1 ? "it was" : "they were"} not
            reassigned. Choose a caseworker of {otherSite.length === 1 ? "its" : "their"} site for {otherSite.length === 1 ? "it" : "them"}.
          </WarningText>
          <ul className="govuk-list govuk-list--bullet">
            {otherSite.map((reference) => (
              <li key={reference}>{reference}</li>
            ))}
          </ul>
        </>
      )}
      <p className="govuk-body">The caseworker will find the cases in their list, “My cases”.</p>
      <p className="govuk-body">
        <a className="govuk-link" href="/cases?view=unassigned">
          Back to the unassigned cases
        </a>
      </p>
    </>
  );
}
