import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateFromDb } from "@/lib/db/dates";
import { addReasonSchema, addSiteContactSchema, changeSettingSchema, providerContactsSchema, removeSiteContactSchema, renameReasonSchema, setReasonActiveSchema } from "@/lib/domain/forms/settings-forms";
import { SETTING_KEYS } from "@/lib/domain/settings";
import { addReason } from "@/lib/server/settings/add-reason";
import { addSiteContact } from "@/lib/server/settings/add-site-contact";
import { changeSetting } from "@/lib/server/settings/change-setting";
import { getSettingsOverview } from "@/lib/server/settings/get-settings-overview";
import { removeSiteContact } from "@/lib/server/settings/remove-site-contact";
import { renameReason } from "@/lib/server/settings/rename-reason";
import { setReasonActive } from "@/lib/server/settings/set-reason-active";
import { updateProviderContacts } from "@/lib/server/settings/update-provider-contacts";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { auditRowsFor } from "@/tests/integration/support/inspect";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/** The settings and contacts page's use-cases (docs/rules/reasons-and-settings.md), against a real database. */
describe("settings and contacts administration", () => {
  let db: TestDatabase;
  let provider: Provider;
  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());
  const admin = () => provider.actors.administrator;

  it("lists every entry of SETTINGS with the value in force, so a new setting appears with no new page", async () => {
    const overview = await getSettingsOverview(db.prisma, admin());
    expect(overview.settings.map((row) => row.key)).toEqual(SETTING_KEYS);
    expect(overview.settings.find((row) => row.key === "contact.unableToContactAttempts")).toMatchObject({ kind: "number", display: "3", inputText: "3" });
  });

  it("changes a setting through its own schema, audits before and after, and recomputes due dates (day 0 setting moves the start deadline)", async () => {
    const built = await createCase(db.prisma, provider, { route: "prap_single", state: "referred", referralDate: "2026-11-02" });
    const dueBefore = isoDateFromDb((await db.prisma.case.findUniqueOrThrow({ where: { id: built.id } })).startDueOn);
    const result = await changeSetting(db.prisma, admin(), changeSettingSchema.parse({ key: "deadline.countDayZero", value: "true", shown: "false" }));
    expect(result.changed).toBe(true);
    const dueAfter = isoDateFromDb((await db.prisma.case.findUniqueOrThrow({ where: { id: built.id } })).startDueOn);
    expect(dueAfter).not.toBe(dueBefore);
    expect(dueAfter! < dueBefore!).toBe(true); // counting the referral date as day 1 is stricter
    const [audit] = await auditRowsFor(db.prisma, { entityId: "deadline.countDayZero", action: "setting.changed" });
    expect(audit.before).toMatchObject({ value: false });
    expect(audit.after).toMatchObject({ value: true });
    // Put it back for the other tests.
    await changeSetting(db.prisma, admin(), changeSettingSchema.parse({ key: "deadline.countDayZero", value: "false", shown: "true" }));
  });

  it("refuses a value its schema refuses, with a message that names the bounds, and a stale edit", async () => {
    const bad = changeSettingSchema.safeParse({ key: "contact.unableToContactAttempts", value: "0", shown: "3" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/whole number from 1 to 20/);
    await expectUseCaseError(changeSetting(db.prisma, admin(), changeSettingSchema.parse({ key: "contact.unableToContactAttempts", value: "4", shown: "5" })), "STALE");
    expect((await db.prisma.setting.findUnique({ where: { key: "contact.unableToContactAttempts" } }))?.value ?? 3).toBe(3);
  });

  it("a repeat submission of the same value changes nothing and writes no audit row", async () => {
    await changeSetting(db.prisma, admin(), changeSettingSchema.parse({ key: "deadline.dueSoonWorkingDays", value: "5", shown: "3" }));
    const again = await changeSetting(db.prisma, admin(), changeSettingSchema.parse({ key: "deadline.dueSoonWorkingDays", value: "5", shown: "5" }));
    expect(again.changed).toBe(false);
    expect(await auditRowsFor(db.prisma, { entityId: "deadline.dueSoonWorkingDays", action: "setting.changed" })).toHaveLength(1);
  });

  it("refuses everyone but an administrator", async () => {
    await expectUseCaseError(changeSetting(db.prisma, provider.actors.manager, changeSettingSchema.parse({ key: "deadline.dueSoonWorkingDays", value: "4", shown: "5" })), "FORBIDDEN");
    await expectUseCaseError(getSettingsOverview(db.prisma, provider.actors.caseworker), "FORBIDDEN");
  });

  it("records the provider's part-7 details and the two DWP inboxes (13.21, 13.22, 13.31), audited, stale version refused", async () => {
    const input = providerContactsSchema.parse({ version: String(provider.organisation.version), contactPhone: "0113 496 0123", contactEmail: "ses@provider.example", ucServiceCentreEmail: "ucsc@dwp.example", sesPolicyEmail: "policy@dwp.example" });
    await updateProviderContacts(db.prisma, admin(), input);
    const overview = await getSettingsOverview(db.prisma, admin());
    expect(overview.provider).toMatchObject({ contactPhone: "0113 496 0123", ucServiceCentreEmail: "ucsc@dwp.example", version: provider.organisation.version + 1 });
    const [audit] = await auditRowsFor(db.prisma, { entityId: provider.organisation.id, action: "organisation.contacts_updated" });
    expect(audit.before).toMatchObject({ ucServiceCentreEmail: "uc-service-centre@dwp.example.test" });
    await expectUseCaseError(updateProviderContacts(db.prisma, admin(), input), "STALE");
    expect(providerContactsSchema.safeParse({ version: "1", ucServiceCentreEmail: "not an email" }).success).toBe(false);
  });

  it("keeps a site's JCP SPoC and DEA contacts; a repeat adds nothing; removal is audited (13.14, 3.05)", async () => {
    const siteId = provider.sites.england.id;
    const input = addSiteContactSchema.parse({ siteId, role: "jcp_spoc", name: "Sam Spoc", organisation: "Leeds Jobcentre", phone: "0113 496 0456", email: "" });
    await addSiteContact(db.prisma, admin(), input);
    await addSiteContact(db.prisma, admin(), input);
    let site = (await getSettingsOverview(db.prisma, admin())).sites.find((candidate) => candidate.id === siteId)!;
    expect(site.contacts).toHaveLength(1);
    expect(addSiteContactSchema.safeParse({ siteId, role: "jcp_spoc", name: "No Way To Reach" }).error?.issues[0].message).toMatch(/telephone number or an email address/);
    await removeSiteContact(db.prisma, admin(), removeSiteContactSchema.parse({ siteId, contactId: site.contacts[0].id }));
    site = (await getSettingsOverview(db.prisma, admin())).sites.find((candidate) => candidate.id === siteId)!;
    expect(site.contacts).toHaveLength(0);
    expect(await auditRowsFor(db.prisma, { action: "site.contact_removed" })).toHaveLength(1);
  });

  it("adds, renames (code and PRaP label kept) and retires reasons; a rejection needs its PRaP label", async () => {
    expect(addReasonSchema.safeParse({ kind: "rejection", label: "Moved abroad" }).error?.issues[0].message).toMatch(/PRaP reason/);
    await addReason(db.prisma, admin(), addReasonSchema.parse({ kind: "early_leaving", label: "Started full-time education" }));
    await expectUseCaseError(addReason(db.prisma, admin(), addReasonSchema.parse({ kind: "early_leaving", label: "started full-time education" })), "INVALID");
    const added = await db.prisma.reason.findFirstOrThrow({ where: { kind: "early_leaving", label: "Started full-time education" } });
    expect(added.code).toBe("started_full_time_education");
    const did = await db.prisma.reason.findFirstOrThrow({ where: { kind: "cancellation", code: "did_not_start" } });
    await renameReason(db.prisma, admin(), renameReasonSchema.parse({ reasonId: did.id, label: "Did not start (cancelled in PRaP)", shown: did.label }));
    const renamed = await db.prisma.reason.findUniqueOrThrow({ where: { id: did.id } });
    expect(renamed).toMatchObject({ code: "did_not_start", prapLabel: "did_not_start", label: "Did not start (cancelled in PRaP)" });
    await expectUseCaseError(renameReason(db.prisma, admin(), renameReasonSchema.parse({ reasonId: did.id, label: "Something else", shown: did.label })), "STALE");
    await setReasonActive(db.prisma, admin(), setReasonActiveSchema.parse({ reasonId: added.id, active: "false" }));
    expect((await db.prisma.reason.findUniqueOrThrow({ where: { id: added.id } })).active).toBe(false);
    expect(await auditRowsFor(db.prisma, { entityId: added.id, action: "reason.retired" })).toHaveLength(1);
  });
});
