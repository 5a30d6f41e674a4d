import { postgresAdapter } from "@/lib/db/postgres-adapter";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionAppRole } from "@/lib/db/app-role";
import { PrismaClient } from "@/lib/db/prisma";
import { pgClientExecutor } from "@/lib/db/sql-executor";
import { addCaseNote } from "@/lib/server/cases/add-case-note";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * The server's database role is least-privilege (docs/security.md LG-04, SO-03): it can read and
 * write the business tables and add audit rows, but cannot change, delete or truncate the audit,
 * nor disable its trigger, because it owns nothing. PostgreSQL only: embedded PGlite has a single
 * role (docs/decisions/0021-data-protection-and-least-privilege.md), so the suite skips it there.
 */
const ROLE = "ses_app_lp_test";
const PASSWORD = "least-privilege-test-0123456789";

describe.skipIf(!process.env.DATABASE_URL)("the app's database role (LG-04, SO-03)", () => {
  let db: TestDatabase;
  let owner: pg.Client;
  let app: pg.Client;
  let appPrisma: PrismaClient;
  let provider: Provider;
  let auditId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = new pg.Client({ connectionString: db.url });
    await owner.connect();
    await provisionAppRole(pgClientExecutor(owner), { name: ROLE, password: PASSWORD });
    const appUrl = new URL(db.url!);
    appUrl.username = ROLE;
    appUrl.password = PASSWORD;
    app = new pg.Client({ connectionString: appUrl.toString() });
    await app.connect();
    appPrisma = new PrismaClient({ adapter: postgresAdapter(appUrl.toString(), 2) });
    provider = await createProvider(db.prisma);
    const [row] = (await app.query<{ id: string }>(
      `INSERT INTO "AuditEvent" ("actorRoles", "action", "entityType", "reason") VALUES ('{}', 'test.least_privilege', 'Test', 'kept') RETURNING id::text`,
    )).rows;
    auditId = row.id;
  });
  afterAll(async () => {
    await appPrisma?.$disconnect();
    await app?.end();
    await owner?.end();
    await db?.close();
  });

  const refusedAsApp = async (sql: string) => {
    const error = await app.query(sql).then(() => null, (caught: { code?: string; message: string }) => caught);
    expect(error, sql).not.toBeNull();
    return error!;
  };

  it("connects as an ordinary role that is not a superuser and owns no table (SO-03)", async () => {
    const [role] = (await app.query<{ rolsuper: boolean; owned: number }>(
      `SELECT r.rolsuper, (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned FROM pg_roles r WHERE r.rolname = current_user`,
    )).rows;
    expect(role).toEqual({ rolsuper: false, owned: 0 });
  });

  it("may INSERT and SELECT audit rows: that is what every use-case needs (LG-04)", async () => {
    const rows = (await app.query(`SELECT id FROM "AuditEvent" WHERE id = $1`, [auditId])).rows;
    expect(rows).toHaveLength(1);
  });

  it("is refused UPDATE of the audit table by privilege, before any trigger (LG-04)", async () => {
    const error = await refusedAsApp(`UPDATE "AuditEvent" SET "reason" = 'tampered' WHERE id = ${auditId}`);
    expect(error.code).toBe("42501");
    expect(error.message).toMatch(/permission denied/);
  });

  it("is refused DELETE of the audit table (LG-04)", async () => {
    expect((await refusedAsApp(`DELETE FROM "AuditEvent" WHERE id = ${auditId}`)).code).toBe("42501");
  });

  it("is refused TRUNCATE of the audit table (LG-04)", async () => {
    expect((await refusedAsApp(`TRUNCATE "AuditEvent"`)).code).toBe("42501");
  });

  it("cannot disable the append-only trigger, not owning the table (LG-04)", async () => {
    const error = await refusedAsApp(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    expect(error.code).toBe("42501");
    expect(error.message).toMatch(/must be owner/);
    await refusedAsApp(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`);
  });

  it("cannot open the purge door itself: setting the purge cut-off and deleting is still refused (LG-04, LG-07)", async () => {
    await app.query("BEGIN");
    try {
      await app.query(`SELECT set_config('ses.audit_purge_before', '2999-01-01', true)`);
      const error = await app.query(`DELETE FROM "AuditEvent" WHERE id = ${auditId}`).then(() => null, (caught: { code?: string }) => caught);
      expect(error?.code).toBe("42501");
    } finally {
      await app.query("ROLLBACK");
    }
    expect((await owner.query(`SELECT reason FROM "AuditEvent" WHERE id = $1`, [auditId])).rows).toEqual([{ reason: "kept" }]);
  });

  it("cannot create tables or grant itself more (LG-04)", async () => {
    expect((await refusedAsApp(`CREATE TABLE "Sneaky" (id int)`)).code).toBe("42501");
    // A GRANT of what one does not hold only warns "no privileges were granted": check the outcome.
    await app.query(`GRANT DELETE, UPDATE, TRUNCATE ON "AuditEvent" TO ${ROLE}`).catch(() => undefined);
    const [held] = (await app.query<{ d: boolean; u: boolean; t: boolean }>(
      `SELECT has_table_privilege('"AuditEvent"', 'DELETE') AS d, has_table_privilege('"AuditEvent"', 'UPDATE') AS u, has_table_privilege('"AuditEvent"', 'TRUNCATE') AS t`,
    )).rows;
    expect(held).toEqual({ d: false, u: false, t: false });
  });

  it("runs an ordinary use-case, the change and its audit row together (LG-02, SO-03)", async () => {
    const { id: caseId } = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
    await addCaseNote(appPrisma, provider.actors.caseworker, { caseId, text: "Written as the app role." });
    expect(await appPrisma.caseNote.count({ where: { caseId } })).toBe(1);
    expect(await appPrisma.auditEvent.count({ where: { caseId, action: "note.added" } })).toBe(1);
  });

  it("refuses to provision a role that owns tables, or a superuser, as the app role (SO-03)", async () => {
    const [{ current_user: ownerName }] = (await owner.query<{ current_user: string }>(`SELECT current_user`)).rows;
    await expect(provisionAppRole(pgClientExecutor(owner), { name: ownerName, password: null })).rejects.toThrow(/superuser|owns tables/);
  });
});
