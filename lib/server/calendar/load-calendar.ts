/**
 * Moved to lib/server/reference/load-calendar.ts (reference data sits below every use-case).
 * This re-export keeps lib/server/cases/lifecycle/apply-lifecycle-action.ts compiling until the
 * lifecycle slice imports the new path; delete it then.
 */
export { loadCalendar } from "../reference/load-calendar";
