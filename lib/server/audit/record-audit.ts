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
 * Append several audit rows in ONE statement, in the order given: the rows recordAudit would write
 * one by one (the same row builder), their ids drawn from the table's sequence in that same order
 * (ORDER BY the position in the list). For a set-based write such as the bulk import's commit
 * (lib/server/imports/open-imported-cases.ts); a plain INSERT, as the table is append-only.
 */
export async function recordAudits(db: Pick<Prisma.TransactionClient, "$executeRaw">, actor: Actor | null, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = JSON.stringify(entries.map((entry, position) => ({ ...auditRow(actor, entry), position })));
  const roles = JSON.stringify(actor ? [...actor.roles] : []);
  await db.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", "actorRoles", "action", "entityType", "entityId", "caseId", "restrictedRead", "before", "after", "reason", "ip", "userAgent")
    SELECT r."actorId", ARRAY(SELECT jsonb_array_elements_text(${roles}::jsonb))::"Role"[], r."action", r."entityType", r."entityId", r."caseId", r."restrictedRead",
           r."before", r."after", r."reason", r."ip", r."userAgent"
    FROM jsonb_to_recordset(${rows}::jsonb) AS r("actorId" uuid, "action" text, "entityType" text, "entityId" text, "caseId" uuid,
         "restrictedRead" boolean, "before" jsonb, "after" jsonb, "reason" text, "ip" text, "userAgent" text, "position" int)
    ORDER BY r."position"`;
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
