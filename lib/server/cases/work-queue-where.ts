import type { WorkingDayCalendar } from "@/lib/calendar";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { NATIONS } from "@/lib/calendar/nations";
import { Prisma } from "@/lib/db/prisma";
import { caseReferenceFromSearch } from "@/lib/domain/case-reference";
import { CASE_STATES, CLOSED_STATES, type CaseState } from "@/lib/domain/case-states";
import { nationToCode } from "@/lib/domain/nation";
import type { WorkQueueFilters, WorkQueueView } from "@/lib/domain/work-queue/query";
import type { UseCaseActor } from "../assert-can";
import { caseVisibleToSql } from "./case-visibility";

/**
 * Which cases a work queue lists, as SQL over `"Case" c` (docs/decisions/0041-work-queue-in-sql.md):
 * THE visibility rule, the view, the MoJ filters and a search, ANDed, so a filter can narrow what a
 * user sees, never widen it (a caseworker's marker=scr finds nothing). Every value is a parameter.
 */
export function workQueueWhereSql(
  actor: UseCaseActor,
  options: { view: WorkQueueView; filters: WorkQueueFilters; today: IsoDate; calendar?: WorkingDayCalendar; dueSoonWorkingDays?: number; search?: string | null },
): Prisma.Sql {
  const clauses = [caseVisibleToSql(actor), viewSql(options.view, actor), ...workQueueFilterSql(options.filters, options)];
  if (options.view === "search") clauses.push(searchSql(options.search ?? ""));
  return Prisma.join(clauses.map((clause) => Prisma.sql`(${clause})`), " AND ");
}

const stateList = (states: readonly CaseState[]) => Prisma.join(states.map((state) => Prisma.sql`${state}::"CaseState"`));
const closedStates = stateList([...CLOSED_STATES]);
/**
 * Open states as a positive list: `state IN (…open…)` can use the (organisationId, state),
 * (assignedCaseworkerId, state) and (state, …) indexes, where `NOT IN (…closed…)` made PostgreSQL
 * scan every case — at 100,000 cases that was ~15× slower (npm run bench, EXPLAIN ANALYZE).
 */
const openStates = stateList(CASE_STATES.filter((state) => !CLOSED_STATES.has(state)));

/**
 * Work still to do is the generated column "Case"."stillToDo" (lib/server/cases/still-to-do.ts),
 * written as the bare column so PostgreSQL matches the two partial indexes that hold the queue's order.
 */
const STILL_TO_DO = Prisma.sql`c."stillToDo"`;

function viewSql(view: WorkQueueView, actor: UseCaseActor): Prisma.Sql {
  switch (view) {
    case "mine":
      return Prisma.sql`c."assignedCaseworkerId" = ${actor.id}::uuid AND ${STILL_TO_DO}`;
    case "unassigned":
      return Prisma.sql`c."assignedCaseworkerId" IS NULL AND ${STILL_TO_DO}`;
    case "open":
      return STILL_TO_DO;
    case "closed":
      return Prisma.sql`c."state" IN (${closedStates})`;
    case "search":
      return Prisma.sql`TRUE`;
  }
}

/** The start clock still runs: not started, the case open, a start due date stored (13.13, 3.07). */
export const START_RUNNING = Prisma.sql`c."startedOn" IS NULL AND c."startDueOn" IS NOT NULL AND c."state" IN (${openStates})`;
export const START_NOT_RUNNING = Prisma.sql`NOT (${START_RUNNING})`;

/**
 * The MoJ filters (lib/domain/work-queue/query.ts). "Due soon" is the next deadline from today to
 * the end of the Settings window, counted in each site nation's working days (docs/rules/clocks.md
 * "Due soon"); it needs the calendar, which the caller loads only for that filter.
 */
function workQueueFilterSql(
  filters: WorkQueueFilters,
  context: { today: IsoDate; calendar?: WorkingDayCalendar; dueSoonWorkingDays?: number },
): Prisma.Sql[] {
  const clauses: Prisma.Sql[] = [];
  const today = Prisma.sql`${context.today}::date`;
  if (filters.state) clauses.push(Prisma.sql`c."state" = ${filters.state}::"CaseState"`);
  if (filters.site) clauses.push(Prisma.sql`c."siteId" = ${filters.site}::uuid`);
  if (filters.caseworker) clauses.push(Prisma.sql`c."assignedCaseworkerId" = ${filters.caseworker}::uuid`);
  if (filters.route) clauses.push(Prisma.sql`c."route" = ${filters.route}::"CaseRoute"`);
  if (filters.ruleset) clauses.push(Prisma.sql`c."ruleset" = ${filters.ruleset}::"Ruleset"`);
  if (filters.marker) clauses.push(Prisma.sql`c."restrictionTier" = ${filters.marker}::"RestrictionTier"`);
  if (filters.clock === "overdue") clauses.push(Prisma.sql`c."nextDeadlineOn" < ${today}`);
  if (filters.clock === "start-running") clauses.push(START_RUNNING);
  if (filters.clock === "start-missed") clauses.push(Prisma.sql`${START_RUNNING} AND c."startDueOn" < ${today}`);
  if (filters.clock === "due-soon" && context.calendar) {
    const calendar = context.calendar;
    const window = context.dueSoonWorkingDays ?? 3;
    const perNation = NATIONS.map(
      (nation) =>
        Prisma.sql`(s."nation" = ${nationToCode(nation)}::"Nation" AND c."nextDeadlineOn" BETWEEN ${today} AND ${calendar.addWorkingDays(context.today, window, nation)}::date)`,
    );
    clauses.push(Prisma.sql`EXISTS (SELECT 1 FROM "Site" s WHERE s."id" = c."siteId" AND (${Prisma.join(perNation, " OR ")}))`);
  }
  return clauses;
}

/** A word of a name search as a literal ILIKE pattern: its own % and _ match themselves. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * Search by name, NINO, purchase order number or case reference. The term arrives in a POST body,
 * never a URL (docs/security.md HD-05); the visibility rule still applies around it. A name search
 * needs every word (up to three, of two letters or more) in the forename or surname.
 */
function searchSql(term: string): Prisma.Sql {
  const trimmed = term.trim();
  const compact = trimmed.replace(/\s+/g, "").toUpperCase();
  const clauses: Prisma.Sql[] = [];
  if (/^\d{9}$/.test(compact)) {
    clauses.push(Prisma.sql`EXISTS (SELECT 1 FROM "PrapReferral" p WHERE p."caseId" = c."id" AND p."purchaseOrderNumber" = ${compact})`);
  }
  if (/^[A-Z]{2}\d{6}[A-D]$/.test(compact)) {
    clauses.push(Prisma.sql`EXISTS (SELECT 1 FROM "Claimant" cl WHERE cl."id" = c."claimantId" AND cl."nino" = ${compact})`);
  }
  const reference = caseReferenceFromSearch(compact);
  if (reference) clauses.push(Prisma.sql`c."reference" = ${reference}`);
  const words = trimmed.split(/\s+/).filter((word) => word.length >= 2).slice(0, 3);
  if (words.length > 0) {
    const eachWord = words.map((word) => Prisma.sql`(cl."surname" ILIKE ${containing(word)} OR cl."forename" ILIKE ${containing(word)})`);
    clauses.push(Prisma.sql`EXISTS (SELECT 1 FROM "Claimant" cl WHERE cl."id" = c."claimantId" AND ${Prisma.join(eachWord, " AND ")})`);
  }
  return clauses.length > 0 ? Prisma.join(clauses, " OR ") : Prisma.sql`FALSE`;
}
