import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlExecutor } from "./sql-executor";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, each in its own transaction, and
 * records them in `_prisma_migrations` exactly as Prisma Migrate does (same table, same sha256
 * checksum of the file), so `prisma migrate deploy` run elsewhere sees the same history.
 * Why our own runner: docs/decisions/0002-hand-written-migrations.md.
 */

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// The table Prisma Migrate creates (prisma-engines: migration-connector, postgres flavour).
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

// Prisma Migrate's advisory lock key, so our runner and `prisma migrate deploy` exclude each other.
const ADVISORY_LOCK_KEY = 72707369;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationName: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MigrationError";
  }
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

export async function applyMigrations(
  db: SqlExecutor,
  migrations: MigrationFile[],
  options: { useAdvisoryLock?: boolean } = {},
): Promise<MigrationResult> {
  await db.exec(CREATE_MIGRATIONS_TABLE);
  if (options.useAdvisoryLock) await db.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
  try {
    const rows = await db.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const applied = new Map(
      rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row]),
    );
    const result: MigrationResult = { applied: [], alreadyApplied: [] };

    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous) {
        if (previous.finished_at === null) {
          throw new MigrationError(
            `Migration ${migration.name} was started but never finished (a failed \`prisma migrate deploy\`?). ` +
              `Fix the database by hand, then mark it rolled back before retrying.`,
            migration.name,
          );
        }
        if (previous.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was edited after it was applied (checksum mismatch). ` +
              `Never edit a landed migration: add a new one.`,
            migration.name,
          );
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      try {
        // One transaction per migration: a bad statement leaves the database exactly as it was.
        await db.transaction(async (tx) => {
          await tx.exec(migration.sql);
          await tx.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, NULL, now(), 1)`,
            [randomUUID(), migration.checksum, migration.name],
          );
        });
      } catch (cause) {
        const detail = cause instanceof Error ? cause.message : String(cause);
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${detail}`, migration.name, {
          cause,
        });
      }
      result.applied.push(migration.name);
    }
    const known = new Set(migrations.map((migration) => migration.name));
    const unknown = [...applied.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new MigrationError(
        `The database has migrations this code does not know (${unknown.join(", ")}): is this an older checkout?`,
        unknown[0],
      );
    }
    return result;
  } finally {
    if (options.useAdvisoryLock) await db.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`);
  }
}
