import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { changeRestriction } from "@/lib/server/cases/change-restriction";
import { applyLifecycleAction } from "@/lib/server/cases/lifecycle/apply-lifecycle-action";
import { countUnreadStaffNotices, listStaffNotices } from "@/lib/server/notices/list-staff-notices";
import { markStaffNoticeRead, STAFF_NOTICE_READ_ACTION } from "@/lib/server/notices/mark-staff-notice-read";
import { getSl2View } from "@/lib/server/scr/get-sl2-view";
import { overrideSl2Marking } from "@/lib/server/scr/override-sl2-marking";
import { UseCaseError } from "@/lib/server/use-case-error";
import { actorFor, createCase, createProvider, createUserRow, type Provider, type StaffKey } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/** docs/rules/restricted-cases.md "SCR lifecycle" (13.74, 13.77, 3.40, 3.43). */
describe("SCR lifecycle without dead ends", () => {
  let db: TestDatabase;
  let provider: Provider;
  let actors: Record<StaffKey, UseCaseActor>;
  const clock = { today: "2026-12-02", now: new Date("2026-12-02T12:00:00Z") };
  const caseRow = (id: string) => db.prisma.case.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    actors = provider.actors;
  });
  afterAll(() => db.close());

  describe("marking a caseworker's case SCR", () => {
    it("unassigns the caseworker, records it in the timeline and tells their manager without naming the case (13.77, 3.43)", async () => {
      const built = await createCase(db.prisma, provider, { state: "acknowledged", assignedTo: provider.users.caseworker });
      await changeRestriction(db.prisma, actors.officer, { caseId: built.id, version: built.version, tier: "scr", reason: "JCP nominated officer phoned: SCR status" }, clock.now);

      expect(await caseRow(built.id)).toMatchObject({ restrictionTier: "scr", assignedCaseworkerId: null });
      const timeline = await db.prisma.auditEvent.findMany({ where: { caseId: built.id }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });
      expect(timeline.map((row) => row.action)).toEqual(["case.restriction_changed", "case.unassigned"]);
      expect(timeline[1]).toMatchObject({ before: { assignedCaseworkerId: provider.users.caseworker.id }, after: { assignedCaseworkerId: null } });

      const notices = await listStaffNotices(db.prisma, actors.manager);
      const notice = notices.find((n) => n.message.includes(provider.users.caseworker.name));
      expect(notice?.message).toContain("2 December 2026");
      // The manager cannot see an SCR case, so the notice names neither the case nor the person.
      expect(notice?.message).not.toContain(built.reference);
      expect(notice?.message).not.toContain(built.claimant.surname);
      expect(notice?.message).not.toContain("JCP nominated officer phoned");
    });

    it("tells only a manager of the caseworker's site, not one elsewhere", async () => {
      const glasgowManager = actorFor(await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["manager"], siteId: provider.sites.scotland.id, name: "Glasgow manager" }));
      const leedsManager = actorFor(await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["manager"], siteId: provider.sites.england.id, name: "Leeds manager" }));
      const built = await createCase(db.prisma, provider, { state: "referred", assignedTo: provider.users.caseworker });
      const before = (await listStaffNotices(db.prisma, leedsManager)).length;
      await changeRestriction(db.prisma, actors.officer, { caseId: built.id, version: built.version, tier: "scr", reason: "SCR" }, clock.now);
      expect((await listStaffNotices(db.prisma, leedsManager)).length).toBe(before + 1);
      expect(await listStaffNotices(db.prisma, glasgowManager)).toEqual([]);
      await expect(listStaffNotices(db.prisma, actors.caseworker)).rejects.toMatchObject({ code: "FORBIDDEN" });
    });

    it("leaves a nominated officer's case with them, with no notice", async () => {
      const built = await createCase(db.prisma, provider, { state: "referred", assignedTo: provider.users.officer });
      const notices = await db.prisma.staffNotice.count();
      await changeRestriction(db.prisma, actors.officer, { caseId: built.id, version: built.version, tier: "scr", reason: "SCR" }, clock.now);
      expect(await caseRow(built.id)).toMatchObject({ assignedCaseworkerId: provider.users.officer.id });
      expect(await db.prisma.staffNotice.count()).toBe(notices);
    });

    it("offers the case back to the caseworker when SCR is cleared, and only then", async () => {
      const built = await createCase(db.prisma, provider, { state: "acknowledged", assignedTo: provider.users.caseworker });
      await changeRestriction(db.prisma, actors.officer, { caseId: built.id, version: built.version, tier: "scr", reason: "SCR" }, clock.now);
      const marked = await caseRow(built.id);
      await changeRestriction(db.prisma, actors.officer, { caseId: built.id, version: marked.version, tier: "none", reason: "JCP: SCR status ended", restoreAssignee: true }, clock.now);
      expect(await caseRow(built.id)).toMatchObject({ restrictionTier: "none", assignedCaseworkerId: provider.users.caseworker.id });
      const last = await db.prisma.auditEvent.findFirst({ where: { caseId: built.id }, orderBy: { id: "desc" } });
      expect(last).toMatchObject({ action: "case.assigned", after: { assignedCaseworkerId: provider.users.caseworker.id } });

      // Nobody to give back: refused, nothing changed.
      const other = await createCase(db.prisma, provider, { state: "referred", restrictionTier: "scr", assignedTo: null });
      const error = await changeRestriction(db.prisma, actors.officer, { caseId: other.id, version: other.version, tier: "none", reason: "ended", restoreAssignee: true }, clock.now).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UseCaseError);
      expect((error as UseCaseError).fieldErrors).toHaveProperty("restoreAssignee");
      expect(await caseRow(other.id)).toMatchObject({ restrictionTier: "scr", version: other.version });
    });
  });

  describe("marking a staff notice as read (docs/rules/restricted-cases.md \"SCR lifecycle\")", () => {
    const takeCaseFrom = async () => {
      const built = await createCase(db.prisma, provider, { state: "referred", assignedTo: provider.users.caseworker });
      await changeRestriction(db.prisma, actors.officer, { caseId: built.id, version: built.version, tier: "scr", reason: "SCR" }, clock.now);
      const notice = await db.prisma.staffNotice.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      return notice.id;
    };

    it("hides the notice from the unread list and count, records who read it and when, and audits it once", async () => {
      const noticeId = await takeCaseFrom();
      const unreadBefore = await countUnreadStaffNotices(db.prisma, actors.manager);
      expect((await listStaffNotices(db.prisma, actors.manager)).map((n) => n.id)).toContain(noticeId);

      expect(await markStaffNoticeRead(db.prisma, actors.manager, { noticeId }, clock.now)).toEqual({ changed: true });
      expect((await listStaffNotices(db.prisma, actors.manager)).map((n) => n.id)).not.toContain(noticeId);
      expect(await countUnreadStaffNotices(db.prisma, actors.manager)).toBe(unreadBefore - 1);
      expect(await db.prisma.staffNotice.findUniqueOrThrow({ where: { id: noticeId } })).toMatchObject({ readAt: clock.now, readById: actors.manager.id });
      const audit = await db.prisma.auditEvent.findMany({ where: { entityType: "StaffNotice", entityId: noticeId } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: STAFF_NOTICE_READ_ACTION, actorId: actors.manager.id, caseId: null });

      // A repeat submission is harmless: nothing changes and no second audit row is written.
      const later = new Date(clock.now.getTime() + 60_000);
      expect(await markStaffNoticeRead(db.prisma, actors.manager, { noticeId }, later)).toEqual({ changed: false });
      expect(await db.prisma.staffNotice.findUniqueOrThrow({ where: { id: noticeId } })).toMatchObject({ readAt: clock.now });
      expect(await db.prisma.auditEvent.count({ where: { entityType: "StaffNotice", entityId: noticeId } })).toBe(1);
    });

    it("refuses roles without the dashboard and answers not found for a notice the manager cannot see, changing nothing", async () => {
      const noticeId = await takeCaseFrom();
      for (const key of ["caseworker", "administrator"] as const) {
        await expect(markStaffNoticeRead(db.prisma, actors[key], { noticeId }, clock.now)).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      const glasgowManager = actorFor(await createUserRow(db.prisma, { organisationId: provider.organisation.id, roles: ["manager"], siteId: provider.sites.scotland.id, name: "Glasgow notice reader" }));
      await expect(markStaffNoticeRead(db.prisma, glasgowManager, { noticeId }, clock.now)).rejects.toMatchObject({ code: "NOT_FOUND" });
      const elsewhere = await createProvider(db.prisma);
      await expect(markStaffNoticeRead(db.prisma, elsewhere.actors.manager, { noticeId }, clock.now)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(markStaffNoticeRead(db.prisma, actors.manager, { noticeId: randomUUID() }, clock.now)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await db.prisma.staffNotice.findUniqueOrThrow({ where: { id: noticeId } })).toMatchObject({ readAt: null, readById: null });
      expect(await db.prisma.auditEvent.count({ where: { entityType: "StaffNotice", entityId: noticeId } })).toBe(0);
    });
  });

  describe("the start at initial engagement and the case that never starts (13.74, 3.40)", () => {
    it("recording the start with no meeting recorded meets the meeting clock", async () => {
      const built = await createCase(db.prisma, provider, { route: "scr_clerical", ruleset: "ses_2016_uc", state: "referred", referralDate: "2026-11-16", sl2: { page1ReturnedOn: "2026-11-18" }, assignedTo: provider.users.officer });
      await applyLifecycleAction(db.prisma, actors.officer, { caseId: built.id, version: built.version, action: "record_start", input: { startedOn: "2026-11-27" } }, clock);
      const after = await caseRow(built.id);
      expect(after.state).toBe("started");
      expect(after.firstMetOn?.toISOString().slice(0, 10)).toBe("2026-11-27");
    });

    it("a nominated officer closes a case whose person never engaged, with the reason, closed as Did Not Start", async () => {
      const built = await createCase(db.prisma, provider, { route: "scr_clerical", state: "referred", referralDate: "2026-11-02", sl2: { page1ReturnedOn: "2026-11-04" }, assignedTo: provider.users.officer });
      const input = { outcome: "never_engaged" as const, reason: "Three letters through the JCP nominated officer; no reply" };
      await applyLifecycleAction(db.prisma, actors.officer, { caseId: built.id, version: built.version, action: "close_scr_not_engaged", input }, clock);
      const after = await db.prisma.case.findUniqueOrThrow({ where: { id: built.id }, include: { closureReason: true } });
      expect(after).toMatchObject({ state: "cancelled", closureReason: { code: "did_not_start" } });
      expect(after.closedAt).not.toBeNull();
      const audit = await db.prisma.auditEvent.findFirst({ where: { caseId: built.id }, orderBy: { id: "desc" } });
      expect(audit?.after).toMatchObject({ outcome: "The person never engaged", closingReason: input.reason });

      // A repeat submission (the same version) changes nothing.
      await expect(applyLifecycleAction(db.prisma, actors.officer, { caseId: built.id, version: built.version, action: "close_scr_not_engaged", input }, clock)).rejects.toMatchObject({ code: "STALE" });
    });

    it("refuses the closure to anyone but a nominated officer", async () => {
      const built = await createCase(db.prisma, provider, { route: "scr_clerical", state: "referred", assignedTo: provider.users.officer });
      for (const key of ["caseworker", "manager", "administrator"] as const) {
        await expect(
          applyLifecycleAction(db.prisma, actors[key], { caseId: built.id, version: built.version, action: "close_scr_not_engaged", input: { outcome: "never_started", reason: "x" } }, clock),
        ).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      expect(await caseRow(built.id)).toMatchObject({ state: "referred", version: built.version });
    });
  });

  describe("the SL2 marking (13.77, 3.43)", () => {
    const sl2Case = (ruleset: "ses_2016_uc" | "ses_2017") =>
      createCase(db.prisma, provider, { route: "scr_clerical", ruleset, state: "referred", referralDate: "2026-11-16", assignedTo: provider.users.officer });

    it("follows the ruleset, and the nominated officer overrides it with a reason only where the ruleset was overridden", async () => {
      const ordinary = await sl2Case("ses_2017");
      expect((await getSl2View(db.prisma, actors.officer, ordinary.id, "sl2.restricted_read")).marking).toBe("SCR customer");
      const refused = await overrideSl2Marking(db.prisma, actors.officer, { caseId: ordinary.id, version: ordinary.version, marking: "scr_participant", reason: "x" }).catch((e: unknown) => e);
      expect((refused as UseCaseError).fieldErrors.marking).toMatch(/follows the case’s ruleset/);

      // A 2026 SL2 case whose ruleset was overridden to Chapter 13.
      const overridden = await sl2Case("ses_2016_uc");
      expect((await getSl2View(db.prisma, actors.officer, overridden.id, "sl2.restricted_read")).marking).toBe("SCR participant");
      const reason = "JCP's SL2 is on the Chapter 3 form: mark it as JCP does";
      await overrideSl2Marking(db.prisma, actors.officer, { caseId: overridden.id, version: overridden.version, marking: "scr_customer", reason });
      expect((await getSl2View(db.prisma, actors.officer, overridden.id, "sl2.restricted_read")).marking).toBe("SCR customer");
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: overridden.id, action: "sl2.marking_overridden" } });
      expect(audit).toMatchObject({ reason, before: { marking: "SCR participant" }, after: { marking: "SCR customer" } });
    });

    it("answers anyone but a nominated officer as for a random id (AC-01)", async () => {
      const built = await sl2Case("ses_2016_uc");
      for (const key of ["caseworker", "manager"] as const) {
        await expect(overrideSl2Marking(db.prisma, actors[key], { caseId: built.id, version: built.version, marking: "scr_customer", reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
    });
  });
});
