import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityReportFiltersSchema } from "@/lib/domain/security/security-report";
import { authenticate } from "@/lib/server/auth/authenticate";
import { changeRestriction } from "@/lib/server/cases/change-restriction";
import { exportCaseAccessLog } from "@/lib/server/cases/export-case-access-log";
import { getCaseView } from "@/lib/server/cases/case-view";
import { exportSecurityReport } from "@/lib/server/security/export-security-report";
import { listSecurityEvents } from "@/lib/server/security/list-security-events";
import { updateUser } from "@/lib/server/users/update-user";
import { createCase, createProvider, DEFAULT_PASSWORD, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * The organisation-wide security report and the access-log export (docs/security.md LG-01, LG-03;
 * docs/rules/restricted-cases.md: the security report;
 * docs/decisions/0013-security-report-and-possible-scr-duplicates.md).
 */
describe("the security report (LG-03)", () => {
  let db: TestDatabase;
  let provider: Provider;
  let other: Provider;
  let scrCaseId: string;
  let scrReference: string;
  const clock = { today: "2026-12-03", now: new Date("2026-12-03T12:00:00Z") };
  const REASON = "DWP told us the person holds a Special Customer Record";

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    other = await createProvider(db.prisma);
    // A refused read, a restriction change, a role change and a lockout — each through the app's own path.
    const target = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
    scrCaseId = target.id;
    scrReference = target.reference;
    await changeRestriction(db.prisma, provider.actors.officer, { caseId: target.id, version: target.version, tier: "scr", reason: REASON }, clock.now);
    await getCaseView(db.prisma, provider.actors.caseworker, target.id, clock).catch(() => undefined);
    const scotland = provider.users.caseworkerScotland;
    await updateUser(db.prisma, provider.actors.administrator, { userId: scotland.id, version: scotland.version, name: scotland.name, roles: ["caseworker", "manager"], siteIds: scotland.siteId ? [scotland.siteId] : [] });
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await authenticate(db.prisma, { email: provider.users.manager.email, password: "wrong-password-1", ip: "203.0.113.9", userAgent: "Vitest" });
    }
    // Another organisation's refusal never reaches this one's report.
    await getCaseView(db.prisma, other.actors.caseworker, target.id, clock).catch(() => undefined);
  });
  afterAll(() => db.close());

  const filters = (fields: Record<string, string> = {}) => securityReportFiltersSchema.parse(fields);

  it("shows a nominated officer every kind: refused requests, restriction changes, role changes and lockouts", async () => {
    const report = await listSecurityEvents(db.prisma, provider.actors.officer, filters(), 1, 200);
    const kinds = new Set(report.rows.map((row) => row.category));
    expect([...kinds].sort()).toEqual(["Lockout", "Refused request", "Restriction change", "User or role change"]);
    const change = report.rows.find((row) => row.category === "Restriction change");
    expect(change).toMatchObject({ subject: scrReference });
    expect(change?.detail).toContain(REASON);
    expect(report.rows.some((row) => row.actorName === other.users.caseworker.name)).toBe(false);
    expect(report.rows.find((row) => row.category === "Lockout")?.subject).toBe(provider.users.manager.name);
  });

  it("shows an administrator the same events, but never which case a restriction change was about, nor its reason (AC-02)", async () => {
    const report = await listSecurityEvents(db.prisma, provider.actors.administrator, filters(), 1, 200);
    const text = JSON.stringify(report);
    expect(text).not.toContain(scrReference);
    expect(text).not.toContain(scrCaseId);
    expect(text).not.toContain(REASON);
    expect(report.rows.find((row) => row.category === "Restriction change")?.subject).toBe("A case");
    expect(report.rows.some((row) => row.category === "Lockout")).toBe(true);
  });

  it("filters by user, kind and date", async () => {
    const byCaseworker = await listSecurityEvents(db.prisma, provider.actors.officer, filters({ user: provider.users.caseworker.id }), 1, 200);
    expect(byCaseworker.rows.length).toBeGreaterThan(0);
    expect(byCaseworker.rows.every((row) => row.actorName === provider.users.caseworker.name)).toBe(true);
    const lockouts = await listSecurityEvents(db.prisma, provider.actors.officer, filters({ category: "lockout" }), 1, 200);
    expect(lockouts.rows.every((row) => row.category === "Lockout")).toBe(true);
    const past = await listSecurityEvents(db.prisma, provider.actors.officer, filters({ from: "2020-01-01", to: "2020-12-31" }), 1, 200);
    expect(past.total).toBe(0);
    expect(securityReportFiltersSchema.safeParse({ from: "2026-12-05", to: "2026-12-01" }).success).toBe(false);
    expect(securityReportFiltersSchema.safeParse({ from: "not a date" }).success).toBe(false);
  });

  it("is refused to caseworkers and managers", async () => {
    for (const key of ["caseworker", "manager"] as const) {
      await expect(listSecurityEvents(db.prisma, provider.actors[key], filters(), 1, 50)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportSecurityReport(db.prisma, provider.actors[key], filters(), clock.now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("exports as CSV, and the export is audited with its filters and row count", async () => {
    const before = await db.prisma.auditEvent.count({ where: { action: "security_report.exported", actorId: provider.users.administrator.id } });
    const file = await exportSecurityReport(db.prisma, provider.actors.administrator, filters({ category: "lockout" }), clock.now);
    expect(file.csv).toContain("When,Kind,What,Who");
    expect(file.csv).toContain("Lockout");
    expect(file.rowCount).toBeGreaterThan(0);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "security_report.exported", actorId: provider.users.administrator.id } });
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)?.after).toMatchObject({ category: "lockout", rowCount: file.rowCount });
  });

  it("exports a case's access log for its nominated officer, as a restricted read; anyone else is refused and logged", async () => {
    const file = await exportCaseAccessLog(db.prisma, provider.actors.officer, scrCaseId);
    expect(file.csv).toContain("Changed the restriction");
    expect(file.csv).toContain(REASON);
    expect(file.filename).toBe(`access-log-${scrReference}.csv`);
    expect(await db.prisma.auditEvent.count({ where: { caseId: scrCaseId, action: "case.access_log_exported", restrictedRead: true } })).toBe(1);
    for (const key of ["caseworker", "manager", "administrator"] as const) {
      await expect(exportCaseAccessLog(db.prisma, provider.actors[key], scrCaseId)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await db.prisma.auditEvent.count({ where: { entityId: scrCaseId, action: "security.access_log_denied", actorId: provider.users[key].id } })).toBe(1);
    }
  });

  it("keeps the demo password out of the report (the lockout is recorded, never the password tried)", async () => {
    const file = await exportSecurityReport(db.prisma, provider.actors.officer, filters(), clock.now);
    expect(file.csv).not.toContain("wrong-password-1");
    expect(file.csv).not.toContain(DEFAULT_PASSWORD);
  });
});
