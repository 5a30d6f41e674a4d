import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError, readMigrations, type MigrationFile } from "@/lib/db/migrate";
import { createEmptyDatabase, type EmptyDatabase } from "@/tests/integration/support/test-database";

function migration(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

async function tableExists(db: EmptyDatabase, table: string): Promise<boolean> {
  const rows = await db.sql.query<{ exists: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = $1) AS "exists"`,
    [table],
  );
  return rows[0].exists;
}

describe("the migration runner", () => {
  let db: EmptyDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("applies every migration to an empty database and records each as Prisma Migrate does", async () => {
    db = await createEmptyDatabase();
    const migrations = await readMigrations();
    const result = await applyMigrations(db.sql, migrations);
    expect(result.applied).toEqual(migrations.map((m) => m.name));
    const rows = await db.sql.query<{ migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      migrations.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await tableExists(db, "Case")).toBe(true);
  });

  it("does nothing the second time", async () => {
    db = await createEmptyDatabase();
    const migrations = await readMigrations();
    await applyMigrations(db.sql, migrations);
    const again = await applyMigrations(db.sql, migrations);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(migrations.map((m) => m.name));
  });

  it("rolls a failing migration back completely and names it", async () => {
    db = await createEmptyDatabase();
    const good = migration("0001_good", `CREATE TABLE "Good" ("id" INTEGER PRIMARY KEY);`);
    const bad = migration("0002_bad", `CREATE TABLE "HalfDone" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "Nope" VALUES (1);`);
    await expect(applyMigrations(db.sql, [good, bad])).rejects.toThrow(/0002_bad failed and was rolled back/);
    expect(await tableExists(db, "Good")).toBe(true);
    expect(await tableExists(db, "HalfDone")).toBe(false);
    const names = await db.sql.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(names.map((r) => r.migration_name)).toEqual(["0001_good"]);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    db = await createEmptyDatabase();
    await applyMigrations(db.sql, [migration("0001_a", `CREATE TABLE "A" ("id" INTEGER);`)]);
    const edited = migration("0001_a", `CREATE TABLE "A" ("id" BIGINT);`);
    const error = await applyMigrations(db.sql, [edited]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/edited after it was applied/);
  });

  it("refuses a database that has migrations this code does not know", async () => {
    db = await createEmptyDatabase();
    await applyMigrations(db.sql, [migration("0001_a", `SELECT 1;`), migration("0002_b", `SELECT 1;`)]);
    await expect(applyMigrations(db.sql, [migration("0001_a", `SELECT 1;`)])).rejects.toThrow(/does not know \(0002_b\)/);
  });
});
