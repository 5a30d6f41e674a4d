import { z } from "zod";

/**
 * Every setting an administrator can change, declared once: its key, the schema a stored value
 * must pass, the default used when it is missing or malformed, and the rule it serves
 * (docs/rules/reasons-and-settings.md). A new setting is one entry here; readers call
 * `loadSettings` (lib/server/reference/load-settings.ts) and never read the table themselves.
 */
export const SETTINGS = {
  "deadline.dueSoonWorkingDays": {
    schema: z.number().int().min(0).max(20),
    default: 3,
    label: "Due-soon window (working days)",
    rule: "docs/rules/clocks.md#due-soon",
  },
  "deadline.countDayZero": {
    schema: z.boolean(),
    default: false,
    label: "Count the start date as day 1 (the stricter reading)",
    rule: "docs/rules/decisions.md#1-day-0-is-not-counted",
  },
  "contact.unableToContactAttempts": {
    schema: z.number().int().min(1).max(20),
    default: 3,
    label: "Unsuccessful contact attempts before \"unable to contact\" (3.08: usually 3)",
    rule: "docs/rules/decisions.md#6-unable-to-contact-means-3-attempts",
  },
  "acknowledgement.dueWorkingDays": {
    schema: z.number().int().min(0).max(20),
    default: 2,
    label: "Working days before an unacknowledged referral is shown in amber",
    rule: "docs/rules/decisions.md#4-acknowledgement-has-a-configurable-prompt-not-a-deadline",
  },
  "exit.noticeWorkingDays": {
    schema: z.number().int().min(0).max(20),
    default: 2,
    label: "Working days after the exit date to send the exit notice (UC452 part 8a/8b or the Customer Exit Tracker)",
    rule: "docs/rules/clocks.md#exit-notice",
  },
  "sro.jcpReferralMissingWorkingDays": {
    schema: z.number().int().min(1).max(60),
    default: 10,
    label: "Working days after an SRO introduction is accepted before JCP's PRaP referral shows as missing (13.49, 3.27)",
    rule: "docs/rules/routes.md#jcp-referral-missing",
  },
  // Retention classes (docs/security.md DP-02, LG-07; docs/decisions/0021-data-protection-and-least-privilege.md).
  "retention.closedCaseMonths": {
    schema: z.number().int().min(6).max(120),
    default: 24,
    label: "Months after a case closes before it and its participant's details are deleted",
    rule: "docs/security.md#h-data-protection-and-uk-gdpr",
  },
  "retention.auditMonths": {
    schema: z.number().int().min(6).max(120),
    // The retention classes keep audit 6 years (docs/decisions/0021-data-protection-and-least-privilege.md §3).
    default: 72,
    label: "Months the audit log (including the access log) is kept",
    rule: "docs/security.md#g-logging-and-audit",
  },
  "retention.staffNoticeMonths": {
    schema: z.number().int().min(1).max(120),
    default: 12,
    label: "Months a read staff notice is kept",
    rule: "docs/security.md#h-data-protection-and-uk-gdpr",
  },
  // Sign-in lockout and per-user limits (docs/security.md AU-02, RL-01;
  // docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md).
  "signIn.lockAfterFailures": {
    schema: z.number().int().min(3).max(10),
    default: 10,
    label: "Failed sign-ins in a row before an account is locked (at most 10)",
    rule: "docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md",
  },
  "signIn.lockMinutes": {
    schema: z.number().int().min(5).max(1440),
    default: 30,
    label: "Minutes a locked account stays locked (an administrator can unlock it sooner)",
    rule: "docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md",
  },
  "signIn.failuresPerAddress": {
    schema: z.number().int().min(10).max(1000),
    default: 50,
    label: "Failed sign-ins from one address in 15 minutes before that address is refused",
    rule: "docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md",
  },
  "rateLimit.searchesPerMinute": {
    schema: z.number().int().min(1).max(1000),
    default: 30,
    label: "Searches one user may make in a minute",
    rule: "docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md",
  },
  "rateLimit.exportsPerHour": {
    schema: z.number().int().min(1).max(1000),
    default: 20,
    label: "Exports one user may download in an hour",
    rule: "docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md",
  },
  "security.mfaRequiredForCaseworkers": {
    schema: z.boolean(),
    default: false,
    label: "Caseworkers must use two-factor authentication (nominated officers, managers and administrators always do)",
    rule: "docs/security.md#b-authentication",
  },
  "expectedReferral.missingAfterWorkingDays": {
    schema: z.number().int().min(1).max(60),
    default: 5,
    label: "Working days after a Warm Handover call before an expected referral with no PRaP referral shows as missing (3.05)",
    rule: "docs/decisions/0023-bulk-import-and-expected-referrals.md",
  },
} as const satisfies Record<string, SettingDefinition<unknown>>;

export interface SettingDefinition<T> {
  schema: z.ZodType<T>;
  default: T;
  label: string;
  rule: string;
}

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;
export type SettingValues<K extends SettingKey> = { [P in K]: SettingValue<P> };

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** The value in force: the stored one when it passes its schema, otherwise the default. */
export function settingValue<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> {
  const definition = SETTINGS[key] as unknown as SettingDefinition<SettingValue<K>>;
  const parsed = definition.schema.safeParse(stored);
  return parsed.success ? parsed.data : definition.default;
}

/** How a setting is edited, from its default's type: a number box or a yes/no choice. */
export type SettingInputKind = "number" | "boolean";

export function settingInputKind(key: SettingKey): SettingInputKind {
  return typeof SETTINGS[key].default === "boolean" ? "boolean" : "number";
}

/** The value as the edit form shows it. */
export function settingInputText(key: SettingKey, value: unknown): string {
  return settingInputKind(key) === "boolean" ? (value ? "true" : "false") : String(value);
}

/** The value as the settings list shows it. */
export function settingDisplayText(key: SettingKey, value: unknown): string {
  return settingInputKind(key) === "boolean" ? (value ? "Yes" : "No") : String(value);
}

export type ParsedSetting = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * An administrator's typed value for a setting, checked against the setting's own schema
 * (docs/rules/reasons-and-settings.md: settings). Generic: a new SETTINGS entry is editable with
 * no new form. Messages say what to enter, with the schema's bounds.
 */
export function parseSettingInput(key: SettingKey, text: string): ParsedSetting {
  const definition = SETTINGS[key] as unknown as SettingDefinition<unknown>;
  const trimmed = text.trim();
  if (settingInputKind(key) === "boolean") {
    if (trimmed !== "true" && trimmed !== "false") return { ok: false, message: `Select yes or no for “${definition.label}”` };
    return { ok: true, value: trimmed === "true" };
  }
  const bounds = numberBounds(definition.schema);
  const what = bounds ? `a whole number from ${bounds.min} to ${bounds.max}` : "a whole number";
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, message: `Enter ${what} for “${definition.label}”` };
  const parsed = definition.schema.safeParse(Number(trimmed));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: `Enter ${what} for “${definition.label}”` };
}

function numberBounds(schema: z.ZodType<unknown>): { min: number; max: number } | null {
  if (!(schema instanceof z.ZodNumber)) return null;
  const { minValue, maxValue } = schema;
  return minValue !== null && maxValue !== null && Number.isFinite(minValue) && Number.isFinite(maxValue) ? { min: minValue, max: maxValue } : null;
}
