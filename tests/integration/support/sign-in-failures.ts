import { secondsBeforeNextAttempt } from "@/lib/domain/security/sign-in-delay";
import type { PrismaClient } from "@/lib/db/prisma";
import { authenticate, type AuthenticationResult } from "@/lib/server/auth/authenticate";

/** The default lock policy (lib/domain/settings.ts "signIn.*"). */
export const DEFAULT_LOCK = { lockAfterFailures: 10, lockMinutes: 30 } as const;

/**
 * Fails sign-in `times` times in a row, each attempt waiting out the progressive delay the
 * previous failure set (lib/domain/security/sign-in-delay.ts), so every attempt is counted.
 * Returns the results and the instant just after the last attempt.
 */
export async function failInARow(
  prisma: PrismaClient,
  options: { email: string; ip: string; times: number; start: Date; password?: string; userAgent?: string; policy?: { lockAfterFailures: number; lockMinutes: number } },
): Promise<{ results: AuthenticationResult[]; at: Date }> {
  const policy = options.policy ?? DEFAULT_LOCK;
  const results: AuthenticationResult[] = [];
  let at = options.start;
  for (let failure = 1; failure <= options.times; failure++) {
    results.push(
      await authenticate(prisma, { email: options.email, password: options.password ?? "Wrong-Guess-Again-4471", ip: options.ip, userAgent: options.userAgent ?? "Vitest" }, at),
    );
    if (failure < options.times) at = new Date(at.getTime() + secondsBeforeNextAttempt(failure, policy) * 1000);
  }
  return { results, at };
}
