import { z } from "zod";
import { DASHBOARD_PERIODS, DEFAULT_DASHBOARD_PERIOD, type DashboardPeriod } from "./periods";

/**
 * The dashboard's filters: site, caseworker, route and period. They carry no personal
 * data — ids of sites and staff, a route and a period — so they travel in the GET query string
 * and every figure, chart, list and export honours the same parsed value. `.strict()` (AC-04).
 *
 * The route filter offers only the non-restricted routes: a filter that selected clerical SL2
 * referrals would be a drill-down to Special Customer Records (decision 0005).
 */
export const DASHBOARD_ROUTES = ["prap_two_stage", "prap_single", "sro_introduction"] as const;
export type DashboardRoute = (typeof DASHBOARD_ROUTES)[number];

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value);

const optionalId = (message: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.uuid({ error: message }))
      .optional(),
  );

/** Several sites can be chosen together (MoJ filter checkboxes): `site=<id>&site=<id>`, ids only. */
const siteIds = z.preprocess(
  (value) => (value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map(emptyToUndefined).filter((item) => item !== undefined)),
  z.array(z.string().transform((value) => value.toLowerCase()).pipe(z.uuid({ error: "Select sites from the list" }))).max(100, { error: "Select fewer sites" }).transform((ids) => [...new Set(ids)].sort()),
);

export const dashboardFiltersSchema = z
  .object({
    site: siteIds,
    caseworker: optionalId("Select a caseworker from the list"),
    route: z.preprocess(emptyToUndefined, z.enum(DASHBOARD_ROUTES, { error: "Select a route from the list" }).optional()),
    period: z.preprocess(emptyToUndefined, z.enum(DASHBOARD_PERIODS, { error: "Select a period from the list" }).default(DEFAULT_DASHBOARD_PERIOD)),
  })
  .strict();

export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

export const DEFAULT_DASHBOARD_FILTERS: DashboardFilters = { site: [], period: DEFAULT_DASHBOARD_PERIOD };

export const DASHBOARD_LISTS = ["at-risk", "unassigned", "open-cases"] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];

export const DASHBOARD_LIST_LABELS: Record<DashboardList, string> = {
  "at-risk": "the at-risk list",
  unassigned: "the unassigned cases",
  "open-cases": "all open cases",
};

/** The CSV export's POST body: the same filters plus which list (CS-01: a POST, never a GET). */
export type DashboardExportRequest = z.infer<typeof dashboardExportSchema>;

/**
 * The at-risk list's sort (MoJ sortable table, server-sorted): must start by (the default, fewest
 * working days left first), referral date (longest waiting first) or case reference.
 */
export const AT_RISK_SORT_COLUMNS = ["must-start-by", "referral-date", "case"] as const;
export type AtRiskSortColumn = (typeof AT_RISK_SORT_COLUMNS)[number];
/** Each column ascending, or descending with "-desc" (the MoJ sortable table's second click). */
export const AT_RISK_SORTS = [...AT_RISK_SORT_COLUMNS, ...AT_RISK_SORT_COLUMNS.map((column) => `${column}-desc` as const)] as const;
export type AtRiskSort = AtRiskSortColumn | `${AtRiskSortColumn}-desc`;

/** The CSV export's POST body: the same filters, which list, and the at-risk list's order on screen. */
export const dashboardExportSchema = dashboardFiltersSchema
  .extend({
    list: z.enum(DASHBOARD_LISTS, { error: "Choose a list to export" }),
    sort: z.preprocess(emptyToUndefined, z.enum(AT_RISK_SORTS).optional()),
  })
  .strict();

/** The column and direction of an at-risk sort. */
export function atRiskSortParts(sort: AtRiskSort): { column: AtRiskSortColumn; descending: boolean } {
  return sort.endsWith("-desc") ? { column: sort.slice(0, -"-desc".length) as AtRiskSortColumn, descending: true } : { column: sort as AtRiskSortColumn, descending: false };
}

export interface ParsedDashboardQuery {
  filters: DashboardFilters;
  page: number;
  /** The at-risk list's order; an unknown value falls back to the default. */
  sort: AtRiskSort;
  /** Filters that did not parse (field and message); those filters are dropped, never guessed. */
  errors: { field: "site" | "caseworker" | "route" | "period"; message: string }[];
}

type QueryValue = string | string[] | undefined;
const FILTER_FIELDS = ["site", "caseworker", "route", "period"] as const;

/**
 * Parse the page's GET query: `page` (at-risk list pagination) is taken out, everything else
 * must be a known filter. An unknown parameter or a malformed value is reported, and the
 * defaults are used, so a hand-edited URL never widens what the figures show.
 */
export function parseDashboardQuery(params: Record<string, QueryValue>): ParsedDashboardQuery {
  const values: Record<string, string | string[]> = {};
  let page = 1;
  let sort: AtRiskSort = "must-start-by";
  for (const [key, raw] of Object.entries(params)) {
    if (key === "site" && raw !== undefined) {
      values.site = raw;
      continue;
    }
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) continue;
    if (key === "page") {
      const parsedPage = Number.parseInt(value, 10);
      page = Number.isFinite(parsedPage) && parsedPage >= 1 ? Math.min(parsedPage, 100_000) : 1;
      continue;
    }
    if (key === "sort") {
      sort = (AT_RISK_SORTS as readonly string[]).includes(value) ? (value as AtRiskSort) : "must-start-by";
      continue;
    }
    values[key] = value;
  }
  const result = dashboardFiltersSchema.safeParse(values);
  if (result.success) return { filters: result.data, page, sort, errors: [] };
  const errors = result.error.issues.map((issue) => {
    const field = FILTER_FIELDS.find((candidate) => candidate === issue.path[0]) ?? "site";
    return issue.code === "unrecognized_keys" ? { field, message: "The address contained a filter that does not exist; it was ignored" } : { field, message: issue.message };
  });
  // Keep the filters that are valid on their own.
  const kept: Record<string, string | string[]> = {};
  for (const key of FILTER_FIELDS) {
    if (values[key] !== undefined && dashboardFiltersSchema.safeParse({ [key]: values[key] }).success) kept[key] = values[key];
  }
  const fallback = dashboardFiltersSchema.safeParse(kept);
  return { filters: fallback.success ? fallback.data : DEFAULT_DASHBOARD_FILTERS, page, sort, errors };
}

/** The query string for a set of filters (for links and pagination), without empty values. */
export function dashboardQueryString(filters: DashboardFilters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const site of filters.site) params.append("site", site);
  if (filters.caseworker) params.set("caseworker", filters.caseworker);
  if (filters.route) params.set("route", filters.route);
  params.set("period", filters.period satisfies DashboardPeriod);
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return params.toString();
}
