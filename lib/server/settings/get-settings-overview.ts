import type { PrismaClient } from "@/lib/db/prisma";
import { REASON_KINDS, SITE_CONTACT_ROLES, type ReasonKindValue, type SiteContactRole } from "@/lib/domain/forms/settings-forms";
import { SETTINGS, SETTING_KEYS, settingDisplayText, settingInputKind, settingInputText, type SettingInputKind, type SettingKey } from "@/lib/domain/settings";
import { assertCan, type UseCaseActor } from "../assert-can";
import { loadSettings } from "../reference/load-settings";

export interface SettingRow {
  key: SettingKey;
  label: string;
  rule: string;
  kind: SettingInputKind;
  display: string;
  /** The value as the form shows it, posted back to refuse a stale edit. */
  inputText: string;
}

export interface SiteContactRow {
  id: string;
  role: SiteContactRole;
  name: string;
  organisation: string | null;
  phone: string | null;
  email: string | null;
}

export interface SettingsOverview {
  settings: SettingRow[];
  provider: { version: number; contactPhone: string | null; contactEmail: string | null; ucServiceCentreEmail: string | null; sesPolicyEmail: string | null };
  sites: { id: string; name: string; active: boolean; contacts: SiteContactRow[] }[];
  reasons: { kind: ReasonKindValue; entries: { id: string; code: string; label: string; prapLabel: string | null; active: boolean }[] }[];
}

/** Everything on the settings and contacts page (app/(signed-in)/admin/settings), for an administrator. */
export async function getSettingsOverview(db: PrismaClient, actor: UseCaseActor): Promise<SettingsOverview> {
  assertCan(actor, "manage:settings:any");
  const [values, provider, sites, reasons] = await Promise.all([
    loadSettings(db, SETTING_KEYS),
    db.organisation.findUniqueOrThrow({
      where: { id: actor.organisationId },
      select: { version: true, contactPhone: true, contactEmail: true, ucServiceCentreEmail: true, sesPolicyEmail: true },
    }),
    db.site.findMany({
      where: { organisationId: actor.organisationId },
      orderBy: [{ active: "desc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        active: true,
        contacts: {
          where: { caseId: null, role: { in: [...SITE_CONTACT_ROLES] } },
          orderBy: [{ role: "asc" }, { name: "asc" }],
          select: { id: true, role: true, name: true, organisation: true, phone: true, email: true },
        },
      },
    }),
    db.reason.findMany({ orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, kind: true, code: true, label: true, prapLabel: true, active: true } }),
  ]);
  return {
    settings: SETTING_KEYS.map((key) => ({
      key,
      label: SETTINGS[key].label,
      rule: SETTINGS[key].rule,
      kind: settingInputKind(key),
      display: settingDisplayText(key, values[key]),
      inputText: settingInputText(key, values[key]),
    })),
    provider,
    sites: sites.map((site) => ({ ...site, contacts: site.contacts.map((contact) => ({ ...contact, role: contact.role as SiteContactRole })) })),
    reasons: REASON_KINDS.map((kind) => ({ kind, entries: reasons.filter((reason) => reason.kind === kind).map(({ kind: _kind, ...entry }) => entry) })),
  };
}
