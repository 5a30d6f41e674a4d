/**
 * The bench database: PostgreSQL `ses_bench` on the local server (DATABASE_URL overrides),
 * created if missing, migrated with the project's runner, then loaded with the volume seed
 * (tests/bench/volume-seed.ts) unless the same seed is already there.
 *
 * Run alone: npx tsx tests/bench/volume-database.ts
 */
import pg from "pg";
import { migrateDatabase } from "../../lib/db/migrate-database";
import { openDatabase } from "../../lib/db/open";
import { seedVolume, volumeUserId, type VolumeSeedSummary } from "./volume-seed";
import { pgClientExecutor } from "../../lib/db/sql-executor";
import { describeTarget } from "../../lib/db/target";
import { isMainModule } from "./main-module";

export const DEFAULT_BENCH_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/ses_bench";

export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_BENCH_DATABASE_URL;
}

/** The case the benches open: the caseworker's first open, unrestricted case, soonest deadline first. */
export async function firstOpenCaseOf(caseworkerEmail: string): Promise<string> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  try {
    const result = await client.query<{ id: string }>(
      `SELECT id FROM "Case" WHERE "assignedCaseworkerId" = $1 AND "restrictionTier" = 'none' ORDER BY "nextDeadlineOn" NULLS LAST, reference LIMIT 1`,
      [volumeUserId(caseworkerEmail)],
    );
    if (!result.rows[0]) throw new Error(`no case assigned to ${caseworkerEmail} in the bench database`);
    return result.rows[0].id;
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE if it does not exist (connecting to the server's `postgres` database). */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Bench database name must be a plain identifier, got ${JSON.stringify(name)}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}

export async function prepareVolumeDatabase(url: string = benchDatabaseUrl()): Promise<VolumeSeedSummary> {
  const target = { kind: "postgres" as const, url };
  const created = await ensureDatabaseExists(url);
  const migrations = await migrateDatabase(target);
  console.log(
    `bench database: ${describeTarget(target)}${created ? " (created)" : ""}; migrations ${migrations.applied.length} applied, ${migrations.alreadyApplied.length} already applied`,
  );
  const db = await openDatabase(target);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cases = Number(process.env.BENCH_CASES) || undefined;
    const summary = await seedVolume(db.prisma, pgClientExecutor(client), cases ? { cases } : {});
    const c = summary.counts;
    console.log(
      summary.alreadySeeded
        ? `volume seed v${summary.version}: already loaded (${c.cases.toLocaleString("en-GB")} cases, seed ${summary.prngSeed}, today ${summary.today})`
        : `volume seed v${summary.version}: built in ${(summary.buildMs / 1000).toFixed(1)} s, written and analysed in ${(summary.writeMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `  ${c.cases.toLocaleString("en-GB")} cases (${c.open.toLocaleString("en-GB")} open, ${c.scr} SCR, ${c.mappa} MAPPA), ${c.prapReferrals.toLocaleString("en-GB")} PRaP referrals, ${c.initialAssessments.toLocaleString("en-GB")} Initial Assessments, ${c.claimants.toLocaleString("en-GB")} claimants, ${c.sites} sites, ${c.users} users`,
    );
    return summary;
  } finally {
    await client.end();
    await db.close();
  }
}

if (isMainModule(import.meta.url)) {
  prepareVolumeDatabase().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
