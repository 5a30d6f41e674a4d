"use client";

import { Button } from "@/components/forms/Button";
import { Select } from "@/components/forms/Select";
import { CASE_STATE_LABELS, CASE_STATES } from "@/lib/domain/case-states";
import { ROUTE_LABELS, RULESET_LABELS } from "@/lib/domain/case-labels";
import {
  WORK_QUEUE_CLOCK_FILTERS,
  WORK_QUEUE_MARKERS,
  WORK_QUEUE_ROUTES,
  WORK_QUEUE_RULESETS,
  WORK_QUEUE_FILTER_KEYS,
  workQueueQueryString,
  type WorkQueueClockFilter,
  type WorkQueueFilters,
  type WorkQueueMarker,
  type WorkQueueQuery,
} from "@/lib/domain/work-queue/query";

const CLOCK_FILTER_LABELS: Record<WorkQueueClockFilter, string> = {
  overdue: "Overdue",
  "due-soon": "Due today or soon",
  "start-running": "Waiting to start",
  "start-missed": "Start deadline missed",
};
const MARKER_LABELS: Record<WorkQueueMarker, string> = { mappa: "MAPPA", scr: "SCR" };

const FILTER_NAMES: Record<keyof WorkQueueFilters, string> = {
  state: "State",
  clock: "Clock",
  site: "Site",
  caseworker: "Caseworker",
  route: "Route",
  ruleset: "Ruleset",
  marker: "Marker",
};

/**
 * The queue's filter (MoJ filter pattern, server-rendered): a GET form, so a filtered list has an
 * address and works without JavaScript. Only ids and keywords travel in it (HD-05). The selected
 * filters are listed above it, each with a link that removes it.
 *
 * A client component only so that its options reach it as data (ids and names) rather than as
 * markup in the page's RSC payload (docs/decisions/0035-work-queue-page-cost.md): it has no
 * client state, and its HTML is rendered on the server like the rest of the page.
 */
export function QueueFilters({
  query,
  options,
  canSeeScr,
}: {
  query: WorkQueueQuery;
  options: { sites: { id: string; name: string; mine?: boolean }[]; caseworkers: { id: string; name: string }[] };
  canSeeScr: boolean;
}) {
  const { filters } = query;
  const valueText = (key: keyof WorkQueueFilters, value: string): string => {
    switch (key) {
      case "state":
        return CASE_STATE_LABELS[value as keyof typeof CASE_STATE_LABELS] ?? value;
      case "clock":
        return CLOCK_FILTER_LABELS[value as WorkQueueClockFilter];
      case "site":
        return options.sites.find((site) => site.id === value)?.name ?? "A site";
      case "caseworker":
        return options.caseworkers.find((user) => user.id === value)?.name ?? "A caseworker";
      case "route":
        return ROUTE_LABELS[value as keyof typeof ROUTE_LABELS];
      case "ruleset":
        return RULESET_LABELS[value as keyof typeof RULESET_LABELS];
      case "marker":
        return MARKER_LABELS[value as WorkQueueMarker];
    }
  };
  const selected = WORK_QUEUE_FILTER_KEYS.filter((key) => filters[key] !== undefined);
  return (
    <div className="ses-queue-filter">
      <h2 className="govuk-heading-m">Filter</h2>
      {selected.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Selected filters</h3>
          <ul className="govuk-list ses-selected-filters">
            {selected.map((key) => (
              <li key={key}>
                <a
                  className="govuk-link"
                  href={`/cases?${workQueueQueryString({ ...query, page: 1, filters: { ...filters, [key]: undefined } })}`}
                >
                  <span className="govuk-visually-hidden">Remove filter </span>
                  {FILTER_NAMES[key]}: {valueText(key, filters[key] as string)}
                </a>
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            <a className="govuk-link" href={`/cases?${workQueueQueryString({ view: query.view, sort: query.sort, pageSize: query.pageSize })}`}>
              Clear filters
            </a>
          </p>
        </>
      )}
      <form method="get" action="/cases" aria-label="Filter the cases">
        <input type="hidden" name="view" value={query.view} />
        <input type="hidden" name="sort" value={query.sort} />
        <div className="ses-queue-filter__fields">
          <Select
            name="state"
            label="State"
            defaultValue={filters.state ?? ""}
            options={[{ value: "", text: "Any state" }, ...CASE_STATES.map((state) => ({ value: state, text: CASE_STATE_LABELS[state] }))]}
            width="full"
          />
          <Select
            name="clock"
            label="Clock"
            defaultValue={filters.clock ?? ""}
            options={[{ value: "", text: "Any" }, ...WORK_QUEUE_CLOCK_FILTERS.map((clock) => ({ value: clock, text: CLOCK_FILTER_LABELS[clock] }))]}
            width="full"
          />
          <Select
            name="site"
            label="Site"
            defaultValue={filters.site ?? ""}
            options={[{ value: "", text: "All sites" }, ...options.sites.map((site) => ({ value: site.id, text: site.mine ? `${site.name} (your site)` : site.name }))]}
            width="full"
          />
          <Select
            name="caseworker"
            label="Caseworker"
            hint={filters.site ? "Caseworkers of the selected site" : undefined}
            defaultValue={filters.caseworker ?? ""}
            options={[{ value: "", text: "All caseworkers" }, ...options.caseworkers.map((user) => ({ value: user.id, text: user.name }))]}
            width="full"
          />
          <Select
            name="route"
            label="Route"
            defaultValue={filters.route ?? ""}
            options={[
              { value: "", text: "All routes" },
              ...WORK_QUEUE_ROUTES.filter((route) => canSeeScr || route !== "scr_clerical").map((route) => ({ value: route, text: ROUTE_LABELS[route] })),
            ]}
            width="full"
          />
          <Select
            name="ruleset"
            label="Ruleset"
            defaultValue={filters.ruleset ?? ""}
            options={[{ value: "", text: "All rulesets" }, ...WORK_QUEUE_RULESETS.map((ruleset) => ({ value: ruleset, text: RULESET_LABELS[ruleset] }))]}
            width="full"
          />
          <Select
            name="marker"
            label="Marker"
            defaultValue={filters.marker ?? ""}
            options={[
              { value: "", text: "Any" },
              ...WORK_QUEUE_MARKERS.filter((marker) => canSeeScr || marker !== "scr").map((marker) => ({ value: marker, text: MARKER_LABELS[marker] })),
            ]}
            width="full"
          />
          <Select
            name="size"
            label="Cases per page"
            defaultValue={String(query.pageSize)}
            options={[
              { value: "25", text: "25" },
              { value: "50", text: "50" },
            ]}
            width="full"
          />
        </div>
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
      </form>
    </div>
  );
}
