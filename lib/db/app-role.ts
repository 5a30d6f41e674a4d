import type { SqlExecutor } from "./sql-executor";

/**
 * The least-privilege role the server connects as (docs/security.md LG-04, SO-03;
 * docs/decisions/0021-data-protection-and-least-privilege.md). Migrations run as the owner
 * (DATABASE_URL); the server connects with DATABASE_APP_URL. The app role may read and write the
 * business tables, may only SELECT and INSERT the audit table, owns nothing, and so can neither
 * rewrite the audit nor disable its append-only trigger. PostgreSQL only: embedded PGlite has a
 * single role, so there the guarantee rests on the trigger alone.
 */
export interface AppRole {
  name: string;
  /** Used only when the role has to be created. */
  password: string | null;
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The app role named by DATABASE_APP_URL (its user and password), when that is set beside DATABASE_URL. */
export function appRoleFromEnv(env: NodeJS.ProcessEnv = process.env): AppRole | null {
  const appUrl = env.DATABASE_APP_URL?.trim();
  if (!appUrl || !env.DATABASE_URL?.trim()) return null;
  const url = new URL(appUrl);
  const name = decodeURIComponent(url.username);
  if (!ROLE_NAME.test(name)) throw new Error("DATABASE_APP_URL must name a role of lower-case letters, digits and underscores.");
  return { name, password: url.password ? decodeURIComponent(url.password) : null };
}

/**
 * Creates the role when it is missing and this connection has the right to (CREATEROLE), then
 * grants exactly what the server needs on this database. Safe to run after every migration: the
 * grants are re-applied to tables added since. Refuses a role that owns anything here.
 */
export async function provisionAppRole(sql: SqlExecutor, role: AppRole): Promise<{ created: boolean }> {
  if (!ROLE_NAME.test(role.name)) throw new Error(`Not a valid role name: ${role.name}`);
  let created = false;
  const [existing] = await sql.query<{ rolsuper: boolean }>(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [role.name]);
  if (!existing) {
    const [me] = await sql.query<{ allowed: boolean }>(`SELECT (rolsuper OR rolcreaterole) AS allowed FROM pg_roles WHERE rolname = current_user`);
    if (!me?.allowed) {
      throw new Error(`The database role "${role.name}" does not exist and this connection may not create roles: create it as described in docs/decisions/0021-data-protection-and-least-privilege.md.`);
    }
    const [{ statement }] = await sql.query<{ statement: string }>(
      role.password === null ? `SELECT format('CREATE ROLE %I LOGIN', $1::text) AS statement` : `SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS statement`,
      role.password === null ? [role.name] : [role.name, role.password],
    );
    try {
      await sql.exec(statement);
      created = true;
    } catch (error) {
      // Another process created it at the same moment (duplicate_object, or the catalogue's unique index).
      const code = (error as { code?: string }).code;
      if (code !== "42710" && code !== "23505") throw error;
    }
  } else if (existing.rolsuper) {
    throw new Error(`DATABASE_APP_URL names "${role.name}", a superuser: the app role must be an ordinary role.`);
  }
  const [owned] = await sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
      WHERE r.rolname = $1 AND c.relnamespace = 'public'::regnamespace`,
    [role.name],
  );
  if (owned && owned.count > 0) {
    throw new Error(`DATABASE_APP_URL names "${role.name}", which owns tables in this database: the app role must own nothing (use the owner for DATABASE_URL only).`);
  }
  const [{ grants }] = await sql.query<{ grants: string }>(
    `SELECT concat_ws(E';\n',
       format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), $1::text),
       format('GRANT USAGE ON SCHEMA public TO %I', $1::text),
       format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', $1::text),
       format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditEvent" FROM %I', $1::text),
       format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM %I', $1::text),
       -- UPDATE: a reference written as it is moves its sequence on (setval, migration 20261201000000).
       format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', $1::text),
       format('GRANT EXECUTE ON FUNCTION "purge_audit_events"(timestamptz) TO %I', $1::text)
     ) AS grants`,
    [role.name],
  );
  await sql.transaction((tx) => tx.exec(grants));
  // The job queue (docs/decisions/0022-background-jobs.md): the web app queues jobs with
  // graphile_worker.add_job in its own transactions and the administrators' jobs page reads,
  // retries and cancels them, so the app role uses that schema as the library's own functions do.
  const [{ present }] = await sql.query<{ present: boolean }>(`SELECT to_regnamespace('graphile_worker') IS NOT NULL AS present`);
  if (present) {
    const [{ jobGrants }] = await sql.query<{ jobGrants: string }>(
      `SELECT concat_ws(E';\n',
         format('GRANT USAGE ON SCHEMA graphile_worker TO %I', $1::text),
         format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO %I', $1::text),
         format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO %I', $1::text),
         format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO %I', $1::text)
       ) AS "jobGrants"`,
      [role.name],
    );
    await sql.transaction((tx) => tx.exec(jobGrants));
    // graphile-worker turns on row-level security for its private tables with no policy, so only
    // their owner sees rows: give the app role a policy of its own on each (kept by every run).
    const tables = await sql.query<{ table: string }>(
      `SELECT c.relname AS "table" FROM pg_class c
        WHERE c.relnamespace = 'graphile_worker'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
          AND NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'graphile_worker' AND p.tablename = c.relname AND p.policyname = 'ses_app_role')`,
    );
    for (const { table } of tables) {
      const [{ statement }] = await sql.query<{ statement: string }>(
        `SELECT format('CREATE POLICY ses_app_role ON graphile_worker.%I TO %I USING (true) WITH CHECK (true)', $1::text, $2::text) AS statement`,
        [table, role.name],
      );
      await sql.exec(statement);
    }
  }
  return { created };
}
