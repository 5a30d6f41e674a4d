import { Prisma, type PrismaClient } from "@/lib/db/prisma";
import { SIGN_IN_DELAY } from "@/lib/domain/security/sign-in-delay";
import { loadSettings } from "../reference/load-settings";

/**
 * Sign-in throttling with counters in PostgreSQL, shared by every app instance (docs/security.md
 * AU-02, RL-01, SO-01; docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md).
 *
 * Per email (so an unknown email behaves exactly like a real one): failures in a row. The first
 * few are free, then each one makes the next attempt wait twice as long (lib/domain/security/
 * sign-in-delay.ts), and the one that reaches "signIn.lockAfterFailures" locks the email for
 * "signIn.lockMinutes". The attempt is claimed atomically BEFORE the password is verified, and a
 * claim is granted only when no wait or lock is running: an attempt during one is refused without
 * being counted, so an attacker cannot lengthen a lock, and guesses sent at the same moment get at
 * most the threshold of password checks. A success, an administrator's unlock or a password
 * reset clears the count.
 *
 * Per client address (lib/security/client-address.ts, never a client-sent header): at most
 * "signIn.failuresPerAddress" failures in 15 minutes.
 */
export const ADDRESS_WINDOW_MINUTES = 15;

export interface SignInPolicy {
  lockAfterFailures: number;
  lockMinutes: number;
  failuresPerAddress: number;
}

export type LoginClaim =
  | { allowed: true; failuresInARow: number; policy: SignInPolicy }
  | { allowed: false; refusal: "locked" | "waiting" | "address"; until: Date };

type RateLimitWriter = Pick<PrismaClient | Prisma.TransactionClient, "rateLimit" | "$queryRaw" | "setting">;

