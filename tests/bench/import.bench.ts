/**
 * Benchmark: bulk import and reconciliation (docs/decisions/0023-bulk-import-and-expected-referrals.md).
 * Targets: a 10,000-row PRaP referral CSV — preview < 3 s, commit < 5 s; 50,000 rows (upload and
 * preview) within 400 MB; reconciliation of a 10,000-row monthly spreadsheet against the
 * 100,000-case volume database < 5 s. Files are generated deterministically.
 *
 * The import runs on its own database (ses_bench_import, dropped and rebuilt each run, so the
 * volume database keeps exactly its seeded cases); the reconciliation reads the volume database and
 * removes the import and reconciliation it saved afterwards (their audit rows stay: append-only).
 *
 * Run alone: BENCH_ONLY=imports npm run bench (seeds the volume database once if needed), or
 * npx tsx tests/bench/import.bench.ts after tests/bench/volume-database.ts. Set
 * BENCH_IMPORT_DATABASE_URL (and DATABASE_URL for the volume database) to keep the bench's
 * databases apart from anyone else's on a shared server.
 *
 * Deterministic: row i of every generated file is a function of i alone (no random, no clock),
 * and the monthly spreadsheet is built from the volume cases in reference order.
 */
import pg from "pg";
import { migrateDatabase } from "../../lib/db/migrate-database";
import { openDatabase } from "../../lib/db/open";
import type { PrismaClient } from "../../lib/db/prisma";
import { seedReferenceData } from "../../lib/seed/seed-demo";
import type { UseCaseActor } from "../../lib/server/assert-can";
import { confirmImportMapping } from "../../lib/server/imports/confirm-import-mapping";
import { commitImportJob } from "../../lib/server/imports/commit-import-job";
import { commitImport, continueImport } from "../../lib/server/imports/continue-import";
import { getImportPage } from "../../lib/server/imports/get-import-page";
import { startImport } from "../../lib/server/imports/start-import";
import { measureUploadMemory } from "./import-memory";
import { isMainModule } from "./main-module";
import { verdict } from "./stats";
import { benchDatabaseUrl, ensureDatabaseExists } from "./volume-database";
import { VOLUME_ORGANISATION_ID, VOLUME_USERS, volumeUserId } from "./volume-seed";

const IMPORT_DATABASE_URL = process.env.BENCH_IMPORT_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/ses_bench_import";
const NOW = new Date("2026-12-03T12:00:00Z");
const HEADERS =
  "Purchase order,Referral ID,Provision ID,Referral date,Forename,Surname,Date of birth,NINO,Address line 1,Town,Postcode,Work coach or DEA,Work coach name,Work coach phone,Work coach email";

/** A deterministic date of birth for row i, as UK text. */
function birthOf(i: number): string {
  return `${1 + (i % 28)}/${1 + (i % 12)}/${1960 + (i % 40)}`;
}

