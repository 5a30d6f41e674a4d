import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import type { DeadlineSettings } from "@/lib/domain/deadlines";
import type { SettingValues } from "@/lib/domain/settings";
import { loadSettings, loadSettingsForPages } from "@/lib/server/reference/load-settings";

type SettingsReader = Pick<PrismaClient | Prisma.TransactionClient, "setting">;

const DEADLINE_SETTING_KEYS = ["deadline.dueSoonWorkingDays", "deadline.countDayZero", "exit.noticeWorkingDays"] as const;

function deadlineSettingsOf(settings: SettingValues<(typeof DEADLINE_SETTING_KEYS)[number]>): DeadlineSettings {
  return {
    dueSoonWorkingDays: settings["deadline.dueSoonWorkingDays"],
    countDayZero: settings["deadline.countDayZero"],
    exitNoticeWorkingDays: settings["exit.noticeWorkingDays"],
  };
}

/**
 * The deadline settings in force (docs/rules/reasons-and-settings.md: the due-soon window,
 * default 3 working days; docs/rules/decisions.md: day 0 not counted unless the stricter reading
 * is chosen; docs/rules/clocks.md: the exit notice's working days, default 2).
 */
export async function loadDeadlineSettings(db: SettingsReader): Promise<DeadlineSettings> {
  return deadlineSettingsOf(await loadSettings(db, DEADLINE_SETTING_KEYS));
}

/** The same for a page's read, from the per-process reference data (lib/server/reference/reference-cache.ts). */
export async function loadDeadlineSettingsForPages(db: PrismaClient): Promise<DeadlineSettings> {
  return deadlineSettingsOf(await loadSettingsForPages(db, DEADLINE_SETTING_KEYS));
}
