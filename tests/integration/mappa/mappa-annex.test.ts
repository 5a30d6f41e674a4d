import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCaseId, userId, type DemoUserKey } from "../../../lib/seed/demo-data";
import { seedDemo } from "../../../lib/seed/seed-demo";
import {
  changeRestrictionSchema,
  recordMappaContactSchema,
  recordMappaJReceivedSchema,
  recordMappaLetterSchema,
  recordMappaRestrictionsSchema,
} from "../../../lib/domain/forms/mappa-forms";
import { listCaseAccessLog } from "../../../lib/server/audit/case-access-log";
import { changeRestriction } from "../../../lib/server/cases/change-restriction";
import { getCaseView } from "../../../lib/server/cases/case-view";
import {
  getMappaAnnex,
  recordMappaContact,
  recordMappaJReceived,
  recordMappaLetter,
  recordMappaRestrictions,
} from "../../../lib/server/mappa/mappa-annex";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { expectUseCaseError } from "../auth/fixtures";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const TODAY = "2026-11-24";
const clock = { today: TODAY, now: new Date("2026-11-24T12:00:00Z") };
const mappaCase = demoCaseId("uc-mappa");

describe("a MAPPA case's nominated-officer-only annex (13.59, 13.68–13.72, 3.34–3.38)", () => {
  let db: TestDatabase;
  const actors = {} as Record<DemoUserKey, UseCaseActor>;
  const annexVersion = async () => (await db.prisma.mappaAnnex.findUniqueOrThrow({ where: { caseId: mappaCase } })).version;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: TODAY });
    for (const key of ["caseworker", "officer", "manager", "admin"] as const) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId(key) } });
      actors[key] = { id: user.id, roles: user.roles, organisationId: user.organisationId, ip: "203.0.113.9", userAgent: "vitest" };
    }
  });
  afterAll(() => db.close());

  it("lets a nominated officer read it, writing one restricted-read audit row per read (LG-01): two reads, two rows", async () => {
    const reads = () => db.prisma.auditEvent.count({ where: { caseId: mappaCase, restrictedRead: true, action: "mappa_annex.read" } });
    const before = await reads();
    const annex = await getMappaAnnex(db.prisma, actors.officer, mappaCase);
    await getMappaAnnex(db.prisma, actors.officer, mappaCase);
    expect(await reads()).toBe(before + 2);
    expect(annex.restrictions).toMatch(/Appointments only at Leeds Central/);
    expect(annex.mappaJReceivedOn).not.toBeNull();
    expect(annex.securePost[0]).toMatchObject({ trackingNumber: "SD 0071 4455 2GB" });
    expect(annex.letters).toHaveLength(1);
    const row = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: mappaCase, action: "mappa_annex.read" }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ actorId: actors.officer.id, actorRoles: ["caseworker", "nominated_officer"], ip: "203.0.113.9" });
  });

  it("refuses it to a caseworker, a manager and an administrator, logging each refusal as a security event only (13.69, LG-03)", async () => {
    const others = () => db.prisma.auditEvent.count({ where: { NOT: { action: { startsWith: "security." } } } });
    const before = await others();
    for (const key of ["caseworker", "manager", "admin"] as const) {
      await expectUseCaseError(getMappaAnnex(db.prisma, actors[key], mappaCase), "FORBIDDEN");
    }
    expect(await others()).toBe(before);
    const refusals = await db.prisma.auditEvent.findMany({ where: { action: "security.mappa_annex_denied", entityId: mappaCase } });
    expect(refusals.map((row) => row.actorId).sort()).toEqual([actors.caseworker.id, actors.manager.id, actors.admin.id].sort());
    // The nominated officer sees who tried, in the case's access log.
    const log = await listCaseAccessLog(db.prisma, actors.officer, mappaCase, 1);
    expect(log.entries.filter((entry) => entry.action === "security.mappa_annex_denied")).toHaveLength(3);
  });

  it("answers 'not found' for a case that is not MAPPA, exactly as for an id that never existed (AC-01)", async () => {
    const ordinary = await expectUseCaseError(getMappaAnnex(db.prisma, actors.officer, demoCaseId("uc-referred")), "NOT_FOUND");
    const random = await expectUseCaseError(getMappaAnnex(db.prisma, actors.officer, randomUUID()), "NOT_FOUND");
    expect(ordinary.message).toBe(random.message);
  });

  it("keeps the annex off the case record a caseworker sees: no contact details, no annex entries on the timeline (13.71)", async () => {
    const view = await getCaseView(db.prisma, actors.caseworker, mappaCase, clock);
    expect(view.restrictionTier).toBe("mappa");
    expect(view.claimant.telephone).toBeNull();
    expect(view.claimant.address).toBeNull();
    expect(view.timeline.some((event) => event.action.startsWith("mappa_annex.") || event.action.startsWith("mappa_letter."))).toBe(false);
    expect(JSON.stringify(view)).not.toContain("Appointments only at Leeds Central");
    const officerView = await getCaseView(db.prisma, actors.officer, mappaCase, clock);
    expect(officerView.timeline.some((event) => event.action.startsWith("mappa_annex."))).toBe(true);
  });

  it("records the restrictions phoned through, bumping the annex version and auditing in the same transaction (13.68, LG-02)", async () => {
    const version = await annexVersion();
    const input = recordMappaRestrictionsSchema.parse({
      caseId: mappaCase,
      annexVersion: String(version),
      restrictions: "No home visits. Appointments at Leeds Central only.",
      "restrictionsPhonedOn-day": "20",
      "restrictionsPhonedOn-month": "11",
      "restrictionsPhonedOn-year": "2026",
    });
    await recordMappaRestrictions(db.prisma, actors.officer, input, TODAY);
    const annex = await db.prisma.mappaAnnex.findUniqueOrThrow({ where: { caseId: mappaCase } });
    expect(annex).toMatchObject({ restrictions: "No home visits. Appointments at Leeds Central only.", version: version + 1 });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: mappaCase, action: "mappa_annex.restrictions_recorded" } });
    expect(audit.actorId).toBe(actors.officer.id);
    expect(JSON.stringify(audit.after)).not.toContain("No home visits");
  });

  it("refuses a write made from a stale annex version and writes nothing (optimistic concurrency)", async () => {
    const version = await annexVersion();
    const events = await db.prisma.auditEvent.count();
    const input = recordMappaContactSchema.parse({ caseId: mappaCase, annexVersion: String(version - 1), contactTelephone: "07700 900123" });
    await expectUseCaseError(recordMappaContact(db.prisma, actors.officer, input), "STALE");
    expect(await annexVersion()).toBe(version);
    expect(await db.prisma.auditEvent.count()).toBe(events);
  });

  it("logs the MAPPA J form received by secure post with its Track and Trace number (13.69)", async () => {
    const input = recordMappaJReceivedSchema.parse({
      caseId: mappaCase,
      annexVersion: String(await annexVersion()),
      "receivedOn-day": "23",
      "receivedOn-month": "11",
      "receivedOn-year": "2026",
      trackingNumber: "SD 1234 5678 9GB",
      counterparty: "JCP nominated officer",
    });
    await recordMappaJReceived(db.prisma, actors.officer, input, TODAY);
    const post = await db.prisma.securePostLog.findFirstOrThrow({ where: { caseId: mappaCase, trackingNumber: "SD 1234 5678 9GB" } });
    expect(post).toMatchObject({ direction: "received", document: "mappa_j", recordedById: actors.officer.id });
    expect((await db.prisma.mappaAnnex.findUniqueOrThrow({ where: { caseId: mappaCase } })).mappaJReceivedOn?.toISOString().slice(0, 10)).toBe("2026-11-23");
  });

  it("refuses a MAPPA J receipt dated in the future", async () => {
    const input = recordMappaJReceivedSchema.parse({
      caseId: mappaCase,
      annexVersion: String(await annexVersion()),
      "receivedOn-day": "25",
      "receivedOn-month": "11",
      "receivedOn-year": "2026",
      trackingNumber: "X",
      counterparty: "JCP",
    });
    const error = await expectUseCaseError(recordMappaJReceived(db.prisma, actors.officer, input, TODAY), "INVALID");
    expect(error.fieldErrors.receivedOn).toMatch(/today or in the past/);
  });

  it("holds contact details given later by the JCP nominated officer in the annex only (13.70)", async () => {
    const input = recordMappaContactSchema.parse({ caseId: mappaCase, annexVersion: String(await annexVersion()), contactTelephone: "07700 900123", contactAddress: "" });
    await recordMappaContact(db.prisma, actors.officer, input);
    expect((await getMappaAnnex(db.prisma, actors.officer, mappaCase)).contactTelephone).toBe("07700 900123");
    const view = await getCaseView(db.prisma, actors.caseworker, mappaCase, clock);
    expect(JSON.stringify(view)).not.toContain("07700 900123");
    expect(recordMappaContactSchema.safeParse({ caseId: mappaCase, annexVersion: "1", contactTelephone: "", contactAddress: "" }).success).toBe(false);
  });

  it("records a letter JCP's nominated officer sent instead of the provider (13.72)", async () => {
    const input = recordMappaLetterSchema.parse({
      caseId: mappaCase,
      annexVersion: String(await annexVersion()),
      "sentOn-day": "24",
      "sentOn-month": "11",
      "sentOn-year": "2026",
      description: "Start date confirmation",
    });
    await recordMappaLetter(db.prisma, actors.officer, input, TODAY);
    expect((await getMappaAnnex(db.prisma, actors.officer, mappaCase)).letters.map((letter) => letter.description)).toContain("Start date confirmation");
  });

  it("refuses every annex write by a caseworker, changing nothing", async () => {
    const version = await annexVersion();
    const input = recordMappaContactSchema.parse({ caseId: mappaCase, annexVersion: String(version), contactTelephone: "01632 960000" });
    await expectUseCaseError(recordMappaContact(db.prisma, actors.caseworker, input), "FORBIDDEN");
    expect(await annexVersion()).toBe(version);
  });
});

