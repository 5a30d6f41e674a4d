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
  try {
    const sql = pgClientExecutor(client);
    const result = await applyMigrations(sql, migrations, { useAdvisoryLock: true });
    const appRole = options.appRole === undefined ? appRoleFromEnv() : options.appRole;
    if (appRole) await provisionAppRole(sql, appRole);
    return result;
  } finally {
    await client.end();
  }
}

