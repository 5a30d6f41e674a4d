import { z } from "zod";
import { isIsoDate, type IsoDate } from "@/lib/calendar/iso-date";

/**
 * GOV.UK date input (components/forms/DateInput.tsx) posts a date as three fields,
 * `${name}-day`, `${name}-month` and `${name}-year`. These helpers turn them into one ISO
 * calendar date `YYYY-MM-DD` with the design system's error messages — and without a JavaScript
 * Date, which would let the process time zone move the date (lib/calendar/iso-date.ts).
 *
 *   const schema = withDateParts(["date"], z.object({ date: isoDateFromParts({ ... }) }).strict());
 *
 * Errors are keyed by `name` (e.g. "date"), so the error summary links to `#date`, which is the
 * day input's id.
 */

export const DATE_PART_NAMES = ["day", "month", "year"] as const;
export type DatePartName = (typeof DATE_PART_NAMES)[number];

export interface DatePartsInput {
  day?: string;
  month?: string;
  year?: string;
}

export interface DatePartsOptions {
  /** Completes "Enter …", e.g. "the date of the bank holiday". */
  label: string;
  /** Starts the other messages, e.g. "Date of the bank holiday"; defaults to `label` less a leading "the ", capitalised. */
  subject?: string;
  /** Earliest allowed date (inclusive). */
  min?: IsoDate;
  /** Latest allowed date (inclusive). */
  max?: IsoDate;
}

export type DatePartsResult = { ok: true; date: IsoDate } | { ok: false; message: string; parts: DatePartName[] };

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** "1 January 2000": the GOV.UK date style without the weekday, for messages. */
function shortDate(iso: IsoDate): string {
  const [year, month, day] = iso.split("-");
  const name = MONTH_NAMES[Number(month) - 1];
  return `${Number(day)} ${name[0].toUpperCase()}${name.slice(1)} ${year}`;
}

function defaultSubject(label: string): string {
  const bare = label.replace(/^the /i, "");
  return `${bare[0].toUpperCase()}${bare.slice(1)}`;
}

/** A month as typed: 1–12 (leading zero allowed), or its English name in full or as 3 or more letters ("Dec", "Sept"). */
function monthNumber(value: string): number | null {
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const word = value.toLowerCase().replace(/\.$/, "");
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return null;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(word));
  return index === -1 ? null : index + 1;
}

function listParts(parts: readonly DatePartName[]): string {
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/**
 * The three parts as typed → an ISO date, or the GOV.UK message and the parts to highlight:
 * - nothing entered: "Enter the date of the bank holiday"
 * - some parts missing: "Date of the bank holiday must include a month" (or "a day and year"…)
 * - a year that is not 4 digits: "Year must include 4 numbers"
 * - anything impossible (31 2 2026, letters): "Date of the bank holiday must be a real date"
 * - outside min/max: "Date of the bank holiday must be between 1 January 2000 and 31 December 2099"
 */
export function parseDateParts(input: DatePartsInput, options: DatePartsOptions): DatePartsResult {
  const subject = options.subject ?? defaultSubject(options.label);
  const value = { day: (input.day ?? "").trim(), month: (input.month ?? "").trim(), year: (input.year ?? "").trim() };
  const missing = DATE_PART_NAMES.filter((part) => value[part] === "");
  if (missing.length === DATE_PART_NAMES.length) {
    return { ok: false, message: `Enter ${options.label}`, parts: [] };
  }
  if (missing.length > 0) {
    return { ok: false, message: `${subject} must include a ${listParts(missing)}`, parts: missing };
  }
  if (/^\d+$/.test(value.year) && value.year.length !== 4) {
    return { ok: false, message: "Year must include 4 numbers", parts: ["year"] };
  }
  const month = monthNumber(value.month);
  const realDate = `${subject} must be a real date`;
  if (!/^\d{1,2}$/.test(value.day) || month === null || !/^\d{4}$/.test(value.year)) {
    return { ok: false, message: realDate, parts: [] };
  }
  const date = `${value.year}-${String(month).padStart(2, "0")}-${value.day.padStart(2, "0")}`;
  if (!isIsoDate(date)) return { ok: false, message: realDate, parts: [] };
  const { min, max } = options;
  // ISO dates of 4-digit years compare correctly as strings.
  if ((min !== undefined && date < min) || (max !== undefined && date > max)) {
    const message =
      min !== undefined && max !== undefined
        ? `${subject} must be between ${shortDate(min)} and ${shortDate(max)}`
        : min !== undefined
          ? `${subject} must be the same as or after ${shortDate(min)}`
          : `${subject} must be the same as or before ${shortDate(max as IsoDate)}`;
    return { ok: false, message, parts: [] };
  }
  return { ok: true, date };
}

/**
 * A zod schema for `{ day, month, year }` (as `withDateParts` collects them) that outputs the ISO
 * date. Chain `.refine(...)` for rules on the date itself (it only runs on a real date).
 */
export function isoDateFromParts(options: DatePartsOptions) {
  const datePart = z.string().optional();
  return z
    .object({ day: datePart, month: datePart, year: datePart }, { error: `Enter ${options.label}` })
    .strict()
    .transform((parts, context): IsoDate => {
      const result = parseDateParts(parts, options);
      if (!result.ok) {
        context.addIssue({ code: "custom", message: result.message, params: { parts: result.parts } });
        return z.NEVER;
      }
      return result.date;
    });
}

/**
 * Wraps an object schema so the post's `${name}-day|month|year` keys arrive as `name: { day,
 * month, year }`. A post that sends `name` itself as well keeps it inside the parts object, where
 * the strict parts schema refuses it as an unknown key (AC-04), so nothing is silently dropped.
 */
export function withDateParts<Schema extends z.ZodType>(names: readonly string[], schema: Schema) {
  return z.preprocess((raw) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
    const rest: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    for (const name of names) {
      const parts: Record<string, unknown> = {};
      for (const part of DATE_PART_NAMES) {
        parts[part] = rest[`${name}-${part}`];
        delete rest[`${name}-${part}`];
      }
      if (name in rest) parts[name] = rest[name];
      rest[name] = parts;
    }
    return rest;
  }, schema);
}

/**
 * Which parts of a date input to highlight for an error keyed by the whole date: GOV.UK marks only
 * the missing parts ("must include a month") or the year ("Year must include 4 numbers"), and all
 * three otherwise (an empty list means all three to DateInput).
 */
export function datePartsInError(error: string | undefined, typed: DatePartsInput): DatePartName[] {
  if (!error) return [];
  if (error === "Year must include 4 numbers") return ["year"];
  if (!/ must include a /.test(error)) return [];
  const missing = DATE_PART_NAMES.filter((part) => (typed[part] ?? "").trim() === "");
  return missing.length < DATE_PART_NAMES.length ? missing : [];
}
