import type { IsoDate } from "@/lib/calendar/iso-date";
import { dateOfBirthProblem } from "@/lib/domain/forms/date-of-birth";
import { referralIntakeSchemaOn, type ReferralIntakeInput } from "@/lib/domain/forms/referral-intake";
import { normaliseNino } from "@/lib/domain/identifiers";
import { cellToDateParts } from "./cell-dates";
import { PRAP_IMPORT_COLUMNS, type ColumnMapping } from "./import-columns";

/**
 * One row of a PRaP referral file → the post the intake form would make, checked by the SAME
 * schema (referralIntakeSchemaOn) with the same messages; each message is reported against the
 * file's column, so the preview says "row 12, column Referral date: …".
 */

export interface RowProblem {
  /** The file's header for the field, or the field's label when the file has no such column. */
  column: string;
  message: string;
}

/**
 * The date of birth is not on the intake form: it is read beside it (lib/domain/forms/date-of-birth.ts)
 * and kept on the claimant, to match an expected referral by name and date of birth (3.05).
 */
export type ImportedRow = { ok: true; input: ReferralIntakeInput; dateOfBirth: IsoDate | null } | { ok: false; problems: RowProblem[] };

/** Who a row is about, to find the Warm Handover call recorded ahead of it (3.05). */
export function personOf(cells: readonly string[], mapping: ColumnMapping, today: IsoDate) {
  const dateOfBirth = dateOfBirthOf(cells, mapping, today);
  return {
    nino: normaliseNino(cellOf(cells, mapping, "nino")),
    forename: cellOf(cells, mapping, "forename").trim(),
    surname: cellOf(cells, mapping, "surname").trim(),
    dateOfBirth: dateOfBirth.ok ? dateOfBirth.date : null,
  };
}

/** The row's date of birth: null when blank, else the date, or the GOV.UK message. */
export function dateOfBirthOf(cells: readonly string[], mapping: ColumnMapping, today: IsoDate): { ok: true; date: IsoDate | null } | { ok: false; message: string } {
  return dateOfBirthProblem(cellToDateParts(cellOf(cells, mapping, "dateOfBirth"), { latestYear: Number(today.slice(0, 4)) }), today);
}

/** Details a Warm Handover call recorded ahead of the referral (3.05), used where the file has none. */
export interface HandoverDefaults {
  handoverRole: string;
  handoverName: string;
  handoverOrganisation: string;
  handoverPhone: string;
  handoverEmail: string;
  warmHandoverOn: IsoDate;
}

const YES = new Set(["y", "yes", "true", "1", "x"]);
const NO = new Set(["n", "no", "false", "0"]);

function disabledChoice(value: string): string {
  const answer = value.trim().toLowerCase();
  if (answer === "") return "not_recorded";
  if (YES.has(answer)) return "yes";
  if (NO.has(answer)) return "no";
  return value;
}

function handoverRoleChoice(value: string): string {
  const answer = value.trim().toLowerCase().replace(/[^a-z]+/g, " ").trim();
  if (answer === "") return "";
  if (answer === "dea" || answer.includes("disability employment")) return "disability_employment_adviser";
  if (answer.includes("work coach") || answer === "wc") return "work_coach";
  return value;
}

/** The cell of a field, as text ("" when the file has no such column). */
export function cellOf(cells: readonly string[], mapping: ColumnMapping, field: string): string {
  const index = mapping[field];
  return index === null || index === undefined ? "" : (cells[index] ?? "");
}

