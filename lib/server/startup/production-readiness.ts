import type { PrismaClient } from "@/lib/db/prisma";
import { authSecretProblem } from "@/lib/domain/runtime-mode";
import { verifyPassword } from "@/lib/server/auth/password";

/**
 * What stops the server from running in production mode (docs/security.md AU-05, LG-04, SO-03).
 * Run inside the server at start-up (instrumentation.ts `register`) and by `npm start`, so a plain
 * `next start` or a container entrypoint cannot skip it. Each problem is one sentence for the log.
 */
export interface DemoCredentials {
  /** The published password of the demo accounts. */
  password: string;
  /** The demo accounts' e-mail domain (`…@ses.example`). */
  emailDomain: string;
}

export interface ReadinessInput {
  authSecret: string | undefined;
  /** "postgres" checks the database role; PGlite has a single role (docs/decisions/0021-data-protection-and-least-privilege.md). */
  databaseKind: "postgres" | "pglite";
  demo: DemoCredentials;
}

export async function productionProblems(prisma: PrismaClient, input: ReadinessInput): Promise<string[]> {
  const problems: string[] = [];
  const secret = authSecretProblem(input.authSecret);
  if (secret) problems.push(secret);
  try {
    problems.push(...(await demoAccountProblems(prisma, input.demo)));
    if (input.databaseKind === "postgres") problems.push(...(await databaseRoleProblems(prisma)));
  } catch (error) {
    // A database the checks cannot read (not migrated, unreachable) is itself a reason to refuse.
    problems.push(`The database checks could not run: ${(error as Error).message.trim().split("\n").at(-1)}`);
  }
  return problems;
}

/**
 * How many distinct password hashes the start-up check verifies at most (argon2id, about 50 ms
 * each on a busy core): start-up stays short whatever the number of accounts.
 */
export const DEMO_PASSWORD_CHECK_LIMIT = 25;

/**
 * The hashes worth checking for the published demo password, cheapest first: each distinct hash
 * once (the seed gives every demo account one hash, so a copied demo account shares it); hashes
 * held by several accounts first, then the most recently set; at most DEMO_PASSWORD_CHECK_LIMIT.
 * Bounded without weakening AU-05: the password policy refuses the demo password to anyone choosing
 * one (lib/domain/demo-password.ts), so an account can hold it only by a copied hash or a write
 * outside the app, both of which this order puts first or near.
 */
export async function demoPasswordCandidates(prisma: PrismaClient): Promise<{ passwordHash: string; accounts: number }[]> {
  const groups = await prisma.user.groupBy({
    by: ["passwordHash"],
    where: { active: true, isDemo: false },
    _count: { _all: true },
    _max: { passwordChangedAt: true },
    orderBy: [{ _count: { passwordHash: "desc" } }, { _max: { passwordChangedAt: "desc" } }],
    take: DEMO_PASSWORD_CHECK_LIMIT,
  });
  return groups.map((group) => ({ passwordHash: group.passwordHash, accounts: group._count._all }));
}

/** AU-05: no seeded account, none on the demo domain, and no active account with the published demo password. */
async function demoAccountProblems(prisma: PrismaClient, demo: DemoCredentials): Promise<string[]> {
  const problems: string[] = [];
  const flagged = await prisma.user.count({ where: { OR: [{ isDemo: true }, { email: { endsWith: `@${demo.emailDomain}`, mode: "insensitive" } }] } });
  if (flagged > 0) problems.push(`${flagged} demo account(s) exist in this database; remove them before running in production mode.`);
  const candidates = await demoPasswordCandidates(prisma);
  let withDemoPassword = 0;
  // argon2 verification runs on libuv's thread pool: a few at a time keeps start-up short.
  for (let index = 0; index < candidates.length; index += 4) {
    const batch = candidates.slice(index, index + 4);
    const matches = await Promise.all(batch.map((candidate) => verifyPassword(candidate.passwordHash, demo.password)));
    batch.forEach((candidate, position) => {
      if (matches[position]) withDemoPassword += candidate.accounts;
    });
  }
  if (withDemoPassword > 0) problems.push(`${withDemoPassword} active account(s) use the published demo password; reset them before running in production mode.`);
  return problems;
}

/**
 * LG-04, SO-03: the server's own database role must not be a superuser nor own the audit table
 * (an owner can disable its append-only trigger). Migrations run as the owner; the server connects
 * with DATABASE_APP_URL.
 */
async function databaseRoleProblems(prisma: PrismaClient): Promise<string[]> {
  const [role] = await prisma.$queryRaw<{ name: string; superuser: boolean; owns_audit: boolean }[]>`
    SELECT current_user AS name,
           r.rolsuper AS superuser,
           COALESCE((SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c
                     WHERE c.oid = to_regclass('public."AuditEvent"')), false) AS owns_audit
    FROM pg_roles r WHERE r.rolname = current_user`;
  if (!role) return ["Could not read the database role the server connects as."];
  if (role.superuser || role.owns_audit) {
    return [
      `The server connects to PostgreSQL as "${role.name}", which ${role.superuser ? "is a superuser" : "owns the audit table"}; set DATABASE_APP_URL to the least-privilege app role (docs/decisions/0021-data-protection-and-least-privilege.md).`,
    ];
  }
  return [];
}
