import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { inject } from "vitest";
import { appRoleFromEnv } from "@/lib/db/app-role";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { migrateJobQueueOnPglite } from "@/lib/db/migrate-database";
import { postgresAdapter } from "@/lib/db/postgres-adapter";
import { PrismaClient } from "@/lib/db/prisma";
import { pgliteExecutor } from "@/lib/db/sql-executor";

export interface TestDatabase {
  prisma: PrismaClient;
  kind: "postgres" | "pglite";
  /** For PostgreSQL: the database URL as the owner (e.g. to run raw SQL as another client). */
  url?: string;
  /**
   * For PostgreSQL with DATABASE_APP_URL set (as CI runs): the least-privilege role `prisma`
   * connects as, like the server in production (docs/security.md LG-04, SO-03). Unset: the owner.
   */
  appRole?: string;
  /** For PGlite: the instance (e.g. to run raw SQL through pgliteExecutor). */
  pglite?: PGlite;
  close(): Promise<void>;
}

// PGlite: migrate once per worker, then clone the migrated instance for each test database.
let migratedPglite: Promise<PGlite> | undefined;

async function freshPglite(): Promise<PGlite> {
  migratedPglite ??= (async () => {
    const base = await PGlite.create("memory://");
    await applyMigrations(pgliteExecutor(base), await readMigrations());
    // The job queue's schema too, as `npm start` migrates the embedded database (docs/decisions/0025-jobs-on-the-embedded-database.md).
    await migrateJobQueueOnPglite(base);
    return base;
  })();
  return (await (await migratedPglite).clone()) as PGlite;
}

/**
 * A fresh, fully migrated database — a real PostgreSQL database when DATABASE_URL is set,
 * otherwise embedded PGlite. Never a mock.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("testTemplateDatabase");
  const url = process.env.DATABASE_URL;
  if (!url || !template) {
    const pglite = await freshPglite();
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      kind: "pglite",
      pglite,
      async close() {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  const name = `${inject("testDatabasePrefix")}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  // The template was granted to the app role when it was migrated (global-setup.ts), and a copy keeps those grants.
  const appRole = appRoleFromEnv();
  const clientUrl = new URL(databaseUrl);
  if (appRole) {
    clientUrl.username = encodeURIComponent(appRole.name);
    clientUrl.password = appRole.password ? encodeURIComponent(appRole.password) : "";
  }
  const prisma = new PrismaClient({ adapter: postgresAdapter(clientUrl.toString(), 4) });
  return {
    prisma,
    kind: "postgres",
    url: databaseUrl.toString(),
    appRole: appRole?.name,
    async close() {
      await prisma.$disconnect();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export interface EmptyDatabase {
  sql: import("@/lib/db/sql-executor").SqlExecutor;
  close(): Promise<void>;
}

/** A database with nothing in it (not even migrations), for testing the migration runner. */
export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pglite = await PGlite.create("memory://");
    return { sql: pgliteExecutor(pglite), close: () => pglite.close() };
  }
  const { pgClientExecutor } = await import("@/lib/db/sql-executor");
  const name = `${inject("testDatabasePrefix") || "ses_it"}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: databaseUrl.toString() });
  await client.connect();
  return {
    sql: pgClientExecutor(client),
    async close() {
      await client.end();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
