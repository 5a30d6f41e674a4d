import { pageParam } from "@/lib/domain/query-params";
import { EmptyState } from "@/components/content/EmptyState";
import { Pagination } from "@/components/content/Pagination";
import { Table } from "@/components/content/Table";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { HiddenInput } from "@/components/forms/HiddenInput";
import { Select } from "@/components/forms/Select";
import { TextInput } from "@/components/forms/TextInput";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { ROLE_LABELS, type Role } from "@/lib/domain/permissions";
import {
  SECURITY_REPORT_CATEGORIES,
  SECURITY_REPORT_CATEGORY_LABELS,
  securityReportFiltersSchema,
  type SecurityReportFilters,
} from "@/lib/domain/security/security-report";
import { loadSecurityReportPage } from "@/lib/server/security/load-security-report-page";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });
const FIELDS = ["from", "to", "user", "category"] as const;

/**
 * The organisation-wide security report (docs/security.md LG-03; docs/rules/restricted-cases.md):
 * refused requests, restriction changes, user and role changes and lockouts, newest first,
 * filtered by date, user and kind, downloadable as an audited CSV. Nominated officers and
 * administrators only; for anyone else the 404 page.
 */
export default async function SecurityReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("read:security-report:any");
  const query = await searchParams;
  const raw: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = query[field];
    if (typeof value === "string") raw[field] = value;
  }
  const parsed = securityReportFiltersSchema.safeParse(raw);
  const filters: SecurityReportFilters = parsed.success ? parsed.data : {};
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "from")] ??= issue.message;
  const fieldError = (name: string) => (parsed.success ? undefined : parsed.error.issues.find((issue) => issue.path[0] === name)?.message);
  const report = await loadSecurityReportPage(user, filters, pageParam.parse(query.page));
  const search = new URLSearchParams(Object.entries(filters).filter((pair): pair is [string, string] => typeof pair[1] === "string"));
  return (
    <>
      {Object.keys(errors).length > 0 && <ErrorSummary errors={errors} />}
      <PageHeading caption="Security">Security report</PageHeading>
      <p className="govuk-body">
        Refused requests, changes to a case&apos;s restriction, changes to users and their roles, and lockouts, across your organisation.
        Newest first. Downloads are recorded.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href="/security/sign-out-user">
          Sign a user out everywhere
        </a>
      </p>
      <form method="get" action="/security" noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <TextInput name="from" label="From" labelSize="s" hint="For example, 2026-12-01" width={10} spellCheck={false} defaultValue={raw.from} error={fieldError("from")} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextInput name="to" label="To" labelSize="s" hint="For example, 2026-12-03" width={10} spellCheck={false} defaultValue={raw.to} error={fieldError("to")} />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select
              name="user"
              label="User"
              labelSize="s"
              options={[{ value: "", text: "Everyone" }, ...report.users.map((person) => ({ value: person.id, text: person.name }))]}
              defaultValue={filters.user ?? ""}
              error={fieldError("user")}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select
              name="category"
              label="Kind"
              labelSize="s"
              options={[{ value: "", text: "Every kind" }, ...SECURITY_REPORT_CATEGORIES.map((category) => ({ value: category, text: SECURITY_REPORT_CATEGORY_LABELS[category] }))]}
              defaultValue={filters.category ?? ""}
              error={fieldError("category")}
            />
          </div>
        </div>
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
      </form>
      <form method="post" action="/security/export" className="govuk-!-margin-bottom-4">
        {FIELDS.map((field) => (
          <HiddenInput key={field} name={field} value={filters[field] ?? ""} />
        ))}
        <Button type="submit" variant="secondary" className="govuk-!-margin-bottom-0">
          Download the report (CSV)
        </Button>
      </form>
      {report.rows.length === 0 ? (
        <EmptyState headingLevel={2}>No events match these filters.</EmptyState>
      ) : (
        <>
          <Table responsive
            caption={`${report.total} ${report.total === 1 ? "event" : "events"}, page ${report.page} of ${report.totalPages}`}
            captionSize="s"
            head={[{ text: "When" }, { text: "Kind" }, { text: "What" }, { text: "Who" }, { text: "About" }, { text: "Detail" }]}
            rows={report.rows.map((row) => ({
              id: row.id,
              cells: [
                { content: <time dateTime={row.at}>{dateTime.format(new Date(row.at))}</time> },
                { content: row.category },
                { content: row.what },
                {
                  content: row.actorName
                    ? `${row.actorName} (${row.actorRoles.map((role) => ROLE_LABELS[role as Role] ?? role).join(", ") || "no role"})`
                    : "Not signed in",
                },
                { content: row.subject ?? "" },
                { content: row.detail ?? "" },
              ],
            }))}
          />
          <Pagination
            currentPage={report.page}
            totalPages={report.totalPages}
            hrefFor={(number) => `/security?${new URLSearchParams([...search.entries(), ["page", String(number)]]).toString()}`}
          />
        </>
      )}
    </>
  );
}
