import { readdir } from "node:fs/promises";
import path from "node:path";
import { getPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { jobQueueAvailable } from "../jobs/enqueue-job";
import { HEARTBEAT_STALE_MS, secondsSinceLatestHeartbeat } from "../jobs/worker-heartbeat";

export interface Readiness {
  ready: boolean;
  /** Each check by name: "ok", or a short reason. No personal data, no connection details. */
  checks: { database: string; migrations: string; worker: string };
}

let expectedMigrations: Promise<string[]> | undefined;

/** The migration folders this checkout ships (read once per process). */
function migrationsInCheckout(): Promise<string[]> {
  expectedMigrations ??= readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }).then((entries) =>
    entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
  );
  return expectedMigrations;
}

/**
 * /readyz (docs/security.md SO-07; docs/decisions/0022-background-jobs.md): the database answers,
 * every migration in this checkout is applied, and a worker's heartbeat is recent (on the embedded
 * database, the server's own worker). Three small queries; no session needed, nothing personal returned.
 */
export async function checkReadiness(db?: PrismaClient): Promise<Readiness> {
  const checks = { database: "not checked", migrations: "not checked", worker: "not checked" };
  try {
    const prisma = db ?? (await getPrisma());
    await prisma.$queryRaw`SELECT 1`;
    checks.database = "ok";
    const applied = new Set(
      (await prisma.$queryRaw<{ name: string }[]>`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).map((row) => row.name),
    );
    const missing = (await migrationsInCheckout()).filter((name) => !applied.has(name));
    checks.migrations = missing.length === 0 ? "ok" : `${missing.length} pending`;
    // Both databases have the job queue (the embedded one since docs/decisions/0025-jobs-on-the-embedded-database.md).
    if (!(await jobQueueAvailable(prisma))) {
      checks.worker = "no job queue";
    } else {
      const age = await secondsSinceLatestHeartbeat(prisma);
      checks.worker = age === null ? "no worker heartbeat" : age * 1000 <= HEARTBEAT_STALE_MS ? "ok" : `last heartbeat ${Math.round(age)} s ago`;
    }
  } catch {
    if (checks.database !== "ok") checks.database = "unreachable";
  }
  return { ready: checks.database === "ok" && checks.migrations === "ok" && checks.worker === "ok", checks };
}
