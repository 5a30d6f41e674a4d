import { SECURITY_REPORT_PAGE_SIZE, type SecurityReportFilters } from "@/lib/domain/security/security-report";
import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { listSecurityEvents, type SecurityEventsPage } from "./list-security-events";

/** The security report page (app/(signed-in)/security), or the 404 page. */
export function loadSecurityReportPage(user: UseCaseActor, filters: SecurityReportFilters, page: number): Promise<SecurityEventsPage> {
  return loadPage((db) => listSecurityEvents(db, user, filters, page, SECURITY_REPORT_PAGE_SIZE), ["NOT_FOUND", "FORBIDDEN"]);
}