/** The flat intake post for one row. */
export function intakePostOf(cells: readonly string[], mapping: ColumnMapping, siteId: string, handover: HandoverDefaults | null): Record<string, string> {
  const post: Record<string, string> = { siteId, route: "derived" };
  for (const column of PRAP_IMPORT_COLUMNS) {
    if (column.field === "dateOfBirth") continue;
    const value = cellOf(cells, mapping, column.field);
    if (column.date) {
      const parts = cellToDateParts(value);
      post[`${column.field}-day`] = parts.day;
      post[`${column.field}-month`] = parts.month;
      post[`${column.field}-year`] = parts.year;
      continue;
    }
    if (column.field === "disabled") post.disabled = disabledChoice(value);
    else if (column.field === "mappa") {
      if (YES.has(value.trim().toLowerCase())) post.mappa = "yes";
    } else if (column.field === "handoverRole") post.handoverRole = handoverRoleChoice(value);
    else if (value.trim() !== "") post[column.field] = value;
  }
  // Not in the file: the date received is the referral date; the Warm Handover call is the one
  // recorded ahead (an expected referral, 3.05), else it was made on the referral date.
  const copyDate = (to: string, from: string) => {
    if ([`${to}-day`, `${to}-month`, `${to}-year`].every((key) => post[key] === "")) {
      for (const part of ["day", "month", "year"]) post[`${to}-${part}`] = post[`${from}-${part}`];
    }
  };
  if (handover) {
    for (const key of ["handoverRole", "handoverName", "handoverOrganisation", "handoverPhone", "handoverEmail"] as const) {
      if (!post[key]) post[key] = handover[key];
    }
    if ([`warmHandoverOn-day`, `warmHandoverOn-month`, `warmHandoverOn-year`].every((key) => post[key] === "")) {
      const [year, month, day] = handover.warmHandoverOn.split("-");
      Object.assign(post, { "warmHandoverOn-day": String(Number(day)), "warmHandoverOn-month": String(Number(month)), "warmHandoverOn-year": year });
    }
  }
  copyDate("referralReceivedOn", "referralDate");
  copyDate("warmHandoverOn", "referralDate");
  return post;
}

/** Which column an intake error belongs to, by the field it is on. */
function columnLabel(field: string, mapping: ColumnMapping, headers: readonly string[]): string {
  const column = PRAP_IMPORT_COLUMNS.find((candidate) => candidate.field === field);
  if (!column) return field === "" ? "Row" : field;
  const index = mapping[field];
  return index === null || index === undefined ? column.label : (headers[index] ?? column.label);
}

/** Validate one row with the intake schema for `today`. */
export function parseImportRow(
  today: IsoDate,
  cells: readonly string[],
  mapping: ColumnMapping,
  headers: readonly string[],
  siteId: string,
  handover: HandoverDefaults | null,
  schema = referralIntakeSchemaOn(today),
): ImportedRow {
  const result = schema.safeParse(intakePostOf(cells, mapping, siteId, handover));
  const dateOfBirth = dateOfBirthOf(cells, mapping, today);
  if (result.success && dateOfBirth.ok) return { ok: true, input: result.data, dateOfBirth: dateOfBirth.date };
  const seen = new Set<string>();
  const problems: RowProblem[] = [];
  if (!dateOfBirth.ok) problems.push({ column: columnLabel("dateOfBirth", mapping, headers), message: dateOfBirth.message });
  if (result.success) return { ok: false, problems };
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "";
    const key = `${field}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ column: columnLabel(field, mapping, headers), message: issue.message });
  }
  return { ok: false, problems };
}

/**
 * Whether a valid row is a plain referral for the bulk commit's set-based path
 * (docs/decisions/0023-bulk-import-and-expected-referrals.md, "The set-based commit"): nothing on
 * it that the intake handles case by case — a MAPPA marker, a re-referral justification, a chosen
 * ruleset with its reason, a late Initial Assessment confirmed, jobs or qualifications. The
 * database checks (recorded referrals, earlier spells, SCR, SRO introductions) come on top.
 */
export function isPlainImportedReferral(input: ReferralIntakeInput): boolean {
  return (
    !input.mappa &&
    !input.reReferralJustification &&
    !input.referral.rulesetOverrideReason &&
    !input.referral.confirmLateAssessment &&
    input.employmentHistory.length === 0 &&
    input.qualifications.length === 0
  );
}
