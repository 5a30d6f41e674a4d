import { mkdir } from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import { postgresAdapter } from "./postgres-adapter";
import { PrismaClient } from "./prisma";
import { resolveDatabaseTarget, type DatabaseTarget } from "./target";

export interface Database {
  prisma: PrismaClient;
  target: DatabaseTarget;
  close(): Promise<void>;
}

// PGlite is single-connection and must not open the same folder twice in one process
// (docs/stack-notes.md): one instance per data folder, shared by the migration runner, the client
// and the in-process job worker. Kept on globalThis: Next.js bundles instrumentation.ts and the
// routes separately, and each bundle has its own copy of this module.
const holder = globalThis as typeof globalThis & { __sesPgliteInstances?: Map<string, Promise<PGlite>> };
const pgliteInstances = (holder.__sesPgliteInstances ??= new Map<string, Promise<PGlite>>());

export function openPglite(dataDir: string): Promise<PGlite> {
  let instance = pgliteInstances.get(dataDir);
  if (!instance) {
    instance = (async () => {
      if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
      // Loaded only for the embedded database: a server on PostgreSQL never needs PGlite's code
      // (about 10 MB resident; docs/decisions/0034-case-page-and-server-memory.md).
      const { PGlite } = await import("@electric-sql/pglite");
      return PGlite.create(dataDir);
    })();
    pgliteInstances.set(dataDir, instance);
  }
  return instance;
}

async function closePglite(dataDir: string): Promise<void> {
  const instance = pgliteInstances.get(dataDir);
  if (!instance) return;
  pgliteInstances.delete(dataDir);
  await (await instance).close();
}

export async function openDatabase(target: DatabaseTarget = resolveDatabaseTarget()): Promise<Database> {
  if (target.kind === "pglite") {
    const pglite = await openPglite(target.dataDir);
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      target,
      async close() {
        await prisma.$disconnect();
        await closePglite(target.dataDir);
      },
    };
  }
  // Pool size per instance: instances × DATABASE_POOL_MAX must stay under max_connections (SO-04).
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  // Under load a request may wait for a pooled connection: queue up to 10 s for one (Prisma's
  // default is 2 s, which failed writes with P2028 in the scale-out test) rather than fail.
  const maxWait = Number(process.env.DATABASE_TRANSACTION_MAX_WAIT_MS ?? 10_000);
  const prisma = new PrismaClient({ adapter: postgresAdapter(target.url, max, { prepare: process.env.DATABASE_PREPARED_STATEMENTS !== "off" }), transactionOptions: { maxWait, timeout: Math.max(5_000, maxWait) } });
  return {
    prisma,
    target,
    close: () => prisma.$disconnect(),
  };
}
