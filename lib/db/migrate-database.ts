import { Logger, runMigrations } from "graphile-worker";
import pg from "pg";
import { appRoleFromEnv, provisionAppRole, type AppRole } from "./app-role";
import { applyMigrations, readMigrations, type MigrationResult } from "./migrate";
import { openPglite } from "./open";
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
    return applyMigrations(pgliteExecutor(await openPglite(target.dataDir)), migrations);
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
 * (docs/decisions/0022-background-jobs.md). PostgreSQL only: the embedded database has no queue.
 */
export async function migrateJobQueue(url: string): Promise<void> {
  await runMigrations({ connectionString: url, logger: quietLogger });
}

