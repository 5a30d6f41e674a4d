import type { PrismaClient } from "@/lib/db/prisma";

/**
 * Login throttling with counters in PostgreSQL, shared by every app instance (security.md AU-02,
 * RL-01, SO-01). Five failures for one email within 15 minutes lock sign-in for that email for
 * 15 minutes; an IP address gets a wider allowance. Counting by email (not by account) means an
 * unknown email locks exactly like a real one, so the lock message reveals nothing.
 */
export const LOGIN_POLICY = {
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 50,
  windowMinutes: 15,
} as const;

export interface ThrottleState {
  locked: boolean;
  lockedUntil: Date | null;
}

const emailKey = (email: string) => `login:email:${email.toLowerCase()}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

async function readCounter(prisma: PrismaClient, key: string, now: Date) {
  const row = await prisma.rateLimit.findUnique({ where: { key } });
  if (!row || row.windowEndsAt <= now) return { points: 0, windowEndsAt: null };
  return { points: row.points, windowEndsAt: row.windowEndsAt };
}

export async function loginThrottleState(prisma: PrismaClient, email: string, ip: string, now: Date): Promise<ThrottleState> {
  const [byEmail, byIp] = await Promise.all([readCounter(prisma, emailKey(email), now), readCounter(prisma, ipKey(ip), now)]);
  if (byEmail.points >= LOGIN_POLICY.maxFailuresPerEmail) return { locked: true, lockedUntil: byEmail.windowEndsAt };
  if (byIp.points >= LOGIN_POLICY.maxFailuresPerIp) return { locked: true, lockedUntil: byIp.windowEndsAt };
  return { locked: false, lockedUntil: null };
}

/** Count one failure atomically (one upsert statement, safe under concurrent requests). */
async function increment(prisma: PrismaClient, key: string, limit: number, now: Date): Promise<{ points: number; windowEndsAt: Date }> {
  const windowEnd = new Date(now.getTime() + LOGIN_POLICY.windowMinutes * 60_000);
  const rows = await prisma.$queryRaw<{ points: number; windowEndsAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "points", "windowEndsAt") VALUES (${key}, 1, ${windowEnd})
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "RateLimit"."windowEndsAt" <= ${now} THEN 1 ELSE "RateLimit"."points" + 1 END,
      "windowEndsAt" = CASE
        WHEN "RateLimit"."windowEndsAt" <= ${now} THEN ${windowEnd}
        WHEN "RateLimit"."points" + 1 >= ${limit} THEN ${windowEnd}
        ELSE "RateLimit"."windowEndsAt" END
    RETURNING "points", "windowEndsAt"`;
  return rows[0];
}

/** Record a failure; returns whether this failure locked the email. */
export async function recordLoginFailure(prisma: PrismaClient, email: string, ip: string, now: Date): Promise<ThrottleState> {
  const [byEmail] = await Promise.all([
    increment(prisma, emailKey(email), LOGIN_POLICY.maxFailuresPerEmail, now),
    increment(prisma, ipKey(ip), LOGIN_POLICY.maxFailuresPerIp, now),
  ]);
  const locked = byEmail.points >= LOGIN_POLICY.maxFailuresPerEmail;
  return { locked, lockedUntil: locked ? byEmail.windowEndsAt : null };
}

export async function clearLoginFailures(prisma: PrismaClient, email: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: emailKey(email) } });
}
