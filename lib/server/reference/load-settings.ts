import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { SETTING_KEYS, settingValue, type SettingKey, type SettingValues } from "@/lib/domain/settings";
import { cachedReferenceData } from "./reference-cache";

type SettingsReader = Pick<PrismaClient | Prisma.TransactionClient, "setting">;

function valuesOf<K extends SettingKey>(stored: ReadonlyMap<string, unknown>, keys: readonly K[]): SettingValues<K> {
  return Object.fromEntries(keys.map((key) => [key, settingValue(key, stored.get(key))])) as SettingValues<K>;
}

/**
 * The settings in force for the keys asked for, in one query (lib/domain/settings.ts). A missing
 * or malformed stored value falls back to its default rather than breaking every clock.
 */
export async function loadSettings<K extends SettingKey>(db: SettingsReader, keys: readonly K[]): Promise<SettingValues<K>> {
  const rows = await db.setting.findMany({ where: { key: { in: [...keys] } } });
  return valuesOf(new Map(rows.map((row) => [row.key, row.value as unknown])), keys);
}

/**
 * The same for a page's read, outside any transaction: every setting read at most once per process
 * and max age, and again at once after a change made here (lib/server/reference/reference-cache.ts).
 */
export async function loadSettingsForPages<K extends SettingKey>(db: PrismaClient, keys: readonly K[]): Promise<SettingValues<K>> {
  const stored = await cachedReferenceData(db, "settings", async () => {
    const rows = await db.setting.findMany({ where: { key: { in: SETTING_KEYS } }, select: { key: true, value: true } });
    return new Map(rows.map((row) => [row.key, row.value as unknown]));
  });
  return valuesOf(stored, keys);
}
