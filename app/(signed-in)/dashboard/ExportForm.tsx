import { Button } from "@/components/forms/Button";
import { HiddenInput } from "@/components/forms/HiddenInput";
import { DASHBOARD_LIST_LABELS, type AtRiskSort, type DashboardFilters, type DashboardList } from "@/lib/domain/dashboard/filters";

/**
 * Download a filtered list as CSV. A POST (an export is audited, so it is not a GET, CS-01) to
 * the route handler, carrying the same filters as the page.
 */
export function ExportForm({ list, filters, sort }: { list: DashboardList; filters: DashboardFilters; sort?: AtRiskSort }) {
  return (
    <form method="post" action="/dashboard/export" className="govuk-!-margin-bottom-4">
      <HiddenInput name="list" value={list} />
      {filters.site.map((id) => (
        <HiddenInput key={id} name="site" value={id} />
      ))}
      <HiddenInput name="caseworker" value={filters.caseworker ?? ""} />
      <HiddenInput name="route" value={filters.route ?? ""} />
      <HiddenInput name="period" value={filters.period} />
      {sort && <HiddenInput name="sort" value={sort} />}
      <Button type="submit" variant="secondary" className="govuk-!-margin-bottom-0">
        Download {DASHBOARD_LIST_LABELS[list]} (CSV)
      </Button>
    </form>
  );
}
