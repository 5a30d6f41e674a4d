import { Logger, runMigrations } from "graphile-worker";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { appRoleFromEnv, provisionAppRole, type AppRole } from "./app-role";
import { applyMigrations, readMigrations, type MigrationResult } from "./migrate";
import { openPglite } from "./open";
import { pglitePool } from "./pglite-pool";
import { pgClientExecutor, pgliteExecutor } from "./sql-executor";
import { resolveDatabaseTarget, type DatabaseTarget } from "./target";

/**
 * Apply every pending migration to the target (transaction per migration). On PostgreSQL, then
 * create (where this connection may) and grant the least-privilege role the server connects as,
 * named by DATABASE_APP_URL (lib/db/app-role.ts; docs/security.md LG-04, SO-03).
 */
export async function migrateDatabase(
  target: DatabaseTarget = resolveDatabaseTarget(),
  options: { appRole?: AppRole | null } = {},
): Promise<MigrationResult> {
  const migrations = await readMigrations();
  if (target.kind === "pglite") {
    const pglite = await openPglite(target.dataDir);
    const result = await applyMigrations(pgliteExecutor(pglite), migrations);
    await migrateJobQueueOnPglite(pglite);
    return result;
  }
  // Migrations use a direct connection, never a PgBouncer pool (docs/security.md SO-04).
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  let result: MigrationResult;
  try {
    const sql = pgClientExecutor(client);
    result = await applyMigrations(sql, migrations, { useAdvisoryLock: true });
    // The job queue's own schema before the app role's grants, which cover it too.
    await migrateJobQueue(target.url);
    const appRole = options.appRole === undefined ? appRoleFromEnv() : options.appRole;
    if (appRole) await provisionAppRole(sql, appRole);
  } finally {
    await client.end();
  }
  return result;
}

const quietLogger = new Logger(() => () => {});

/**
 * graphile-worker's own schema ("graphile_worker"), migrated by the library with its own lock, so
 * a use-case can queue a job inside its transaction before any worker has started
 * (docs/decisions/0022-background-jobs.md).
 */
export async function migrateJobQueue(url: string): Promise<void> {
  await runMigrations({ connectionString: url, logger: quietLogger });
}

/**
 * The same schema on the embedded database, through the pool over its one PGlite instance: the
 * server runs the worker in-process there (docs/decisions/0025-jobs-on-the-embedded-database.md).
 */
export async function migrateJobQueueOnPglite(pglite: PGlite): Promise<void> {
  await runMigrations({ pgPool: pglitePool(pglite), logger: quietLogger });
}

