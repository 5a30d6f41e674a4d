import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { Prisma, type PrismaClient } from "@/lib/db/prisma";
import type { SettingKey } from "@/lib/domain/settings";
import { loadSettings } from "../reference/load-settings";

/**
 * Per-user limits on search and exports (docs/security.md RL-01; review finding L5), kept by
 * rate-limiter-flexible's RateLimiterPostgres in the "RateLimiterFlexible" table, so every app
 * instance counts together. The table comes from a migration (tableCreated: true): the library
 * never runs DDL. The limits are settings an administrator can change.
 */
export const PER_USER_LIMITS = {
  search: { setting: "rateLimit.searchesPerMinute", durationSeconds: 60 },
  export: { setting: "rateLimit.exportsPerHour", durationSeconds: 3600 },
} as const satisfies Record<string, { setting: SettingKey; durationSeconds: number }>;

export type LimitedAction = keyof typeof PER_USER_LIMITS;

export type LimitOutcome = { allowed: true } | { allowed: false; retryAt: Date; retryAfterSeconds: number };

type LimitDatabase = Pick<PrismaClient, "$queryRaw" | "setting">;

/**
 * The library's store client ("client" type: `query({ text, values })` returning `{ rows }`) over
 * the app's own Prisma connection, so the limits work on PostgreSQL and embedded PGlite alike.
 * The library's fixed SQL keeps its values as bound parameters (`$1`…), passed to Prisma as such,
 * never spliced into the text (docs/security.md IV-03).
 */
function prismaStoreClient(db: LimitDatabase) {
  return {
    async query(statement: { text: string; values?: unknown[] }) {
      const values = statement.values ?? [];
      const strings = statement.text.split(/\$\d+/);
      const bound = [...statement.text.matchAll(/\$(\d+)/g)].map((match) => values[Number(match[1]) - 1]);
      const rows = await db.$queryRaw<Record<string, unknown>[]>(new Prisma.Sql(strings, bound as Prisma.Sql["values"]));
      // The library does arithmetic on "expire" (a BIGINT, which Prisma returns as a BigInt), and its get() reads rowCount.
      return {
        rowCount: rows.length,
        rows: rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === "bigint" ? Number(value) : value]))),
      };
    },
  };
}

async function limiterFor(db: LimitDatabase, action: LimitedAction): Promise<RateLimiterPostgres> {
  const { setting, durationSeconds } = PER_USER_LIMITS[action];
  const points = (await loadSettings(db, [setting]))[setting];
  return new RateLimiterPostgres({
    storeClient: prismaStoreClient(db),
    storeType: "client",
    tableName: "RateLimiterFlexible",
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: `user:${action}`,
    points,
    duration: durationSeconds,
  });
}

const refusedFor = (msBeforeNext: number): LimitOutcome => {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return { allowed: false, retryAt: new Date(Date.now() + retryAfterSeconds * 1000), retryAfterSeconds };
};

/**
 * Whether the user is over the limit now, counting nothing: for the GET page that tells them when
 * to try again (a GET changes nothing, docs/security.md CS-01).
 */
export async function peekPerUserLimit(db: LimitDatabase, action: LimitedAction, userId: string): Promise<LimitOutcome> {
  const limiter = await limiterFor(db, action);
  const state = await limiter.get(userId);
  if (!state || state.remainingPoints > 0 || state.msBeforeNext <= 0) return { allowed: true };
  return refusedFor(state.msBeforeNext);
}

/** Counts one use of the action by the user; refuses (counting nothing more) when over the limit. */
export async function consumePerUserLimit(db: LimitDatabase, action: LimitedAction, userId: string): Promise<LimitOutcome> {
  const limiter = await limiterFor(db, action);
  try {
    await limiter.consume(userId);
    return { allowed: true };
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return refusedFor(refusal.msBeforeNext);
  }
}
