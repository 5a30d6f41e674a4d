import { Button } from "@/components/forms/Button";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { Select } from "@/components/forms/Select";
import { DASHBOARD_PERIODS, PERIOD_LABELS } from "@/lib/domain/dashboard/periods";
import type { DashboardView } from "@/lib/domain/dashboard/view";

/**
 * The dashboard filters: a GET form (filters carry no personal data, and a GET changes
 * nothing), so the filtered view has a URL and works without JavaScript.
 */
export function FiltersForm({ view }: { view: DashboardView }) {
  const { filters, options } = view;
  return (
    <form method="get" action="/dashboard" className="govuk-!-margin-bottom-6" aria-label="Filter the dashboard">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          {/* MoJ filter: several sites together; none ticked means all sites. */}
          <Checkboxes
            id="site"
            name="site"
            label="Sites"
            hint="Leave all unticked for every site"
            small
            defaultValue={filters.site}
            items={options.sites.map((site) => ({ value: site.id, text: `${site.name} (${site.nationName})` }))}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            name="caseworker"
            label="Caseworker"
            defaultValue={filters.caseworker ?? ""}
            options={[{ value: "", text: "All caseworkers" }, ...options.caseworkers.map((user) => ({ value: user.id, text: user.name }))]}
            width="full"
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            name="route"
            label="Route"
            defaultValue={filters.route ?? ""}
            options={[{ value: "", text: "All routes" }, ...options.routes.map((route) => ({ value: route.value, text: route.label }))]}
            width="full"
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            name="period"
            label="Period"
            defaultValue={filters.period}
            options={DASHBOARD_PERIODS.map((period) => ({ value: period, text: PERIOD_LABELS[period] }))}
            width="full"
          />
        </div>
      </div>
      <div className="govuk-button-group">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <a className="govuk-link" href="/dashboard">
          Clear filters
        </a>
      </div>
    </form>
  );
}
