import { z } from "zod";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { futureDateProblem } from "@/lib/domain/business-dates";
import { parseDateParts, type DatePartsInput } from "./date-parts";

/**
 * The customer's date of birth, when given: a Warm Handover call or a PRaP file may carry it, and
 * it is what a referral with no National Insurance number is matched on, with the name (3.05).
 * Blank is "not given" (null); a partly typed or impossible date is refused with the GOV.UK message.
 */
export const EARLIEST_DATE_OF_BIRTH = "1900-01-01" as IsoDate;

const LABEL = "the customer’s date of birth";

export function dateOfBirthProblem(parts: DatePartsInput, today: IsoDate): { ok: true; date: IsoDate | null } | { ok: false; message: string } {
  if (![parts.day, parts.month, parts.year].some((part) => (part ?? "").trim() !== "")) return { ok: true, date: null };
  const result = parseDateParts(parts, { label: LABEL, subject: "Date of birth", min: EARLIEST_DATE_OF_BIRTH });
  if (!result.ok) return { ok: false, message: result.message };
  const future = futureDateProblem("Date of birth", result.date, today);
  if (future) return { ok: false, message: future };
  return { ok: true, date: result.date };
}

/** The GOV.UK date input's parts → the date of birth or null (use inside withDateParts). */
export function optionalDateOfBirth(today: IsoDate) {
  const datePart = z.string().max(20).optional();
  return z
    .object({ day: datePart, month: datePart, year: datePart })
    .strict()
    .optional()
    .transform((parts, context): IsoDate | null => {
      const result = dateOfBirthProblem(parts ?? {}, today);
      if (!result.ok) {
        context.addIssue({ code: "custom", message: result.message });
        return z.NEVER;
      }
      return result.date;
    });
}
