import { WarningText } from "@/components/content/WarningText";
import { redirect } from "next/navigation";
import { SummaryList } from "@/components/content/SummaryList";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { caseAtVersionValue, parseSelectedCases } from "@/lib/domain/forms/bulk-reassign-form";
import { queryValue } from "@/lib/forms/query-value";
import { loadBulkReassignPage } from "@/lib/server/cases/load-bulk-reassign-page";
import { bulkReassignAction } from "../actions";
import { BulkReassignForm } from "../BulkReassignForm";
import { SelectedCasesTable } from "../SelectedCasesTable";

/** Bulk reassignment, step 2: check your answers, then confirm (GOV.UK check answers pattern). */
export default async function CheckReassignmentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("assign:case:any");
  const params = await searchParams;
  const selected = parseSelectedCases(params.case);
  const page = await loadBulkReassignPage(user, selected);
  const values = page.cases.map((row) => caseAtVersionValue(row.id, row.listedVersion));
  const back = `/cases/reassign?${new URLSearchParams(values.map((value) => ["case", value])).toString()}`;
  const caseworkerId = (queryValue(params.caseworkerId) ?? "").toLowerCase();
  const caseworker = page.caseworkers.find((person) => person.id === caseworkerId);
  if (page.cases.length === 0) redirect("/cases/reassign");
  if (!caseworker) redirect(`${back}&error=caseworker`);
  return (
    <FormActionScope action={bulkReassignAction}>
      <BackLink href={`${back}&caseworkerId=${caseworker.id}`} />
      <FormHeading>Check before you reassign these cases</FormHeading>
      <SummaryList
        rows={[
          {
            key: "Assign to",
            value: caseworker.siteName ? `${caseworker.name} (${caseworker.siteName})` : caseworker.name,
            actions: [{ href: `${back}&caseworkerId=${caseworker.id}`, label: "Change", visuallyHiddenText: "who to assign the cases to" }],
          },
          {
            key: "Cases",
            value: `${page.cases.length} ${page.cases.length === 1 ? "case" : "cases"}`,
            actions: [{ href: "/cases", label: "Change", visuallyHiddenText: "which cases" }],
          },
        ]}
      />
      {caseworker.notAtSite.length > 0 && (
        <WarningText>
          {caseworker.name} does not work at the site of {caseworker.notAtSite.join(", ")}: {caseworker.notAtSite.length === 1 ? "that case stays" : "those cases stay"} as{" "}
          {caseworker.notAtSite.length === 1 ? "it is" : "they are"}.
        </WarningText>
      )}
      <SelectedCasesTable cases={page.cases} />
      <p className="govuk-body">
        Each case’s history will record that you reassigned it. A case someone else has changed since you chose it is left as it is, and
        you will be told which.
      </p>
      <BulkReassignForm action={bulkReassignAction} cases={values} caseworkerId={caseworker.id} count={page.cases.length} />
    </FormActionScope>
  );
}
