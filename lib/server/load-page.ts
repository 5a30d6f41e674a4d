import "server-only";
import { notFound } from "next/navigation";
import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";
import { getPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { UseCaseError, type UseCaseErrorCode } from "./use-case-error";

export interface PageClock {
  today: IsoDate;
  now: Date;
}

/**
 * The one way a page gets its data (docs/architecture.md). A page calls its page loader,
 * lib/server/<area>/load-<page>-page.ts, and never holds the database itself (eslint.config.mjs
 * bars app/ from lib/db). The loader is thin: it hands its queries the database and the clock
 * through here, and a NOT_FOUND — an id that never existed, or a record this user may not see —
 * becomes the same 404 page as a URL that does not exist (docs/security.md AC-01).
 */
export async function loadPage<T>(
  read: (db: PrismaClient, clock: PageClock) => Promise<T>,
  notFoundCodes: readonly UseCaseErrorCode[] = ["NOT_FOUND"],
): Promise<T> {
  const now = new Date();
  try {
    return await read(await getPrisma(), { today: todayInLondon(now), now });
  } catch (error) {
    if (error instanceof UseCaseError && notFoundCodes.includes(error.code)) notFound();
    throw error;
  }
}
