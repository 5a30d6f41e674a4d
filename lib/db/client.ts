import "server-only";
import { openDatabase, type Database } from "./open";
import type { PrismaClient } from "./prisma";
import { resolveAppDatabaseTarget } from "./target";

// One database handle per server process (kept on globalThis so `next dev` reloads reuse it).
const holder = globalThis as typeof globalThis & { __sesDatabase?: Promise<Database> };

export async function getPrisma(): Promise<PrismaClient> {
  // The server connects as the least-privilege app role when one is configured (docs/security.md LG-04).
  holder.__sesDatabase ??= openDatabase(resolveAppDatabaseTarget());
  return (await holder.__sesDatabase).prisma;
}
