import { formatIsoDate, parseIsoDate, type IsoDate } from "@/lib/calendar/iso-date";

/**
 * Retention classes (docs/security.md DP-02, LG-07; docs/decisions/0021-data-protection-and-least-privilege.md).
 * Each class says which records it covers and after how long they go. Pure: the settings and today
 * come in, the cut-off dates go out.
 */
export const RETENTION_CLASSES = ["closed_cases", "participants", "audit_events", "staff_notices", "rate_limit_counters"] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

export const RETENTION_CLASS_LABELS: Record<RetentionClass, string> = {
  closed_cases: "Closed cases, with their notes, forms, contact attempts and referrals",
  participants: "Participants with no case left",
  audit_events: "Audit log rows (including access-log rows)",
  staff_notices: "Staff notices already read",
  rate_limit_counters: "Expired sign-in rate-limit counters",
};

/** docs/security.md LG-07: audit rows are kept at least 6 months, whatever the setting says (the database enforces it too). */
export const MINIMUM_AUDIT_MONTHS = 6;

export interface RetentionSettings {
  "retention.closedCaseMonths": number;
  "retention.auditMonths": number;
  "retention.staffNoticeMonths": number;
}

export interface RetentionCutoffs {
  /** Cases closed before this date are due (DP-02: 24 months after closure by default). */
  closedCasesBefore: IsoDate;
  /** Audit rows written before this date are due (LG-07). */
  auditBefore: IsoDate;
  /** Staff notices read before this date are due. */
  staffNoticesBefore: IsoDate;
}

/** The date `months` calendar months before `date`, the day clamped to the shorter month (31 March − 1 month = 28/29 February). */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  const result = `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`;
  // Round-trip through the calendar's own parser, so a malformed date fails here, not in a query.
  return formatIsoDate(parseIsoDate(result));
}

export function retentionCutoffs(today: IsoDate, settings: RetentionSettings): RetentionCutoffs {
  return {
    closedCasesBefore: monthsBefore(today, settings["retention.closedCaseMonths"]),
    auditBefore: monthsBefore(today, Math.max(MINIMUM_AUDIT_MONTHS, settings["retention.auditMonths"])),
    staffNoticesBefore: monthsBefore(today, settings["retention.staffNoticeMonths"]),
  };
}

export interface RetentionReport {
  dryRun: boolean;
  today: IsoDate;
  cutoffs: RetentionCutoffs;
  counts: Record<RetentionClass, number>;
}
