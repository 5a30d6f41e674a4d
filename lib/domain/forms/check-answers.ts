import { formatLongDate } from "@/lib/calendar/iso-date";
import { parseDateParts } from "./date-parts";

/** One answer on a check-your-answers page: the question, the answer in words, the field to change. */
export interface AnswerRow {
  key: string;
  value: string;
  /** The id of the field "Change" returns to. */
  field: string;
}

export interface AnswerSection {
  title: string;
  rows: readonly AnswerRow[];
}

export type PostedValues = Readonly<Record<string, string | undefined>>;

/** Shown for an optional question left blank. */
export const NOT_GIVEN = "Not given";

/** A typed answer as it will be saved: trimmed, or "Not given". */
export function textAnswer(values: PostedValues, name: string): string {
  const value = (values[name] ?? "").trim();
  return value === "" ? NOT_GIVEN : value;
}

/** The text of the chosen option, never its stored value (no enum value reaches a page). */
export function optionAnswer(values: PostedValues, name: string, options: ReadonlyArray<{ value: string; text: string }>): string {
  const value = values[name] ?? "";
  return options.find((option) => option.value === value)?.text ?? NOT_GIVEN;
}

/** A GOV.UK date input's three posted parts as "13 April 2017", or "Not given". */
export function dateAnswer(values: PostedValues, name: string): string {
  const parts = { day: values[`${name}-day`] ?? "", month: values[`${name}-month`] ?? "", year: values[`${name}-year`] ?? "" };
  if (parts.day.trim() === "" && parts.month.trim() === "" && parts.year.trim() === "") return NOT_GIVEN;
  const parsed = parseDateParts(parts, { label: "the date" });
  return parsed.ok ? formatLongDate(parsed.date) : `${parts.day}/${parts.month}/${parts.year}`;
}

/** A ticked single checkbox ("yes") as its statement, otherwise `otherwise`. */
export function tickAnswer(values: PostedValues, name: string, ticked: string, otherwise = "No"): string {
  return values[name] === "yes" ? ticked : otherwise;
}
