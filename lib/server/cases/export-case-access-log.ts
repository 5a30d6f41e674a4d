import type { PrismaClient } from "@/lib/db/prisma";
import { accessLogActionLabel, restrictionChangeSummary } from "@/lib/domain/access-log-labels";
import type { CsvCell } from "@/lib/domain/dashboard/csv-columns";
import { can } from "@/lib/domain/permissions";
import { recordAudit } from "../audit/record-audit";
import { recordSecurityEvent } from "../audit/record-security-event";
import { assertCan, type UseCaseActor } from "../assert-can";
import { toCsv } from "../export/to-csv";
import { findVisibleCase } from "./find-visible-case";
import { accessLogWhere } from "./list-case-access-log";

/** How many entries one export holds at most, newest first. */
export const ACCESS_LOG_EXPORT_LIMIT = 20_000;
export const ACCESS_LOG_EXPORTED_ACTION = "case.access_log_exported";

interface ExportRow {
  at: string;
  actorName: string | null;
  actorRoles: string[];
  what: string;
  reason: string | null;
  ip: string | null;
}

const COLUMNS: { header: string; cell: (row: ExportRow) => CsvCell }[] = [
  { header: "When", cell: (row) => row.at },
  { header: "Who", cell: (row) => row.actorName ?? "Unknown" },
  { header: "Their roles", cell: (row) => row.actorRoles.join(" ") },
  { header: "What", cell: (row) => row.what },
  { header: "Reason", cell: (row) => row.reason },
  { header: "IP address", cell: (row) => row.ip },
];

/**
 * A case's access log as CSV, for a nominated officer (docs/rules/restricted-cases.md: audit of
 * restricted reads; docs/decisions/0008-mappa-annex-and-restriction-changes.md). The export is
 * itself audited, and for a restricted case it is a restricted read (LG-01). Anyone else: refused
 * as the log page is, and the refusal logged (LG-03).
 */
export async function exportCaseAccessLog(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<{ csv: string; filename: string; rowCount: number }> {
  if (!can(actor.roles, "read:restricted-case:any")) {
    await recordSecurityEvent(prisma, actor, { action: "access_log_denied", entityType: "Case", entityId: caseId.slice(0, 100) });
  }
  assertCan(actor, "read:restricted-case:any");
  const found = await findVisibleCase(prisma, actor, caseId, { select: { reference: true } });
  const events = await prisma.auditEvent.findMany({ where: accessLogWhere(found.id), orderBy: [{ at: "desc" }, { id: "desc" }], take: ACCESS_LOG_EXPORT_LIMIT });
  const actorIds = [...new Set(events.map((event) => event.actorId).filter((id): id is string => Boolean(id)))];
  const names = new Map((await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  const rows: ExportRow[] = events.map((event) => {
    const change = restrictionChangeSummary(event.before, event.after);
    return {
      at: event.at.toISOString(),
      actorName: event.actorId ? (names.get(event.actorId) ?? null) : null,
      actorRoles: event.actorRoles,
      what: change ? `${accessLogActionLabel(event.action)}: ${change}` : accessLogActionLabel(event.action),
      reason: event.reason,
      ip: event.ip,
    };
  });
  await recordAudit(prisma, actor, {
    action: ACCESS_LOG_EXPORTED_ACTION,
    entityType: "Case",
    entityId: found.id,
    caseId: found.id,
    restrictedRead: found.restrictionTier !== "none",
    after: { rowCount: rows.length },
  });
  return { csv: toCsv(COLUMNS, rows), filename: `access-log-${found.reference}.csv`, rowCount: rows.length };
}

/** How many rows the export would hold (to choose between the download now and a background file). */
export async function countCaseAccessLog(prisma: PrismaClient, actor: UseCaseActor, caseId: string): Promise<number> {
  assertCan(actor, "read:restricted-case:any");
  const found = await findVisibleCase(prisma, actor, caseId, { select: { reference: true } });
  return Math.min(await prisma.auditEvent.count({ where: accessLogWhere(found.id) }), ACCESS_LOG_EXPORT_LIMIT);
}
