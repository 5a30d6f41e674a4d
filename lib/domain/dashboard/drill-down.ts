import { z } from "zod";
import { dashboardFiltersSchema, type DashboardFilters } from "./filters";

/**
 * The list of cases behind a dashboard count (a drill-down): one page, /dashboard/cases, for every
 * figure (docs/decisions/0029-manager-dashboard-drill-downs.md). The address holds the figure's name, the
 * dashboard's filters and, for a breakdown row, which row (a month, a site, a caseworker, a reason, a
 * strand): ids and fixed keywords only, never personal data, parsed with zod. The list is always the
 * list scope — never an SCR case (docs/decisions/0005-restricted-cases-in-manager-figures.md).
 */
export const DASHBOARD_FIGURES = [
  // Open cases, as of today
  "open",
  "unassigned",
  "awaiting-start",
  "start-missed",
  "at-risk",
  "meetings-missed",
  "forms-chases-due",
  "ucpr1-duplicates-due",
  "cancellations-pending",
  "cancellations-overdue",
  "on-provision",
  // The start target: cases whose start deadline falls in the period (or the month)
  "measured",
  "on-time",
  "started-late",
  "missed-not-started",
  "left-before-deadline",
  // Starts in the period (by start date)
  "starts",
  // The funnel: cases referred in the period
  "referred",
  "assessed",
  "recommended",
  "started",
  "completed",
  "left-early",
  "rejected",
  "not-suitable",
  "backed-out",
  "cancelled",
] as const;
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number];

/** The page heading (and title) of each drill-down. */
export const FIGURE_LABELS: Record<DashboardFigure, string> = {
  open: "Open cases",
  unassigned: "Unassigned open cases",
  "awaiting-start": "Cases waiting to start",
  "start-missed": "Start deadline missed, not started",
  "at-risk": "Cases that must start within 5 working days",
  "meetings-missed": "10-working-day meetings missed",
  "forms-chases-due": "Forms chases due",
  "ucpr1-duplicates-due": "UCPR1 duplicates due",
  "cancellations-pending": "24-hour cancellations pending",
  "cancellations-overdue": "24-hour cancellations past the 24 hours",
  "on-provision": "On provision now",
  measured: "Start target: cases measured",
  "on-time": "Start target: started on time",
  "started-late": "Start target: started late",
  "missed-not-started": "Start target: not started by the deadline",
  "left-before-deadline": "Closed before the start deadline (not measured)",
  starts: "Starts in the period",
  referred: "Referred in the period",
  assessed: "Referred in the period and assessed",
  recommended: "Referred in the period and recommended",
  started: "Referred in the period and started",
  completed: "Referred in the period and completed",
  "left-early": "Referred in the period and left early",
  rejected: "Referred in the period and rejected",
  "not-suitable": "Referred in the period and not suitable",
  "backed-out": "Referred in the period and backed out",
  cancelled: "Referred in the period and cancelled",
};

/** Which dates the period applies to, per figure (said on the drill-down page). */
export type FigureKind = "today" | "start-deadline" | "start-date" | "referral-date";
export function figureKind(figure: DashboardFigure): FigureKind {
  const index = DASHBOARD_FIGURES.indexOf(figure);
  if (index <= DASHBOARD_FIGURES.indexOf("on-provision")) return "today";
  if (index <= DASHBOARD_FIGURES.indexOf("left-before-deadline")) return "start-deadline";
  if (figure === "starts") return "start-date";
  return "referral-date";
}

/** The strands of provision (13.25–13.27): SES Main Provision and SES Start Back; "none" = not recorded yet. */
export const STRAND_KEYS = ["sesmp", "sessb", "none"] as const;
export type StrandKey = (typeof STRAND_KEYS)[number];
export const STRAND_LABELS: Record<StrandKey, string> = { sesmp: "Main Provision", sessb: "Start Back", none: "Strand not recorded" };

