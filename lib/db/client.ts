import "server-only";
import { openDatabase, type Database } from "./open";
import type { PrismaClient } from "./prisma";

// One database handle per server process (kept on globalThis so `next dev` reloads reuse it).
const holder = globalThis as typeof globalThis & { __sesDatabase?: Promise<Database> };

export async function getPrisma(): Promise<PrismaClient> {
  holder.__sesDatabase ??= openDatabase();
  return (await holder.__sesDatabase).prisma;
}