/** Row i of a deterministic PRaP file: unique purchase order, referral ID and NINO. */
export function prapCsv(rows: number, offset = 0): Uint8Array {
  const lines = [HEADERS];
  for (let i = offset; i < offset + rows; i += 1) {
    const n = String(i).padStart(6, "0");
    lines.push(
      `2${String(i).padStart(8, "0")},BENCH-${n},PROV-1,${1 + (i % 20)}/11/2026,Bench,Person${n},${birthOf(i)},JB${n}A,${i} High Street,Leeds,LS1 1AA,Work Coach,Sam Coach,0113 496 0000,sam.coach@dwp.example`,
    );
  }
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

async function freshImportDatabase(): Promise<{ prisma: PrismaClient; close(): Promise<void> }> {
  const target = new URL(IMPORT_DATABASE_URL);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(IMPORT_DATABASE_URL);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
  await ensureDatabaseExists(IMPORT_DATABASE_URL);
  await migrateDatabase({ kind: "postgres", url: IMPORT_DATABASE_URL });
  return openDatabase({ kind: "postgres", url: IMPORT_DATABASE_URL });
}

async function importActor(prisma: PrismaClient): Promise<{ actor: UseCaseActor; siteId: string }> {
  await seedReferenceData(prisma);
  const organisation = await prisma.organisation.create({ data: { name: "Import bench provider" } });
  const site = await prisma.site.create({ data: { organisationId: organisation.id, name: "Leeds", nation: "england_and_wales" } });
  const user = await prisma.user.create({
    data: { organisationId: organisation.id, siteId: site.id, email: "import.bench@bench.ses.example", name: "Import Bench", passwordHash: "x", roles: ["caseworker"] },
  });
  return { actor: { id: user.id, roles: ["caseworker"], organisationId: organisation.id }, siteId: site.id };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

function line(label: string, ms: number, targetMs: number): void {
  console.log(`  ${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s   target < ${targetMs / 1000} s   ${verdict(ms < targetMs)}`);
}

export async function uploadAndPreview(prisma: PrismaClient, actor: UseCaseActor, siteId: string, bytes: Uint8Array, kind: "prap" | "monthly" = "prap") {
  const { importId } = await startImport(prisma, actor, { kind, siteId, fileName: "bench.csv", bytes });
  const page = await getImportPage(prisma, actor, importId);
  const confirmed = await confirmImportMapping(prisma, actor, { importId, version: page.version, mapping: page.mapping, saveAs: null }, NOW);
  return { importId, reconciliationId: confirmed.reconciliationId };
}

export async function benchImport(): Promise<void> {
  console.log("bulk import (docs/decisions/0023-bulk-import-and-expected-referrals.md):");
  // BENCH_IMPORT_PARTS=reconcile runs only the reconciliation; BENCH_IMPORT_PARTS=commit only the
  // 10,000-row upload, preview and commit (no 50,000-row file, no reconciliation);
  // BENCH_IMPORT_PARTS=files the 10,000-row file and the 50,000-row memory (no reconciliation, so
  // no volume database is read).
  const parts = process.env.BENCH_IMPORT_PARTS;
  if (parts !== "reconcile") await benchImportFiles({ memory: parts !== "commit" });
  if (parts !== "commit" && parts !== "files") await benchReconciliation();
}

async function benchImportFiles(options: { memory: boolean }): Promise<void> {
  const db = await freshImportDatabase();
  try {
    const { actor, siteId } = await importActor(db.prisma);
    const preview = await timed(() => uploadAndPreview(db.prisma, actor, siteId, prapCsv(10_000)));
    line("10,000-row PRaP CSV: upload and preview", preview.ms, 3_000);
    const importId = preview.value.importId;
    // BENCH_IMPORT_SKIP_COMMIT=1 leaves the commit out (to time the upload and preview alone).
    const skipCommit = process.env.BENCH_IMPORT_SKIP_COMMIT === "1";
    // Over 1,000 rows the commit is the imports:commit job's: run its task here as a worker would.
    const cpuBefore = process.cpuUsage();
    const commit = await timed(async () => {
      if (skipCommit) return;
      const page = await getImportPage(db.prisma, actor, importId);
      const { byJob } = await commitImport(db.prisma, actor, { importId, version: page.version });
      if (byJob) await commitImportJob({ importId }, { db: db.prisma, now: () => NOW, mailer: null, appUrl: "http://localhost", job: { id: "bench", key: null, attempts: 1 } });
      else for (;;) if ((await continueImport(db.prisma, importId, NOW)).done) break;
    });
    if (!skipCommit) {
      line("10,000-row PRaP CSV: commit (10,000 cases)", commit.ms, 5_000);
      // The bench process's own CPU time in the commit: less sensitive than the wall time to a busy machine (the database's share is not in it).
      const cpu = process.cpuUsage(cpuBefore);
      console.log(`  ${"  of which this process's CPU time".padEnd(44)} ${((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(7)} s`);
    }
    if (!options.memory) return;

    // In a process of its own: the server's memory while it handles the upload and the preview (import-memory.ts).
    const memory = measureUploadMemory({ url: IMPORT_DATABASE_URL, actor, siteId, rows: 50_000, offset: 100_000 });
    console.log(
      `  ${"50,000-row PRaP CSV: peak memory (RSS)".padEnd(44)} ${memory.peakMb.toFixed(0).padStart(7)} MB  target < 400 MB   ${verdict(memory.peakMb < 400)}   (at rest ${memory.atRestMb.toFixed(0)} MB)`,
    );
  } finally {
    await db.close();
  }
}

async function benchReconciliation(): Promise<void> {
  await migrateDatabase({ kind: "postgres", url: benchDatabaseUrl() });
  const volume = await openDatabase({ kind: "postgres", url: benchDatabaseUrl() });
  try {
    const manager: UseCaseActor = { id: volumeUserId(VOLUME_USERS.manager), roles: ["manager"], organisationId: VOLUME_ORGANISATION_ID };
    const site = await volume.prisma.site.findFirstOrThrow({ where: { organisationId: VOLUME_ORGANISATION_ID }, orderBy: { name: "asc" } });
    // 10,000 rows from the volume cases, every 10th by NINO: some with a shifted date, some unknown.
    const cases = await volume.prisma.case.findMany({
      where: { organisationId: VOLUME_ORGANISATION_ID, route: { in: ["prap_two_stage", "prap_single"] }, restrictionTier: "none" },
      orderBy: { reference: "asc" },
      take: 100_000,
      select: { referralDate: true, claimant: { select: { nino: true, forename: true, surname: true } } },
    });
    const rows = ["NINO,Forename,Surname,Date of birth,Referral date,Site"];
    for (let i = 0; i < 10_000; i += 1) {
      const picked = cases[(i * 10) % cases.length];
      const date = picked.referralDate ? picked.referralDate.toISOString().slice(0, 10).split("-").reverse().join("/") : "";
      // Every 50th row unknown; every 25th without its NINO, so it goes on to name + date of birth.
      const nino = i % 25 === 0 ? "" : (picked.claimant.nino ?? "");
      rows.push(
        i % 50 === 0
          ? `ZZ${String(i).padStart(6, "0")}A,Un,Known${i},${birthOf(i)},${date},${site.name}`
          : `${nino},${picked.claimant.forename},${picked.claimant.surname},${birthOf(i)},${date},${site.name}`,
      );
    }
    const reconcile = await timed(() => uploadAndPreview(volume.prisma, manager, site.id, new TextEncoder().encode(rows.join("\n")), "monthly"));
    line(`reconciliation: 10,000 rows vs ${cases.length.toLocaleString("en-GB")} cases`, reconcile.ms, 5_000);
    await volume.prisma.reconciliation.deleteMany({ where: { importId: reconcile.value.importId } });
    await volume.prisma.referralImport.delete({ where: { id: reconcile.value.importId } });
  } finally {
    await volume.close();
  }
}

if (isMainModule(import.meta.url)) {
  benchImport().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
