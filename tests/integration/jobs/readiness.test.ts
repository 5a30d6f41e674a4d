import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReadiness } from "@/lib/server/health/check-readiness";
import { beat, forgetWorker } from "@/lib/server/jobs/worker-heartbeat";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/** /readyz (docs/security.md SO-07): database reachable, migrations applied, a worker alive. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe("readiness (SO-07)", () => {
  // On PGlite too: the embedded database has the job queue and the server's worker beats (docs/decisions/0025-jobs-on-the-embedded-database.md).
  it("is not ready without a recent worker heartbeat, and ready with one", async () => {
    const without = await checkReadiness(db.prisma);
    expect(without).toEqual({ ready: false, checks: { database: "ok", migrations: "ok", worker: "no worker heartbeat" } });
    await beat(db.prisma, "pool-readiness-test");
    expect(await checkReadiness(db.prisma)).toEqual({ ready: true, checks: { database: "ok", migrations: "ok", worker: "ok" } });
    await db.prisma.$executeRaw`UPDATE "WorkerHeartbeat" SET "beatAt" = now() - interval '5 minutes'`;
    const stale = await checkReadiness(db.prisma);
    expect(stale.ready).toBe(false);
    expect(stale.checks.worker).toMatch(/^last heartbeat 30\d s ago$/);
    await forgetWorker(db.prisma, "pool-readiness-test");
  });

  it("is not ready while a migration of this checkout is unapplied", async () => {
    await beat(db.prisma, "pool-readiness-test-2");
    const [last] = await db.prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    // Only the owner writes the migrations table (docs/security.md LG-04): mark it as the runner would.
    if (db.url) {
      const owner = new pg.Client({ connectionString: db.url });
      await owner.connect();
      await owner.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [last.id]);
      await owner.end();
    } else {
      await db.prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = ${last.id}`;
    }
    const readiness = await checkReadiness(db.prisma);
    expect(readiness.ready).toBe(false);
    expect(readiness.checks.migrations).toBe("1 pending");
  });
});
