import { randomUUID } from "node:crypto";
import { hashPassword } from "../../../lib/server/auth/password";
import type { Role } from "../../../lib/domain/permissions";
import { Prisma, type PrismaClient } from "../../../lib/db/prisma";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { UseCaseError, type UseCaseErrorCode } from "../../../lib/server/use-case-error";

/**
 * Rows for the auth, admin and security integration tests, inserted directly with Prisma into a
 * real database (createTestDatabase). Every helper makes unique names and emails, so tests in one
 * file can share a database without seeing each other's rows.
 */

export type Nation = "england_and_wales" | "scotland" | "northern_ireland";

const unique = () => randomUUID().slice(0, 8);

export async function createOrganisation(prisma: PrismaClient, name = `Provider ${unique()}`) {
  return prisma.organisation.create({ data: { name } });
}

export async function createSiteRow(
  prisma: PrismaClient,
  organisationId: string,
  fields: { name?: string; nation?: Nation; address?: string | null; capacity?: number | null } = {},
) {
  return prisma.site.create({
    data: {
      organisationId,
      name: fields.name ?? `Site ${unique()}`,
      nation: fields.nation ?? "england_and_wales",
      address: fields.address ?? null,
      capacity: fields.capacity ?? null,
    },
  });
}

export interface UserFixture {
  organisationId: string;
  roles?: Role[];
  email?: string;
  name?: string;
  password?: string;
  /** a ready-made hash instead of hashing `password` (e.g. an old-format hash) */
  passwordHash?: string;
  active?: boolean;
  siteId?: string | null;
}

export const DEFAULT_PASSWORD = "Quartz-Meadow-Lantern-7481";

export async function createUserRow(prisma: PrismaClient, fixture: UserFixture) {
  const id = unique();
  return prisma.user.create({
    data: {
      organisationId: fixture.organisationId,
      siteId: fixture.siteId ?? null,
      email: (fixture.email ?? `user-${id}@provider.example`).toLowerCase(),
      name: fixture.name ?? `Test User ${id}`,
      roles: fixture.roles ?? ["caseworker"],
      passwordHash: fixture.passwordHash ?? (await hashPassword(fixture.password ?? DEFAULT_PASSWORD)),
      active: fixture.active ?? true,
    },
  });
}

/** The actor a use-case receives from the session (lib/server/assert-can.ts). */
export function actorFor(user: { id: string; roles: string[]; organisationId: string }): UseCaseActor {
  return {
    id: user.id,
    roles: user.roles as Role[],
    organisationId: user.organisationId,
    ip: "203.0.113.10",
    userAgent: "Vitest integration (fixtures)",
  };
}

/** One organisation with an administrator and a site, the usual starting point for admin tests. */
export async function createOrganisationWithAdministrator(prisma: PrismaClient) {
  const organisation = await createOrganisation(prisma);
  const site = await createSiteRow(prisma, organisation.id);
  const administrator = await createUserRow(prisma, { organisationId: organisation.id, roles: ["administrator"] });
  return { organisation, site, administrator, actor: actorFor(administrator) };
}

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

/** Awaits a use-case that must fail with a UseCaseError of this code, and returns the error. */
export async function expectUseCaseError(promise: Promise<unknown>, code: UseCaseErrorCode): Promise<UseCaseError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof UseCaseError)) {
    throw new Error(`expected a UseCaseError ${code}, got ${outcome === undefined ? "success" : String(outcome)}`);
  }
  if (outcome.code !== code) throw new Error(`expected a UseCaseError ${code}, got ${outcome.code}: ${outcome.message}`);
  return outcome;
}
