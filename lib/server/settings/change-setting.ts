import type { PrismaClient, Prisma } from "@/lib/db/prisma";
import type { ChangeSettingInput } from "@/lib/domain/forms/settings-forms";
import { SETTINGS, settingInputText, settingValue } from "@/lib/domain/settings";
import { recordAudit } from "../audit/record-audit";
import { recomputeAllDueDates } from "../cases/recompute-all-due-dates";
import { loadCalendar } from "../reference/load-calendar";
import { assertCan, type UseCaseActor } from "../assert-can";
import { STALE_MESSAGE, UseCaseError } from "../use-case-error";
import { referenceDataChanged } from "../reference/reference-cache";

/**
 * An administrator changes one entry of SETTINGS (lib/domain/settings.ts;
 * docs/rules/reasons-and-settings.md: settings). The value already passed the setting's own
 * schema in the form; the value the form showed must still be the one in force (a stale edit is
 * refused). Stored due dates are recomputed in the same transaction, because a setting may move a
 * clock (day 0, the exit-notice days); the audit row keeps before and after.
 */
export async function changeSetting(prisma: PrismaClient, actor: UseCaseActor, input: ChangeSettingInput): Promise<{ changed: boolean }> {
  assertCan(actor, "manage:settings:any");
  try {
    return await prisma.$transaction(async (tx) => {
      // Serialise changes to one key: a row lock when the row exists, otherwise the insert's key.
      await tx.$queryRaw`SELECT "key" FROM "Setting" WHERE "key" = ${input.key} FOR UPDATE`;
      const stored = await tx.setting.findUnique({ where: { key: input.key } });
      const before = settingValue(input.key, stored?.value);
      if (settingInputText(input.key, before) !== input.shown) throw new UseCaseError("STALE", STALE_MESSAGE);
      if (before === input.value) return { changed: false };
      const value = input.value as Prisma.InputJsonValue;
      await tx.setting.upsert({ where: { key: input.key }, create: { key: input.key, value }, update: { value } });
      await recomputeAllDueDates(tx, await loadCalendar(tx));
      await recordAudit(tx, actor, {
        action: "setting.changed",
        entityType: "Setting",
        entityId: input.key,
        before: { key: input.key, label: SETTINGS[input.key].label, value: before as Prisma.InputJsonValue },
        after: { key: input.key, label: SETTINGS[input.key].label, value },
      });
      return { changed: true };
    });
  } finally {
    // This process's pages read the new settings on their next request (reference-cache.ts).
    referenceDataChanged();
  }
}
