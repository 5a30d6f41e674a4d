import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { settingValue, type SettingKey, type SettingValues } from "@/lib/domain/settings";

type SettingsReader = Pick<PrismaClient | Prisma.TransactionClient, "setting">;

/**
 * The settings in force for the keys asked for, in one query (lib/domain/settings.ts). A missing
 * or malformed stored value falls back to its default rather than breaking every clock.
 */
export async function loadSettings<K extends SettingKey>(db: SettingsReader, keys: readonly K[]): Promise<SettingValues<K>> {
  const rows = await db.setting.findMany({ where: { key: { in: [...keys] } } });
  const stored = new Map(rows.map((row) => [row.key, row.value as unknown]));
  return Object.fromEntries(keys.map((key) => [key, settingValue(key, stored.get(key))])) as SettingValues<K>;
}
