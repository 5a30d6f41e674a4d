import type { IsoDate } from "@/lib/calendar/iso-date";
import { dayOfWeek, formatIsoDate, parseIsoDate } from "@/lib/calendar/iso-date";

/** The reporting periods a manager can choose (a dashboard filter). Pure: dates are ISO strings. */
export const DASHBOARD_PERIODS = ["this-month", "last-month", "last-3-months", "last-12-months", "all-time"] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];
export const DEFAULT_DASHBOARD_PERIOD: DashboardPeriod = "last-12-months";

export const PERIOD_LABELS: Record<DashboardPeriod, string> = {
  "this-month": "This month",
  "last-month": "Last month",
  "last-3-months": "Last 3 months (including this month)",
  "last-12-months": "Last 12 months (including this month)",
  "all-time": "All time",
};

/** "All time" starts with the earliest guidance the app follows (Chapter 13, 2016; docs/rules/rulesets.md). */
export const ALL_TIME_FROM: IsoDate = "2016-01-01";

export interface DateRange {
  /** First day, inclusive. */
  from: IsoDate;
  /** Last day, inclusive (today for periods that run to date). */
  to: IsoDate;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11" → first day "2026-11-01"; months are shifted by whole months. */
export function firstOfMonth(date: IsoDate, monthsBack = 0): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 - monthsBack;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-01`;
}

export function lastOfMonth(date: IsoDate): IsoDate {
  return formatIsoDate(parseIsoDate(firstOfMonth(date, -1)) - 1);
}

/** "2026-11-01" → "November 2026". */
export function monthLabel(monthStart: IsoDate): string {
  return `${MONTH_NAMES[Number(monthStart.slice(5, 7)) - 1]} ${monthStart.slice(0, 4)}`;
}

export function periodRange(period: DashboardPeriod, today: IsoDate): DateRange {
  switch (period) {
    case "this-month":
      return { from: firstOfMonth(today), to: today };
    case "last-month":
      return { from: firstOfMonth(today, 1), to: lastOfMonth(firstOfMonth(today, 1)) };
    case "last-3-months":
      return { from: firstOfMonth(today, 2), to: today };
    case "last-12-months":
      return { from: firstOfMonth(today, 11), to: today };
    case "all-time":
      return { from: ALL_TIME_FROM, to: today };
  }
}

/** The first day of each of the 12 months ending with today's month, oldest first. */
export function lastTwelveMonthStarts(today: IsoDate): IsoDate[] {
  return Array.from({ length: 12 }, (_, index) => firstOfMonth(today, 11 - index));
}

/** The first day of each month the range touches, oldest first. */
export function monthStartsOf(range: DateRange): IsoDate[] {
  const months: IsoDate[] = [];
  for (let month = firstOfMonth(range.from); month <= range.to; month = firstOfMonth(month, -1)) months.push(month);
  return months;
}

/** Sunday of the week containing `today` (weeks run Monday to Sunday): "due this week" ends here. */
export function endOfWeek(today: IsoDate): IsoDate {
  const weekday = dayOfWeek(today); // 0 = Sunday … 6 = Saturday
  return formatIsoDate(parseIsoDate(today) + (weekday === 0 ? 0 : 7 - weekday));
}

const LONDON_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const LONDON_TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/London" });

/** "19:55 on 3 December 2026": the UK time and date of an instant (ISO). */
export function momentText(instant: string): string {
  const moment = new Date(instant);
  return `${LONDON_TIME.format(moment)} on ${LONDON_DAY.format(moment)}`;
}

/** "Figures as of 19:55 on 3 December 2026", for figures read from a snapshot counted at `instant` (ISO). */
export function figuresAsOfText(instant: string): string {
  return `Figures as of ${momentText(instant)}`;
}
