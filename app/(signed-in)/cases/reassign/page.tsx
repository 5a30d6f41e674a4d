import { EmptyState } from "@/components/content/EmptyState";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { Select } from "@/components/forms/Select";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { caseAtVersionValue, parseSelectedCases, SELECT_CASEWORKER_MESSAGE, SELECT_CASES_MESSAGE } from "@/lib/domain/forms/bulk-reassign-form";
import { queryValue } from "@/lib/forms/query-value";
import { loadBulkReassignPage } from "@/lib/server/cases/load-bulk-reassign-page";
import { SelectedCasesTable } from "./SelectedCasesTable";

/**
 * Bulk reassignment, step 1: who should take the cases chosen in the queue. A GET form to the
 * check-answers page, so the journey works without JavaScript.
 */
export default async function ReassignCasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("assign:case:any");
  const params = await searchParams;
  const selected = parseSelectedCases(params.case);
  const page = await loadBulkReassignPage(user, selected);
  const error = queryValue(params.error) === "caseworker" ? SELECT_CASEWORKER_MESSAGE : null;
  const chosen = queryValue(params.caseworkerId) ?? "";
  if (page.cases.length === 0) {
    return (
      <>
        <BackLink href="/cases" text="Back to cases" />
        <PageHeading title="Error: Reassign cases">Reassign cases</PageHeading>
        <ErrorSummary errors={[{ fieldId: "cases", message: SELECT_CASES_MESSAGE }]} />
        <EmptyState action={{ href: "/cases?view=unassigned", label: "Go to the unassigned cases" }}>
          <span id="cases">No case was selected. Tick the cases to reassign in the list, then choose “Reassign selected cases”.</span>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <BackLink href="/cases" text="Back to cases" />
      <PageHeading title={error ? "Error: Reassign cases" : "Reassign cases"}>Reassign cases</PageHeading>
      {error && <ErrorSummary errors={[{ fieldId: "caseworkerId", message: error }]} />}
      {page.missing > 0 && (
        <p className="govuk-body">
          {page.missing} selected {page.missing === 1 ? "case was" : "cases were"} not found and {page.missing === 1 ? "is" : "are"} left out.
        </p>
      )}
      <SelectedCasesTable cases={page.cases} />
      <form method="get" action="/cases/reassign/check" noValidate>
        {page.cases.map((row) => (
          <input key={row.id} type="hidden" name="case" value={caseAtVersionValue(row.id, row.listedVersion)} />
        ))}
        <Select
          name="caseworkerId"
          label="Assign them to"
          labelSize="m"
          hint={
            page.cases.some((row) => row.restrictionTier === "scr")
              ? "An SCR case is among them, so only nominated officers are listed (13.77, 3.43)."
              : "Caseworkers of the cases’ sites are listed first."
          }
          error={error ?? undefined}
          defaultValue={chosen}
          options={[{ value: "", text: "Choose a caseworker" }, ...page.caseworkers.map((person) => ({ value: person.id, text: `${person.name}${person.siteName ? ` (${person.siteName})` : ""}${person.notAtSite.length > 0 ? ` – not at the site of ${person.notAtSite.length} of the cases` : ""}` }))]}
        />
        <Button type="submit">Continue</Button>
      </form>
    </>
  );
}
