import { pageParam } from "@/lib/domain/query-params";
import { casePageTitle } from "@/lib/domain/case-sections";
import { EmptyState } from "@/components/content/EmptyState";
import { Button } from "@/components/forms/Button";
import { Pagination } from "@/components/content/Pagination";
import { Table } from "@/components/content/Table";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { accessLogActionLabel, restrictionChangeSummary } from "@/lib/domain/access-log-labels";
import { loadCaseAccessLogPage } from "@/lib/server/cases/load-case-access-log-page";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });

/** Who read or changed this case's restricted record, newest first (docs/security.md LG-01, LG-03). Nominated officers only. */
export default async function AccessLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser("read:restricted-case:any");
  const { caseId } = await params;
  const { page } = await searchParams;
  const log = await loadCaseAccessLogPage(user, caseId, pageParam.parse(page));
  return (
    <>
      <BackLink href={`/cases/${log.caseId}`} text={`Back to case ${log.reference}`} />
      <PageHeading title={casePageTitle("Access log", "", log.reference)} caption={`Case ${log.reference}`}>Access log</PageHeading>
      <p className="govuk-body">
        Every view of this case&apos;s restricted record, every change to its restriction or MAPPA annex, and every refused request
        for it. Newest first.
      </p>
      <form method="post" action={`/cases/${log.caseId}/access-log/export`} className="govuk-!-margin-bottom-4">
        <Button type="submit" variant="secondary" className="govuk-!-margin-bottom-0">
          Download the access log (CSV)
        </Button>
      </form>
      {log.entries.length === 0 ? (
        <EmptyState headingLevel={2}>Nobody has viewed or changed this case&apos;s restricted record.</EmptyState>
      ) : (
        <>
          <Table
            responsive
            caption={`${log.total} ${log.total === 1 ? "entry" : "entries"}, page ${log.page} of ${log.totalPages}`}
            captionSize="s"
            head={[{ text: "When" }, { text: "Who" }, { text: "Role" }, { text: "What" }, { text: "Reason" }]}
            rows={log.entries.map((entry) => {
              const change = restrictionChangeSummary(entry.before, entry.after);
              return {
                id: entry.id,
                cells: [
                  { content: <time dateTime={entry.at}>{dateTime.format(new Date(entry.at))}</time> },
                  { content: entry.actorName ?? "Unknown" },
                  { content: entry.actorRoles.map((role) => ROLE_LABELS[role] ?? role).join(", ") || "None" },
                  { content: change ? `${accessLogActionLabel(entry.action)}: ${change}` : accessLogActionLabel(entry.action) },
                  { content: entry.reason ?? "" },
                ],
              };
            })}
          />
          <Pagination currentPage={log.page} totalPages={log.totalPages} hrefFor={(number) => `/cases/${log.caseId}/access-log?page=${number}`} />
        </>
      )}
    </>
  );
}
