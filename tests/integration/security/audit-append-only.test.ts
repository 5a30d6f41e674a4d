import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * The audit table is append-only (docs/security.md LG-04): a trigger refuses UPDATE, DELETE and
 * TRUNCATE for every role, the owner included. Tried here through raw SQL and through Prisma,
 * against a real database; after every refusal the row is read back unchanged.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

// As the owner the trigger refuses; as the least-privilege app role (CI) the privilege check does first.
const REFUSED = /append-only|permission denied|denied access/;

async function auditRow(reason: string) {
  await recordAudit(db.prisma, { id: null, roles: [], ip: "192.0.2.9", userAgent: "Vitest" }, {
    action: "test.append_only",
    entityType: "Test",
    entityId: reason,
    reason,
    after: { detail: reason },
  });
  return db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: reason } });
}

const readBack = (id: bigint) => db.prisma.auditEvent.findUniqueOrThrow({ where: { id } });

describe("AuditEvent is append-only (LG-04)", () => {
  it("accepts new rows (INSERT is the one thing allowed)", async () => {
    const before = await db.prisma.auditEvent.count();
    await auditRow("insert-allowed");
    expect(await db.prisma.auditEvent.count()).toBe(before + 1);
  });

  it("refuses an UPDATE through raw SQL and leaves the row unchanged (LG-04)", async () => {
    const row = await auditRow("raw-update");
    await expect(db.prisma.$executeRaw`UPDATE "AuditEvent" SET "reason" = 'tampered', "actorId" = NULL WHERE "id" = ${row.id}`).rejects.toThrow(REFUSED);
    expect(await readBack(row.id)).toEqual(row);
  });

  it("refuses an UPDATE of every row at once (LG-04)", async () => {
    const row = await auditRow("raw-update-all");
    await expect(db.prisma.$executeRaw`UPDATE "AuditEvent" SET "action" = 'rewritten'`).rejects.toThrow(REFUSED);
    expect(await readBack(row.id)).toEqual(row);
  });

  it("refuses a DELETE through raw SQL and keeps the row (LG-04)", async () => {
    const row = await auditRow("raw-delete");
    await expect(db.prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${row.id}`).rejects.toThrow(REFUSED);
    expect(await readBack(row.id)).toEqual(row);
  });

  it("refuses a TRUNCATE and keeps every row (LG-04)", async () => {
    const row = await auditRow("raw-truncate");
    const before = await db.prisma.auditEvent.count();
    await expect(db.prisma.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(REFUSED);
    await expect(db.prisma.$executeRaw`TRUNCATE "AuditEvent" RESTART IDENTITY CASCADE`).rejects.toThrow(REFUSED);
    expect(await db.prisma.auditEvent.count()).toBe(before);
    expect(await readBack(row.id)).toEqual(row);
  });

  it("refuses updates and deletes made through Prisma too (LG-04)", async () => {
    const row = await auditRow("prisma-api");
    await expect(db.prisma.auditEvent.update({ where: { id: row.id }, data: { reason: "tampered" } })).rejects.toThrow(REFUSED);
    await expect(db.prisma.auditEvent.updateMany({ data: { ip: null } })).rejects.toThrow(REFUSED);
    await expect(db.prisma.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(REFUSED);
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow(REFUSED);
    expect(await readBack(row.id)).toEqual(row);
  });

  it("refuses tampering inside a transaction as well, rolling the whole transaction back (LG-04)", async () => {
    const row = await auditRow("in-transaction");
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "AuditEvent" ("actorRoles", "action", "entityType", "reason") VALUES ('{}', 'test.cover_up', 'Test', 'cover-up')`;
        await tx.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${row.id}`;
      }),
    ).rejects.toThrow(REFUSED);
    expect(await readBack(row.id)).toEqual(row);
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "test.cover_up" } })).toBeNull();
  });
});