export const loginEmailKey = (email: string) => `login:email:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `login:ip:${address}`;

export async function loadSignInPolicy(db: Pick<PrismaClient | Prisma.TransactionClient, "setting">): Promise<SignInPolicy> {
  const settings = await loadSettings(db, ["signIn.lockAfterFailures", "signIn.lockMinutes", "signIn.failuresPerAddress"]);
  return {
    lockAfterFailures: settings["signIn.lockAfterFailures"],
    lockMinutes: settings["signIn.lockMinutes"],
    failuresPerAddress: settings["signIn.failuresPerAddress"],
  };
}

/**
 * Claim one password check for this email. Refused (nothing counted) while the address is over
 * its limit, or while the email's wait or lock runs.
 */
export async function claimLoginAttempt(db: RateLimitWriter, email: string, address: string, now: Date): Promise<LoginClaim> {
  const policy = await loadSignInPolicy(db);
  if (address !== "unknown") {
    const byAddress = await db.rateLimit.findUnique({ where: { key: addressKey(address) } });
    if (byAddress && byAddress.windowEndsAt > now && byAddress.points >= policy.failuresPerAddress) {
      return { allowed: false, refusal: "address", until: byAddress.windowEndsAt };
    }
  }
  const key = loginEmailKey(email);
  const forgetBefore = new Date(now.getTime() - SIGN_IN_DELAY.forgetAfterHours * 3_600_000);
  // The failures in a row once this attempt is counted: back to 1 after a lock ran out or a day's quiet.
  const next = Prisma.sql`(CASE WHEN "RateLimit"."points" >= ${policy.lockAfterFailures}::int OR "RateLimit"."windowEndsAt" <= ${forgetBefore}::timestamptz
    THEN 1 ELSE "RateLimit"."points" + 1 END)`;
  // lib/domain/security/sign-in-delay.ts secondsBeforeNextAttempt, in SQL so the claim is one statement.
  const waitSeconds = Prisma.sql`(CASE WHEN ${next} >= ${policy.lockAfterFailures}::int THEN ${policy.lockMinutes * 60}::float8
    WHEN ${next} < ${SIGN_IN_DELAY.freeFailures}::int THEN 0::float8
    ELSE LEAST(${SIGN_IN_DELAY.firstDelaySeconds}::float8 * power(2, ${next} - ${SIGN_IN_DELAY.freeFailures}::int), ${SIGN_IN_DELAY.maxDelaySeconds}::float8) END)`;
  const rows = await db.$queryRaw<{ points: number }[]>`
    INSERT INTO "RateLimit" ("key", "points", "windowEndsAt") VALUES (${key}, 1, ${now}::timestamptz)
    ON CONFLICT ("key") DO UPDATE SET
      "points" = ${next},
      "windowEndsAt" = ${now}::timestamptz + make_interval(secs => ${waitSeconds})
    WHERE "RateLimit"."windowEndsAt" <= ${now}::timestamptz
    RETURNING "points"`;
  if (rows.length > 0) return { allowed: true, failuresInARow: rows[0].points, policy };
  const current = await db.rateLimit.findUnique({ where: { key } });
  const until = current?.windowEndsAt ?? now;
  return { allowed: false, refusal: current && current.points >= policy.lockAfterFailures ? "locked" : "waiting", until };
}

/**
 * After a failed check: count it against the address (without a known address there is no
 * per-address bucket, rather than one shared bucket anyone could fill to lock everyone out), and
 * say whether this failure locked the email.
 */
export async function recordLoginFailure(db: RateLimitWriter, claim: Extract<LoginClaim, { allowed: true }>, address: string, now: Date): Promise<{ locked: boolean; lockedUntil: Date | null }> {
  if (address !== "unknown") {
    const windowEnd = new Date(now.getTime() + ADDRESS_WINDOW_MINUTES * 60_000);
    await db.$queryRaw`
      INSERT INTO "RateLimit" ("key", "points", "windowEndsAt") VALUES (${addressKey(address)}, 1, ${windowEnd})
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN "RateLimit"."windowEndsAt" <= ${now} THEN 1 ELSE "RateLimit"."points" + 1 END,
        "windowEndsAt" = CASE WHEN "RateLimit"."windowEndsAt" <= ${now} THEN ${windowEnd} ELSE "RateLimit"."windowEndsAt" END
      RETURNING "points"`;
  }
  const locked = claim.failuresInARow >= claim.policy.lockAfterFailures;
  return { locked, lockedUntil: locked ? new Date(now.getTime() + claim.policy.lockMinutes * 60_000) : null };
}

export async function clearLoginFailures(db: Pick<PrismaClient | Prisma.TransactionClient, "rateLimit">, email: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: loginEmailKey(email) } });
}

/**
 * The owner's unlock (docs/security.md AU-02, AU-04): once the password AND the second factor have
 * both been verified from one of the user's remembered devices (lib/server/auth/remembered-devices.ts),
 * the failures in a row are forgotten and any lock lifted, so a lock an attacker caused never keeps
 * out the person who holds the second factor. Called by completeSecondFactorSignIn
 * (lib/server/identity/complete-second-factor.ts). Says whether a lock was running, for the audit row.
 */
export async function unlockAfterSecondFactor(db: Pick<PrismaClient | Prisma.TransactionClient, "rateLimit" | "user" | "setting">, email: string, now: Date = new Date()): Promise<boolean> {
  const normalised = email.trim().toLowerCase();
  const policy = await loadSignInPolicy(db);
  const counter = await db.rateLimit.findUnique({ where: { key: loginEmailKey(normalised) } });
  const user = await db.user.findUnique({ where: { email: normalised }, select: { lockedUntil: true } });
  const wasLocked =
    Boolean(counter && counter.points >= policy.lockAfterFailures && counter.windowEndsAt > now) || Boolean(user?.lockedUntil && user.lockedUntil > now);
  await clearLoginFailures(db, normalised);
  await db.user.updateMany({ where: { email: normalised }, data: { lockedUntil: null, failedLoginCount: 0 } });
  return wasLocked;
}
