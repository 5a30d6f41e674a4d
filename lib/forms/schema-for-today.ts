import { z } from "zod";
import { todayInLondon, type IsoDate } from "@/lib/calendar/iso-date";

/**
 * A form schema whose rules depend on the day — a date of something that has happened is never in
 * the future (lib/domain/business-dates.ts) — built afresh for each post, on today in London. The
 * domain's schemas take today as an argument and never read the clock; a server action hands
 * authorisedAction this instead, so the clock is read here, once per post.
 */
export function schemaForToday<Schema extends z.ZodType>(schemaOn: (today: IsoDate) => Schema) {
  return z.unknown().transform((raw, context): z.output<Schema> => {
    const result = schemaOn(todayInLondon(new Date())).safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) context.issues.push({ ...issue, input: undefined });
    return z.NEVER;
  });
}
