import type { Prisma, PrismaClient } from "@/lib/db/prisma";

/**
 * Login throttling with counters in PostgreSQL, shared by every app instance (docs/security.md AU-02,
 * RL-01, SO-01). At most five password checks per email in 15 minutes: the attempt is counted
 * atomically BEFORE the password is verified, so guesses sent at the same moment cannot slip
 * past the limit; a success clears the count. An IP address gets a wider allowance of failures.
 * Counting by email (not by account) means an unknown email locks exactly like a real one, so
 * the lock reveals nothing about which accounts exist.
 */
export const LOGIN_POLICY = {
  maxAttemptsPerEmail: 5,
  maxFailuresPerIp: 50,
  windowMinutes: 15,
} as const;

export interface ThrottleState {
  locked: boolean;
  lockedUntil: Date | null;
}

type RateLimitWriter = Pick<PrismaClient | Prisma.TransactionClient, "rateLimit" | "$queryRaw">;

export const loginEmailKey = (email: string) => `login:email:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

/** Add one to a counter atomically (a single upsert); returns the count within the window. */
async function increment(db: RateLimitWriter, key: string, limit: number, now: Date): Promise<{ points: number; windowEndsAt: Date }> {
  const windowEnd = new Date(now.getTime() + LOGIN_POLICY.windowMinutes * 60_000);
  const rows = await db.$queryRaw<{ points: number; windowEndsAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "points", "windowEndsAt") VALUES (${key}, 1, ${windowEnd})
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "RateLimit"."windowEndsAt" <= ${now} THEN 1 ELSE "RateLimit"."points" + 1 END,
      "windowEndsAt" = CASE
        WHEN "RateLimit"."windowEndsAt" <= ${now} THEN ${windowEnd}
        WHEN "RateLimit"."points" + 1 = ${limit} THEN ${windowEnd}
        ELSE "RateLimit"."windowEndsAt" END
    RETURNING "points", "windowEndsAt"`;
  return rows[0];
}

/**
 * Claim one password check for this email (and make sure the IP is not over its failure limit).
 * Returns locked when the claim goes over the limit: the password must then not be checked.
 */
export async function claimLoginAttempt(prisma: RateLimitWriter, email: string, ip: string, now: Date): Promise<ThrottleState> {
  if (ip !== "unknown") {
    const byIp = await prisma.rateLimit.findUnique({ where: { key: ipKey(ip) } });
    if (byIp && byIp.windowEndsAt > now && byIp.points >= LOGIN_POLICY.maxFailuresPerIp) {
      return { locked: true, lockedUntil: byIp.windowEndsAt };
    }
  }
  const byEmail = await increment(prisma, loginEmailKey(email), LOGIN_POLICY.maxAttemptsPerEmail, now);
  if (byEmail.points > LOGIN_POLICY.maxAttemptsPerEmail) return { locked: true, lockedUntil: byEmail.windowEndsAt };
  return { locked: false, lockedUntil: null };
}

/**
 * After a failed check: count it against the IP (without a known client IP — no proxy header —
 * there is no per-IP bucket, rather than one shared bucket anyone could fill to lock everyone
 * out), and say whether this email is now locked (its fifth attempt in the window failed).
 */
export async function recordLoginFailure(prisma: RateLimitWriter, email: string, ip: string, now: Date): Promise<ThrottleState> {
  if (ip !== "unknown") await increment(prisma, ipKey(ip), LOGIN_POLICY.maxFailuresPerIp, now);
  const byEmail = await prisma.rateLimit.findUnique({ where: { key: loginEmailKey(email) } });
  const locked = Boolean(byEmail && byEmail.windowEndsAt > now && byEmail.points >= LOGIN_POLICY.maxAttemptsPerEmail);
  return { locked, lockedUntil: locked ? byEmail!.windowEndsAt : null };
}

export async function clearLoginFailures(prisma: RateLimitWriter, email: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: loginEmailKey(email) } });
}
