/**
 * The work queue's address (/cases): view, sort, page size and the MoJ filters. Everything in it is
 * an id or a fixed keyword, never personal data (docs/security.md HD-05: search terms go in a POST
 * body, never the URL). Each value is parsed with zod on its own: one that does not parse is
 * dropped and its default used, so a hand-edited or stale link shows a list, never a 500.
 */
import { z } from "zod";
import { CASE_STATES, type CaseState } from "../case-states";
import { ROUTE_LABELS, RULESET_LABELS, type CaseRoute } from "../case-labels";
import type { Ruleset } from "../deadlines";

export const WORK_QUEUE_VIEWS = ["mine", "unassigned", "open", "closed", "search"] as const;
export type WorkQueueView = (typeof WORK_QUEUE_VIEWS)[number];

/** Soonest next deadline of any clock, or fewest working days left to the 20-day start target. */
export const WORK_QUEUE_SORTS = ["next-deadline", "start-deadline"] as const;
export type WorkQueueSort = (typeof WORK_QUEUE_SORTS)[number];

/** 25 a page by default, 50 on request (GOV.UK pagination; no full-list work behind the count). */
export const WORK_QUEUE_PAGE_SIZES = [25, 50] as const;
export type WorkQueuePageSize = (typeof WORK_QUEUE_PAGE_SIZES)[number];

/**
 * Clock status: the next deadline is past (overdue) or within the due-soon window (today included);
 * or the start target (13.13, 3.07): not started and still running, or not started past its deadline —
 * the dashboard's "Waiting to start" and "Start deadline missed" drill down to these.
 */
export const WORK_QUEUE_CLOCK_FILTERS = ["overdue", "due-soon", "start-running", "start-missed"] as const;
export type WorkQueueClockFilter = (typeof WORK_QUEUE_CLOCK_FILTERS)[number];

/** Markers: a MAPPA case, or (for nominated officers only, through the visibility rule) an SCR case. */
export const WORK_QUEUE_MARKERS = ["mappa", "scr"] as const;
export type WorkQueueMarker = (typeof WORK_QUEUE_MARKERS)[number];

export const WORK_QUEUE_ROUTES = Object.keys(ROUTE_LABELS) as CaseRoute[];
export const WORK_QUEUE_RULESETS = Object.keys(RULESET_LABELS) as Ruleset[];

export interface WorkQueueFilters {
  state?: CaseState;
  clock?: WorkQueueClockFilter;
  site?: string;
  caseworker?: string;
  route?: CaseRoute;
  ruleset?: Ruleset;
  marker?: WorkQueueMarker;
}

export interface WorkQueueQuery {
  view: WorkQueueView;
  sort: WorkQueueSort;
  page: number;
  pageSize: WorkQueuePageSize;
  filters: WorkQueueFilters;
}

const uuid = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase())
  .pipe(z.uuid());

const FIELD_SCHEMAS = {
  state: z.enum(CASE_STATES),
  clock: z.enum(WORK_QUEUE_CLOCK_FILTERS),
  site: uuid,
  caseworker: uuid,
  route: z.enum(WORK_QUEUE_ROUTES as [CaseRoute, ...CaseRoute[]]),
  ruleset: z.enum(WORK_QUEUE_RULESETS as [Ruleset, ...Ruleset[]]),
  marker: z.enum(WORK_QUEUE_MARKERS),
} as const;

export const WORK_QUEUE_FILTER_KEYS = Object.keys(FIELD_SCHEMAS) as (keyof WorkQueueFilters)[];

type QueryValue = string | string[] | undefined;
const first = (value: QueryValue) => (Array.isArray(value) ? value[0] : value);

/**
 * Parse /cases' query string. `defaultView` is the role's landing list (a manager lands on "All
 * open", where "My cases" would be empty).
 */
export function parseWorkQueueQuery(params: Record<string, QueryValue>, defaultView: WorkQueueView = "mine"): WorkQueueQuery {
  const view = z.enum(WORK_QUEUE_VIEWS).catch(defaultView).parse(first(params.view));
  const sort = z.enum(WORK_QUEUE_SORTS).catch("next-deadline").parse(first(params.sort));
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(first(params.page) ?? 1);
  const pageSize = z
    .coerce.number()
    .pipe(z.union([z.literal(25), z.literal(50)]))
    .catch(25)
    .parse(first(params.size) ?? 25);
  const filters: WorkQueueFilters = {};
  for (const key of WORK_QUEUE_FILTER_KEYS) {
    const raw = first(params[key]);
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = FIELD_SCHEMAS[key].safeParse(raw);
    if (parsed.success) Object.assign(filters, { [key]: parsed.data });
  }
  return { view, sort, page, pageSize, filters };
}

/** The query string for a queue address (links, pagination, sort headers), without defaults that add nothing. */
export function workQueueQueryString(query: Partial<WorkQueueQuery> & Pick<WorkQueueQuery, "view">, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  params.set("view", query.view);
  if (query.sort) params.set("sort", query.sort);
  for (const key of WORK_QUEUE_FILTER_KEYS) {
    const value = query.filters?.[key];
    if (value) params.set(key, value);
  }
  if (query.pageSize && query.pageSize !== 25) params.set("size", String(query.pageSize));
  if (query.page && query.page > 1) params.set("page", String(query.page));
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return params.toString();
}

export function activeFilterCount(filters: WorkQueueFilters): number {
  return WORK_QUEUE_FILTER_KEYS.filter((key) => filters[key] !== undefined).length;
}

/**
 * The list a user lands on: a manager (who holds no cases) lands on "All open", where "My cases"
 * would be empty; anyone who works cases lands on their own.
 */
export function defaultWorkQueueView(roles: readonly string[]): WorkQueueView {
  const worksCases = roles.includes("caseworker") || roles.includes("nominated_officer");
  return roles.includes("manager") && !worksCases ? "open" : "mine";
}
