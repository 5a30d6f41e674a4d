import type { Prisma } from "@/lib/db/prisma";
import type { Role } from "@/lib/domain/permissions";

/** Who did something, from the session — never from client input (docs/security.md AC-05). */
export interface Actor {
  /** null for an anonymous request (e.g. a failed sign-in with an unknown email) */
  id: string | null;
  roles: readonly Role[];
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  restrictedRead?: boolean;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  reason?: string | null;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

/**
 * Append one audit row. Call it with the transaction client of the change it records, so the
 * change and its audit row commit or roll back together (docs/security.md LG-02).
 */
export async function recordAudit(db: AuditWriter, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: auditRow(actor, entry) });
}

/**
 * Append several audit rows in ONE insert, in the order given: the rows recordAudit would write
 * one by one, with the same columns, and their ids (the table's sequence) in that same order. For
 * a set-based write such as the bulk import's commit (lib/server/imports/open-imported-cases.ts).
 */
export async function recordAudits(db: AuditWriter, actor: Actor | null, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0) await db.auditEvent.createMany({ data: entries.map((entry) => auditRow(actor, entry)) });
}

/**
 * PostgreSQL text cannot hold a NUL byte: an id or reason taken from a request (a refused URL,
 * say) keeps its other characters and shows the NUL as U+FFFD, rather than failing the write
 * (docs/security.md IV-01).
 */
function storable(value: string | null | undefined): string | null {
  return value == null ? null : value.replace(/\u0000/g, "\uFFFD");
}

function auditRow(actor: Actor | null, entry: AuditEntry): Prisma.AuditEventCreateManyInput {
  return {
    actorId: actor?.id ?? null,
    actorRoles: actor ? [...actor.roles] : [],
    action: entry.action,
    entityType: entry.entityType,
    entityId: storable(entry.entityId),
    caseId: entry.caseId ?? null,
    restrictedRead: entry.restrictedRead ?? false,
    before: entry.before,
    after: entry.after,
    reason: storable(entry.reason),
    ip: actor?.ip?.slice(0, 100) ?? null,
    userAgent: actor?.userAgent?.slice(0, 500) ?? null,
  };
}

/**
 * Every read of an SCR case — page, print, export — writes one audit row (docs/security.md LG-01).
 * Other cases are not restricted reads; nothing is written for them.
 */
export async function recordRestrictedRead(
  db: AuditWriter,
  actor: Actor,
  found: { id: string; restrictionTier: string },
  action: string,
): Promise<void> {
  await recordRestrictedReads(db, actor, [found], action);
}

/** The same for every case of a list a user was shown (e.g. the nominated officer's queue): one row per SCR case, in one insert. */
export async function recordRestrictedReads(
  db: AuditWriter,
  actor: Actor,
  cases: readonly { id: string; restrictionTier: string }[],
  action: string,
): Promise<void> {
  const rows = cases
    .filter((found) => found.restrictionTier === "scr")
    .map((found) => auditRow(actor, { action, entityType: "Case", entityId: found.id, caseId: found.id, restrictedRead: true }));
  if (rows.length > 0) await db.auditEvent.createMany({ data: rows });
}
