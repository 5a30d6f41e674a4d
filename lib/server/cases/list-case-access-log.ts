import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { can, type Role } from "@/lib/domain/permissions";
import { recordAudit } from "../audit/record-audit";
import { recordSecurityEvent } from "../audit/record-security-event";
import { assertCan, type UseCaseActor } from "../assert-can";
import { findVisibleCase } from "./find-visible-case";

/**
 * The per-case access log for nominated officers (docs/security.md LG-01, LG-03): every restricted
 * read (SCR case page, print, export; MAPPA annex), every restriction change and annex write, and
 * every refused request for the case's id — who, role, what, when, newest first, a page at a time.
 */

export const ACCESS_LOG_PAGE_SIZE = 50;
export const ACCESS_LOG_READ_ACTION = "case.access_log_read";

/** Actions that change who may see a case or what its restricted record holds. */
const RESTRICTION_ACTIONS = ["case.restriction_changed", "case.mappa_marked", "case.scr_marked", "case.possible_scr_duplicate", "case.possible_scr_duplicate_resolved"];
const RESTRICTED_RECORD_PREFIXES = ["mappa_annex.", "mappa_letter.", "sl2."];

export function accessLogWhere(caseId: string): Prisma.AuditEventWhereInput {
  return {
    OR: [
      { caseId, restrictedRead: true },
      { caseId, action: { in: RESTRICTION_ACTIONS } },
      ...RESTRICTED_RECORD_PREFIXES.map((prefix) => ({ caseId, action: { startsWith: prefix } })),
      // Refusals (a 404 on this id) are security events keyed by the id asked for (LG-03).
      { entityId: caseId, action: { startsWith: "security." } },
    ],
  };
}

export interface AccessLogEntry {
  id: string;
  at: string;
  actorName: string | null;
  actorRoles: Role[];
  action: string;
  restrictedRead: boolean;
  reason: string | null;
  before: unknown;
  after: unknown;
}

export interface AccessLogPage {
  caseId: string;
  reference: string;
  restrictionTier: "none" | "mappa" | "scr";
  entries: AccessLogEntry[];
  total: number;
  page: number;
  totalPages: number;
}

export async function listCaseAccessLog(prisma: PrismaClient, actor: UseCaseActor, caseId: string, requestedPage: number): Promise<AccessLogPage> {
  if (!can(actor.roles, "read:restricted-case:any")) {
    // A refused request for a case's access log is a security event in that log (LG-03).
    await recordSecurityEvent(prisma, actor, { action: "access_log_denied", entityType: "Case", entityId: caseId.slice(0, 100) });
  }
  assertCan(actor, "read:restricted-case:any");
  const found = await findVisibleCase(prisma, actor, caseId, { select: { reference: true } });
  // Reading who looked at a restricted case is itself a restricted read (LG-01).
  if (found.restrictionTier !== "none") {
    await recordAudit(prisma, actor, { action: ACCESS_LOG_READ_ACTION, entityType: "Case", entityId: found.id, caseId: found.id, restrictedRead: true });
  }
  const where = accessLogWhere(found.id);
  const total = await prisma.auditEvent.count({ where });
  const totalPages = Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), totalPages);
  const events = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * ACCESS_LOG_PAGE_SIZE,
    take: ACCESS_LOG_PAGE_SIZE,
  });
  const actorIds = [...new Set(events.map((event) => event.actorId).filter((id): id is string => Boolean(id)))];
  const names = new Map(
    (await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  return {
    caseId: found.id,
    reference: found.reference,
    restrictionTier: found.restrictionTier,
    total,
    page,
    totalPages,
    entries: events.map((event) => ({
      id: String(event.id),
      at: event.at.toISOString(),
      actorName: event.actorId ? (names.get(event.actorId) ?? null) : null,
      actorRoles: event.actorRoles as Role[],
      action: event.action,
      restrictedRead: event.restrictedRead,
      reason: event.reason,
      before: event.before,
      after: event.after,
    })),
  };
}