describe("setting and clearing a restriction (docs/security.md AC-06)", () => {
  let db: TestDatabase;
  const actors = {} as Record<DemoUserKey, UseCaseActor>;
  const target = demoCaseId("uc-acknowledged");
  const state = () => db.prisma.case.findUniqueOrThrow({ where: { id: target }, select: { restrictionTier: true, version: true, mappaMarkedAt: true, assignedCaseworkerId: true } });
  const post = async (tier: string, reason = "JCP nominated officer phoned: MAPPA (13.68)") =>
    changeRestrictionSchema.parse({ caseId: target, version: String((await state()).version), tier, reason });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: TODAY });
    for (const key of ["caseworker", "officer", "manager", "admin"] as const) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId(key) } });
      actors[key] = { id: user.id, roles: user.roles, organisationId: user.organisationId };
    }
  });
  afterAll(() => db.close());

  it("requires a reason and refuses extra keys such as restricted or restrictionTier (AC-04)", () => {
    expect(changeRestrictionSchema.safeParse({ caseId: target, version: "1", tier: "mappa", reason: "" }).success).toBe(false);
    expect(changeRestrictionSchema.safeParse({ caseId: target, version: "1", tier: "mappa", reason: "x", restricted: "false" }).success).toBe(false);
  });

  it("refuses a caseworker, a manager and an administrator and changes nothing", async () => {
    const before = await state();
    for (const key of ["caseworker", "manager", "admin"] as const) {
      await expectUseCaseError(changeRestriction(db.prisma, actors[key], await post("mappa"), clock.now), "FORBIDDEN");
    }
    expect(await state()).toEqual(before);
  });

  it("lets a nominated officer mark a case MAPPA after intake, audited with who, role, before, after and reason (13.58)", async () => {
    await changeRestriction(db.prisma, actors.officer, await post("mappa"), clock.now);
    const after = await state();
    expect(after.restrictionTier).toBe("mappa");
    expect(after.mappaMarkedAt).toEqual(clock.now);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: target, action: "case.restriction_changed" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      actorId: actors.officer.id,
      actorRoles: ["caseworker", "nominated_officer"],
      before: { restrictionTier: "none" },
      after: { restrictionTier: "mappa" },
      reason: "JCP nominated officer phoned: MAPPA (13.68)",
    });
  });

  it("starts the annex with the first write once the case is MAPPA, and refuses a second 'first' write (annex version 0)", async () => {
    const first = () =>
      recordMappaRestrictionsSchema.parse({
        caseId: target,
        annexVersion: "0",
        restrictions: "Office hours only",
        "restrictionsPhonedOn-day": "24",
        "restrictionsPhonedOn-month": "11",
        "restrictionsPhonedOn-year": "2026",
      });
    expect((await getMappaAnnex(db.prisma, actors.officer, target)).annexVersion).toBe(0);
    await recordMappaRestrictions(db.prisma, actors.officer, first(), TODAY);
    expect(await db.prisma.mappaAnnex.findUniqueOrThrow({ where: { caseId: target } })).toMatchObject({ restrictions: "Office hours only", version: 1 });
    await expectUseCaseError(recordMappaRestrictions(db.prisma, actors.officer, first(), TODAY), "STALE");
  });

  it("refuses a change posted from a stale version", async () => {
    const stale = changeRestrictionSchema.parse({ caseId: target, version: String((await state()).version - 1), tier: "none", reason: "x" });
    await expectUseCaseError(changeRestriction(db.prisma, actors.officer, stale, clock.now), "STALE");
    expect((await state()).restrictionTier).toBe("mappa");
  });

  it("lets a nominated officer clear the MAPPA marking again", async () => {
    await changeRestriction(db.prisma, actors.officer, await post("none", "Marked in error"), clock.now);
    expect(await state()).toMatchObject({ restrictionTier: "none", mappaMarkedAt: null });
  });

  it("restricting to SCR hides the case from caseworkers and unassigns a caseworker who is not a nominated officer (13.77)", async () => {
    expect((await state()).assignedCaseworkerId).toBe(actors.caseworker.id);
    await changeRestriction(db.prisma, actors.officer, await post("scr", "DWP confirmed a Special Customer Record"), clock.now);
    expect(await state()).toMatchObject({ restrictionTier: "scr", assignedCaseworkerId: null });
    await expectUseCaseError(getCaseView(db.prisma, actors.caseworker, target, clock), "NOT_FOUND");
    // Clearing SCR is the nominated officer's too: the caseworker cannot even find it.
    await expectUseCaseError(changeRestriction(db.prisma, actors.caseworker, await post("none"), clock.now), "FORBIDDEN");
    await changeRestriction(db.prisma, actors.officer, await post("none", "SCR status ended"), clock.now);
    expect((await getCaseView(db.prisma, actors.caseworker, target, clock)).id).toBe(target);
  });

  it("keeps an SL2 clerical case SCR (13.52–13.53)", async () => {
    const scr = await db.prisma.case.findUniqueOrThrow({ where: { id: demoCaseId("scr-referred") } });
    const input = changeRestrictionSchema.parse({ caseId: scr.id, version: String(scr.version), tier: "none", reason: "x" });
    await expectUseCaseError(changeRestriction(db.prisma, actors.officer, input, clock.now), "INVALID");
  });

  it("lists every restricted read and restriction change on the case, newest first, for a nominated officer only (LG-01)", async () => {
    await expectUseCaseError(listCaseAccessLog(db.prisma, actors.caseworker, target, 1), "FORBIDDEN");
    await expectUseCaseError(listCaseAccessLog(db.prisma, actors.manager, target, 1), "FORBIDDEN");
    const log = await listCaseAccessLog(db.prisma, actors.officer, target, 1);
    const changes = log.entries.filter((entry) => entry.action === "case.restriction_changed");
    expect(changes.map((entry) => entry.reason)).toEqual(["SCR status ended", "DWP confirmed a Special Customer Record", "Marked in error", "JCP nominated officer phoned: MAPPA (13.68)"]);
    // No nominated officer read it while it was SCR; the caseworker's refused request for it is there (LG-03).
    expect(log.entries.some((entry) => entry.action === "case.restricted_read")).toBe(false);
    expect(log.entries.some((entry) => entry.action === "security.case_not_found" && entry.actorName !== null)).toBe(true);
    const times = log.entries.map((entry) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("pages the access log 50 at a time, and reading an SCR case's log is itself a restricted read", async () => {
    const scr = demoCaseId("scr-referred");
    for (let index = 0; index < 55; index += 1) await getCaseView(db.prisma, actors.officer, scr, clock);
    const first = await listCaseAccessLog(db.prisma, actors.officer, scr, 1);
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0].action).toBe("case.access_log_read");
    const second = await listCaseAccessLog(db.prisma, actors.officer, scr, 2);
    expect(second.page).toBe(2);
    expect(second.total).toBe(first.total + 1);
    expect(second.entries.length).toBeGreaterThan(0);
  });
});