/** The closed states whose reasons the dashboard breaks down (left before the deadline; the funnel's reasons). */
export const REASON_STATES = ["provision_full", "not_eligible", "not_suitable", "rejected", "cancelled", "left_early"] as const;
export type ReasonState = (typeof REASON_STATES)[number];

const uuid = z.string().trim().transform((value) => value.toLowerCase()).pipe(z.uuid());

/** Which row of a breakdown: each optional, each narrowing the figure's cases. */
export const drillDownRowSchema = z.object({
  /** A month of the start target by month (its first day). */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, { error: "Select a month from the dashboard" }).optional(),
  /** The "Unassigned" row of a per-caseworker breakdown. */
  unassigned: z.literal("yes").optional(),
  state: z.enum(REASON_STATES).optional(),
  /** A closure reason's id, or "none" for no reason recorded. */
  reason: z.union([z.literal("none"), uuid]).optional(),
  strand: z.enum(STRAND_KEYS).optional(),
});
export type DrillDownRow = z.infer<typeof drillDownRowSchema>;

export const drillDownSchema = dashboardFiltersSchema
  .extend({ figure: z.enum(DASHBOARD_FIGURES, { error: "Choose a figure from the dashboard" }) })
  .extend(drillDownRowSchema.shape)
  .strict();
export type DrillDown = z.infer<typeof drillDownSchema>;

/** The CSV export's POST body: the drill-down itself (CS-01: a POST, never a GET). */
export const drillDownExportSchema = drillDownSchema;

const ROW_KEYS = ["month", "unassigned", "state", "reason", "strand"] as const;

type QueryValue = string | string[] | undefined;

/**
 * Parse /dashboard/cases' query: `page` apart, everything must be known. Returns null when the
 * address names no valid figure (the page then says so), never a wider list.
 */
export function parseDrillDownQuery(params: Record<string, QueryValue>): { drillDown: DrillDown; page: number } | null {
  const values: Record<string, string | string[]> = {};
  let page = 1;
  for (const [key, raw] of Object.entries(params)) {
    if (raw === undefined) continue;
    if (key === "page") {
      page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(Array.isArray(raw) ? raw[0] : raw);
      continue;
    }
    values[key] = key === "site" ? raw : Array.isArray(raw) ? raw[0] : raw;
    if (values[key] === "") delete values[key];
  }
  const parsed = drillDownSchema.safeParse(values);
  return parsed.success ? { drillDown: parsed.data, page } : null;
}

/** The drill-down's query string: figure, filters, the breakdown row; no empty values. */
export function drillDownQueryString(drillDown: DrillDown, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  params.set("figure", drillDown.figure);
  for (const site of drillDown.site) params.append("site", site);
  if (drillDown.caseworker) params.set("caseworker", drillDown.caseworker);
  if (drillDown.route) params.set("route", drillDown.route);
  params.set("period", drillDown.period);
  for (const key of ROW_KEYS) {
    const value = drillDown[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return params.toString();
}

/** The address of the list behind a dashboard count, with the dashboard's filters carried over. */
export function figureHref(figure: DashboardFigure, filters: DashboardFilters, row: DrillDownRow = {}): string {
  return `/dashboard/cases?${drillDownQueryString({ ...filters, ...row, figure })}`;
}

/**
 * A breakdown row's drill-down: the dashboard's filters narrowed to the row — one site, one
 * caseworker (or the "Unassigned" row), one route — or the row itself (a month).
 */
export function breakdownDrillDown(filters: DashboardFilters, dimension: "site" | "caseworker" | "route" | "month", key: string): { filters: DashboardFilters; row: DrillDownRow } {
  if (dimension === "site") return { filters: { ...filters, site: [key] }, row: {} };
  if (dimension === "caseworker") return key === "unassigned" ? { filters: { ...filters, caseworker: undefined }, row: { unassigned: "yes" } } : { filters: { ...filters, caseworker: key }, row: {} };
  if (dimension === "route") return { filters: { ...filters, route: key as DashboardFilters["route"] }, row: {} };
  return { filters, row: { month: key } };
}
