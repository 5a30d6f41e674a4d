import { parseIsoDate, formatIsoDate, type IsoDate } from "@/lib/calendar/iso-date";
import { isoDateToDb } from "@/lib/db/dates";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { accessLogActionLabel, restrictionChangeSummary } from "@/lib/domain/access-log-labels";
import { can, type Role } from "@/lib/domain/permissions";
import {
  SECURITY_REPORT_ACTIONS,
  SECURITY_REPORT_CATEGORIES,
  SECURITY_REPORT_CATEGORY_LABELS,
  securityReportCategoryOf,
  type SecurityReportFilters,
} from "@/lib/domain/security/security-report";
import { assertCan, type UseCaseActor } from "../assert-can";

/**
 * The organisation-wide security report (docs/security.md LG-03; docs/rules/restricted-cases.md:
 * the security report; docs/decisions/0013-security-report-and-possible-scr-duplicates.md).
 *
 * Scope: events done by the organisation's users, or done to them (a lockout, a role change).
 * A restriction change names its case and reason only to a nominated officer: an administrator
 * sees that a case's restriction changed, by whom and when, never which case (an SCR case exists
 * only for nominated officers, AC-02).
 */

export interface SecurityEventRow {
  id: string;
  at: string;
  category: string;
  what: string;
  actorName: string | null;
  actorRoles: Role[];
  /** The user or case the event was about, as far as this reader may know it. */
  subject: string | null;
  detail: string | null;
  ip: string | null;
}

export interface SecurityEventsPage {
  rows: SecurityEventRow[];
  total: number;
  page: number;
  totalPages: number;
  users: { id: string; name: string }[];
}

const nextDay = (date: IsoDate) => formatIsoDate(parseIsoDate(date) + 1);

/** The audit rows of the report for this actor's organisation and these filters. */
export async function securityEventsWhere(prisma: PrismaClient, actor: UseCaseActor, filters: SecurityReportFilters) {
  const users = await prisma.user.findMany({ where: { organisationId: actor.organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
  const categories = filters.category ? [filters.category] : SECURITY_REPORT_CATEGORIES;
  const actions: Prisma.AuditEventWhereInput[] = categories.map((category) => {
    const rule = SECURITY_REPORT_ACTIONS[category];
    return rule.prefix ? { action: { startsWith: rule.prefix } } : { action: { in: [...(rule.actions ?? [])] } };
  });
  const people = filters.user ? users.filter((user) => user.id === filters.user) : users;
  const ids = people.map((user) => user.id);
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      { OR: actions },
      // By one of them, or about one of them (a lockout is keyed by the user's id or, refused while locked, their email).
      { OR: [{ actorId: { in: ids } }, { entityId: { in: [...ids, ...people.map((user) => user.email)] } }] },
      ...(filters.from ? [{ at: { gte: isoDateToDb(filters.from) } }] : []),
      ...(filters.to ? [{ at: { lt: isoDateToDb(nextDay(filters.to)) } }] : []),
    ],
  };
  return { where, users };
}

type AuditRow = Prisma.AuditEventGetPayload<Record<string, never>>;

/** Each row as this reader may see it. */
export async function securityEventRows(prisma: PrismaClient, actor: UseCaseActor, events: AuditRow[], users: { id: string; name: string; email: string }[]): Promise<SecurityEventRow[]> {
  const officer = can(actor.roles, "read:restricted-case:any");
  const names = new Map(users.flatMap((user) => [[user.id, user.name] as const, [user.email, user.name] as const]));
  const caseIds = [...new Set(events.map((event) => event.caseId).filter((id): id is string => Boolean(id)))];
  const references = officer
    ? new Map((await prisma.case.findMany({ where: { id: { in: caseIds }, organisationId: actor.organisationId }, select: { id: true, reference: true } })).map((row) => [row.id, row.reference]))
    : new Map<string, string>();
  return events.map((event) => {
    const category = securityReportCategoryOf(event.action);
    const aboutCase = event.entityType === "Case" || event.caseId !== null;
    const caseId = event.caseId ?? (event.entityType === "Case" ? event.entityId : null);
    const subject = aboutCase
      ? officer
        ? (references.get(caseId ?? "") ?? (caseId ? `Case id ${caseId}` : null))
        : "A case"
      : event.entityId
        ? (names.get(event.entityId) ?? (event.entityType === "User" ? "Unknown user" : event.entityId))
        : null;
    const tiers = restrictionChangeSummary(event.before, event.after);
    const roles = (event.after as { roles?: string[] } | null)?.roles;
    const detail = [tiers, roles ? `Roles: ${roles.join(", ")}` : null, aboutCase && !officer ? null : event.reason].filter(Boolean).join(". ") || null;
    return {
      id: String(event.id),
      at: event.at.toISOString(),
      category: category ? SECURITY_REPORT_CATEGORY_LABELS[category] : "Other",
      what: accessLogActionLabel(event.action),
      actorName: event.actorId ? (names.get(event.actorId) ?? "Unknown user") : null,
      actorRoles: event.actorRoles,
      subject,
      detail,
      ip: event.ip,
    };
  });
}

export async function listSecurityEvents(prisma: PrismaClient, actor: UseCaseActor, filters: SecurityReportFilters, requestedPage: number, pageSize: number): Promise<SecurityEventsPage> {
  assertCan(actor, "read:security-report:any");
  const { where, users } = await securityEventsWhere(prisma, actor, filters);
  const total = await prisma.auditEvent.count({ where });
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), totalPages);
  const events = await prisma.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize });
  return {
    rows: await securityEventRows(prisma, actor, events, users),
    total,
    page,
    totalPages,
    users: users.map((user) => ({ id: user.id, name: user.name })),
  };
}
