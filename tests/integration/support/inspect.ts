import { Prisma, type PrismaClient } from "@/lib/db/prisma";

/** Reading the database back in the integration tests: counts, audit rows, text anywhere. */

export interface RowCounts {
  organisations: number;
  sites: number;
  users: number;
  auditEvents: number;
  rateLimits: number;
}

export async function rowCounts(prisma: PrismaClient): Promise<RowCounts> {
  const [organisations, sites, users, auditEvents, rateLimits] = await Promise.all([
    prisma.organisation.count(),
    prisma.site.count(),
    prisma.user.count(),
    prisma.auditEvent.count(),
    prisma.rateLimit.count(),
  ]);
  return { organisations, sites, users, auditEvents, rateLimits };
}

/** Audit rows about one entity (or with one action), oldest first. */
export async function auditRowsFor(prisma: PrismaClient, where: { entityId?: string; action?: string; actorId?: string }) {
  return prisma.auditEvent.findMany({ where, orderBy: { id: "asc" } });
}

/** Every table in the public schema (for "this text appears nowhere in the database" checks). */
export async function publicTables(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  return rows.map((row) => row.table_name);
}

/**
 * Rows, in any table, whose text (every column, JSON included) contains `needle`. Uses
 * row_to_json so no column is missed; the table name comes from the catalogue, the needle is a
 * bound parameter.
 */
export async function rowsContaining(prisma: PrismaClient, table: string, needle: string): Promise<string[]> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(table)) throw new Error(`unexpected table name ${table}`);
  const rows = await prisma.$queryRaw<{ row: string }[]>(
    Prisma.sql`SELECT row_to_json(t)::text AS "row" FROM ${Prisma.raw(`"${table}"`)} t WHERE strpos(row_to_json(t)::text, ${needle}) > 0`,
  );
  return rows.map((row) => row.row);
}
