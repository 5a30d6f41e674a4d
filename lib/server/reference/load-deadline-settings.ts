import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { DeadlineSettings } from "@/lib/domain/deadlines";
import { loadSettings } from "@/lib/server/reference/load-settings";

type SettingsReader = Pick<PrismaClient | Prisma.TransactionClient, "setting">;

/**
 * The deadline settings in force (docs/rules/reasons-and-settings.md: the due-soon window,
 * default 3 working days; docs/rules/decisions.md: day 0 not counted unless the stricter reading
 * is chosen; docs/rules/clocks.md: the exit notice's working days, default 2).
 */
export async function loadDeadlineSettings(db: SettingsReader): Promise<DeadlineSettings> {
  const settings = await loadSettings(db, ["deadline.dueSoonWorkingDays", "deadline.countDayZero", "exit.noticeWorkingDays"]);
  return {
    dueSoonWorkingDays: settings["deadline.dueSoonWorkingDays"],
    countDayZero: settings["deadline.countDayZero"],
    exitNoticeWorkingDays: settings["exit.noticeWorkingDays"],
  };
}
