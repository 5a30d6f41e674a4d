import { formatLongDate, type IsoDate } from "../../calendar/iso-date";

/** The kind of StaffNotice written when a case is marked SCR and taken from its caseworker. */
export const SCR_UNASSIGNED_NOTICE = "case_restricted_unassigned";

/**
 * What the previous assignee's manager is told when a nominated officer marks a case SCR and so
 * takes it from a caseworker who is not a nominated officer (13.77, 3.43). It names the caseworker
 * and the day, never the case, the person or the reason: a manager cannot see an SCR case, so the
 * notice must not reveal which case it was (docs/rules/restricted-cases.md "SCR lifecycle").
 */
export function scrUnassignedNotice(caseworkerName: string, on: IsoDate): string {
  return `On ${formatLongDate(on)} a nominated officer restricted one of ${caseworkerName}’s cases and took it from them. It is no longer in their caseload; you do not need to do anything about the case itself.`;
}

/** Whether marking a case SCR takes it from its assignee: only nominated officers may hold an SCR case (13.77, 3.43). */
export function scrTakesCaseFrom(assignee: { roles: readonly string[] } | null): boolean {
  return assignee !== null && !assignee.roles.includes("nominated_officer");
}
