import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/lib/db/migrate-database";

/**
 * With DATABASE_URL (CI: the PostgreSQL service), migrate one template database per run; each
 * test file then gets its own copy (CREATE DATABASE … TEMPLATE), so files never see each other's
 * data. Without DATABASE_URL, tests use in-memory PGlite instead (support/test-database.ts).
 * With DATABASE_APP_URL as well (CI), migrating also creates and grants the least-privilege app
 * role, and each file's Prisma client connects as it, as the server does in production
 * (docs/security.md LG-04, SO-03). Creating and dropping databases stays with the owner.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide("testTemplateDatabase", "");
    project.provide("testDatabasePrefix", "");
    return;
  }
  // Names carry this run's pid, so teardown drops only this run's databases, never a parallel run's.
  const prefix = `ses_it_${process.pid}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  await migrateDatabase({ kind: "postgres", url: templateUrl.toString() });
  project.provide("testTemplateDatabase", template);
  project.provide("testDatabasePrefix", prefix);

  return async () => {
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    const leftovers = await cleanup.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${prefix}\\_%`],
    );
    for (const { datname } of leftovers.rows) await cleanup.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await cleanup.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testTemplateDatabase: string;
    testDatabasePrefix: string;
  }
}
