import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from "@/lib/domain/deadlines";

type SettingsReader = Pick<PrismaClient | Prisma.TransactionClient, "setting">;

const dueSoon = z.number().int().min(0).max(20);
const countDayZero = z.boolean();

/**
 * The deadline settings in force (docs/rules/reasons-and-settings.md: the due-soon window,
 * default 3 working days; docs/rules/decisions.md: day 0 not counted unless the stricter reading
 * is chosen). A missing or malformed value falls back to the default rather than breaking every
 * clock.
 */
export async function loadDeadlineSettings(db: SettingsReader): Promise<DeadlineSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: ["deadline.dueSoonWorkingDays", "deadline.countDayZero"] } } });
  const value = (key: string) => rows.find((row) => row.key === key)?.value;
  const window = dueSoon.safeParse(value("deadline.dueSoonWorkingDays"));
  const dayZero = countDayZero.safeParse(value("deadline.countDayZero"));
  return {
    dueSoonWorkingDays: window.success ? window.data : DEFAULT_DEADLINE_SETTINGS.dueSoonWorkingDays,
    countDayZero: dayZero.success ? dayZero.data : DEFAULT_DEADLINE_SETTINGS.countDayZero,
  };
}
