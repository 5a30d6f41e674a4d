import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";
import { applyMigrations, readMigrations, type MigrationResult } from "./migrate";
import { openPglite } from "./open";
import { pgClientExecutor, pgliteExecutor } from "./sql-executor";
import { resolveDatabaseTarget, type DatabaseTarget } from "./target";

/** Apply every pending migration to the target (transaction per migration). */
export async function migrateDatabase(target: DatabaseTarget = resolveDatabaseTarget()): Promise<MigrationResult> {
  const migrations = await readMigrations();
  if (target.kind === "pglite") {
    return applyMigrations(pgliteExecutor(await openPglite(target.dataDir)), migrations);
  }
  // Migrations use a direct connection, never a PgBouncer pool (docs/security.md SO-04).
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  let result: MigrationResult;
  try {
    result = await applyMigrations(pgClientExecutor(client), migrations, { useAdvisoryLock: true });
  } finally {
    await client.end();
  }
  await migrateJobQueue(target.url);
  return result;
}

const quietLogger = new Logger(() => () => {});

/**
 * graphile-worker's own schema ("graphile_worker"), migrated by the library with its own lock, so
 * a use-case can queue a job inside its transaction before any worker has started
 * (docs/decisions/0022-background-jobs.md). PostgreSQL only: the embedded database has no queue.
 */
export async function migrateJobQueue(url: string): Promise<void> {
  await runMigrations({ connectionString: url, logger: quietLogger });
}

