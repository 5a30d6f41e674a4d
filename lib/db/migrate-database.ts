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
  try {
    return await applyMigrations(pgClientExecutor(client), migrations, { useAdvisoryLock: true });
  } finally {
    await client.end();
  }
}

