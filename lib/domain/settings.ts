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
  "sro.jcpReferralMissingWorkingDays": {
    schema: z.number().int().min(1).max(60),
    default: 10,
    label: "Working days after an SRO introduction is accepted before JCP's PRaP referral shows as missing (13.49, 3.27)",
    rule: "docs/rules/routes.md#jcp-referral-missing",
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
