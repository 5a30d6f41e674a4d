import type { IsoDate } from "@/lib/calendar/iso-date";
import type { PrismaClient } from "@/lib/db/prisma";
import type { RetentionReport } from "@/lib/domain/retention";
import { assertCan, type UseCaseActor } from "../assert-can";
import { runRetention } from "./run-retention";

/**
 * An administrator's retention run from /admin/retention (docs/security.md DP-02, LG-07): the same
 * runRetention the CLI and a scheduled job call, with the administrator as the audited actor.
 */
export async function applyRetention(prisma: PrismaClient, actor: UseCaseActor, today: IsoDate, now: Date = new Date()): Promise<RetentionReport> {
  assertCan(actor, "manage:settings:any");
  return runRetention(prisma, { dryRun: false, today, now, actor });
}

/** What a run would remove today, for the administrator's page; reads only. */
export async function previewRetention(prisma: PrismaClient, actor: UseCaseActor, today: IsoDate, now: Date = new Date()): Promise<RetentionReport> {
  assertCan(actor, "manage:settings:any");
  return runRetention(prisma, { dryRun: true, today, now });
}
