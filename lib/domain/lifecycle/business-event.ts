import { isAfter } from "date-fns";
import type { IsoDate } from "../../calendar/iso-date";
import { dateBeforeProblem, futureDateProblem } from "../business-dates";
import { BUSINESS_DATE_FIELD, BUSINESS_TIME_FIELD, ukInstant, type BusinessDate, type BusinessDateSpec } from "./step-form";

/** When a recorded event happened: its business date, UK time where hours count, and the instant the app stores. */
export interface BusinessEvent {
  on: IsoDate;
  time: string | null;
  /** The instant of the event: its entered time; today's event without a time is now; an earlier day's, the start of that UK day. */
  at: Date;
}

export type BusinessEventOutcome = { ok: true; event: BusinessEvent } | { ok: false; field: string; message: string };

/**
 * The business date of an event a step records (docs/rules/decisions.md: business dates), checked
 * with the one wording of lib/domain/business-dates.ts: never in the future (a time later than
 * now included), never before the referral date. Pure: today and now are passed in. When the form
 * sent none (a caller that predates the question), the event happened now.
 */
export function businessEventOf(
  spec: BusinessDateSpec,
  happened: BusinessDate | null | undefined,
  clock: { today: IsoDate; now: Date },
  referralDate: IsoDate | null,
): BusinessEventOutcome {
  if (!happened) return { ok: true, event: { on: clock.today, time: null, at: clock.now } };
  const { on, time } = happened;
  const future = futureDateProblem(spec.label, on, clock.today);
  if (future) return { ok: false, field: BUSINESS_DATE_FIELD, message: future };
  const early = referralDate ? dateBeforeProblem(spec.label, on, referralDate, "the referral date") : null;
  if (early) return { ok: false, field: BUSINESS_DATE_FIELD, message: early };
  if (time !== null) {
    const at = new Date(ukInstant(on, time));
    if (isAfter(at, clock.now)) return { ok: false, field: BUSINESS_TIME_FIELD, message: `${spec.time?.label ?? "The time"} must be now or in the past` };
    return { ok: true, event: { on, time, at } };
  }
  return { ok: true, event: { on, time: null, at: on === clock.today ? clock.now : new Date(ukInstant(on, "00:00")) } };
}
