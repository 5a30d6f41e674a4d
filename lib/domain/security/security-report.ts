import { z } from "zod";
import { isIsoDate } from "@/lib/calendar/iso-date";

/**
 * The organisation-wide security report (docs/security.md LG-03; docs/rules/restricted-cases.md:
 * the security report): refused requests, restriction changes, role changes and lockouts, for
 * nominated officers and administrators, filtered by date and user. The filters carry no
 * personal data (dates and a staff id), so they travel in the GET query string, and the export
 * posts the same fields. `.strict()` (AC-04).
 */

export const SECURITY_REPORT_CATEGORIES = ["refused", "restriction", "role", "lockout"] as const;
export type SecurityReportCategory = (typeof SECURITY_REPORT_CATEGORIES)[number];

export const SECURITY_REPORT_CATEGORY_LABELS: Record<SecurityReportCategory, string> = {
  refused: "Refused request",
  restriction: "Restriction change",
  role: "User or role change",
  lockout: "Lockout",
};

/** Which audited actions each category holds. */
export const SECURITY_REPORT_ACTIONS: Record<SecurityReportCategory, { prefix?: string; actions?: readonly string[] }> = {
  refused: { prefix: "security." },
  restriction: { actions: ["case.restriction_changed", "case.possible_scr_duplicate", "case.possible_scr_duplicate_resolved"] },
  role: { prefix: "user." },
  lockout: { actions: ["auth.locked_out", "auth.sign_in_refused_locked", "auth.password_accepted_while_locked", "auth.sign_in_unlocked"] },
};

export function securityReportCategoryOf(action: string): SecurityReportCategory | null {
  for (const category of SECURITY_REPORT_CATEGORIES) {
    const rule = SECURITY_REPORT_ACTIONS[category];
    if (rule.prefix && action.startsWith(rule.prefix)) return category;
    if (rule.actions?.includes(action)) return category;
  }
  return null;
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value);

const optionalDate = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((value) => isIsoDate(value), `Enter ${label} as a real date, like 2026-12-03`)
      .optional(),
  );

export const securityReportFiltersSchema = z
  .object({
    from: optionalDate("the first day"),
    to: optionalDate("the last day"),
    user: z.preprocess(blankToUndefined, z.string().toLowerCase().pipe(z.uuid({ error: "Select a user from the list" })).optional()),
    category: z.preprocess(blankToUndefined, z.enum(SECURITY_REPORT_CATEGORIES, { error: "Select a kind of event from the list" }).optional()),
  })
  .strict()
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ["to"], message: "The last day must be the same as or after the first day" });
export type SecurityReportFilters = z.output<typeof securityReportFiltersSchema>;

/** How many events the export holds at most; the page shows 50 at a time. */
export const SECURITY_REPORT_EXPORT_LIMIT = 20_000;
export const SECURITY_REPORT_PAGE_SIZE = 50;
