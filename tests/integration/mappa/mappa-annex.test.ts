import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  changeRestrictionSchema,
  recordMappaContactSchema,
  recordMappaJReceivedSchema,
  recordMappaLetterSchema,
  recordMappaRestrictionsSchema,
} from "@/lib/domain/forms/mappa-forms";
import { listCaseAccessLog } from "@/lib/server/cases/list-case-access-log";
import { changeRestriction } from "@/lib/server/cases/change-restriction";
import { getCaseView } from "@/lib/server/cases/case-view";
import { getMappaAnnex } from "@/lib/server/mappa/get-mappa-annex";
import { recordMappaContact } from "@/lib/server/mappa/record-mappa-contact";
import { recordMappaJReceived } from "@/lib/server/mappa/record-mappa-j-received";
import { recordMappaLetter } from "@/lib/server/mappa/record-mappa-letter";
import { recordMappaRestrictions } from "@/lib/server/mappa/record-mappa-restrictions";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { createCase, createMappaAnnex, createProvider, type Provider, type StaffKey } from "@/tests/integration/support/builders";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

const TODAY = "2026-11-24";
const clock = { today: TODAY, now: new Date("2026-11-24T12:00:00Z") };

describe("a MAPPA case's nominated-officer-only annex (13.59, 13.68–13.72, 3.34–3.38)", () => {
  let db: TestDatabase;
  let provider: Provider;
  let actors: Record<StaffKey, UseCaseActor>;
  /** A MAPPA case (13.58) whose annex holds restrictions, a MAPPA J received by secure post and one letter. */
  const buildMappaCase = async () => {
    const { id } = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "acknowledged", restrictionTier: "mappa", assignedTo: provider.users.caseworker });
    await createMappaAnnex(db.prisma, id, {
      restrictions: "Appointments only at Leeds Central, never at home; two staff present.",
      restrictionsPhonedOn: "2026-11-18",
      mappaJ: { receivedOn: "2026-11-19", trackingNumber: "SD 0071 4455 2GB" },
      letters: [{ sentOn: "2026-11-20", description: "Appointment letter" }],
    });
    return id;
  };
  const annexVersion = async (caseId: string) => (await db.prisma.mappaAnnex.findUniqueOrThrow({ where: { caseId } })).version;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    actors = Object.fromEntries(Object.entries(provider.actors).map(([key, actor]) => [key, { ...actor, ip: "203.0.113.9", userAgent: "vitest" }])) as Record<StaffKey, UseCaseActor>;
  });
  afterAll(() => db.close());

  it("lets a nominated officer read it, writing one restricted-read audit row per read (LG-01): two reads, two rows", async () => {
    const mappaCase = await buildMappaCase();
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
    const mappaCase = await buildMappaCase();
    const others = () => db.prisma.auditEvent.count({ where: { NOT: { action: { startsWith: "security." } } } });
    const before = await others();
    for (const key of ["caseworker", "manager", "administrator"] as const) {
      await expectUseCaseError(getMappaAnnex(db.prisma, actors[key], mappaCase), "FORBIDDEN");
    }
    expect(await others()).toBe(before);
    const refusals = await db.prisma.auditEvent.findMany({ where: { action: "security.mappa_annex_denied", entityId: mappaCase } });
    expect(refusals.map((row) => row.actorId).sort()).toEqual([actors.caseworker.id, actors.manager.id, actors.administrator.id].sort());
    // The nominated officer sees who tried, in the case's access log.
    const log = await listCaseAccessLog(db.prisma, actors.officer, mappaCase, 1);
    expect(log.entries.filter((entry) => entry.action === "security.mappa_annex_denied")).toHaveLength(3);
  });

  it("answers 'not found' for a case that is not MAPPA, exactly as for an id that never existed (AC-01)", async () => {
    const { id: ordinaryCase } = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
    const ordinary = await expectUseCaseError(getMappaAnnex(db.prisma, actors.officer, ordinaryCase), "NOT_FOUND");
    const random = await expectUseCaseError(getMappaAnnex(db.prisma, actors.officer, randomUUID()), "NOT_FOUND");
    expect(ordinary.message).toBe(random.message);
  });

  it("keeps the annex off the case record a caseworker sees: no contact details, no annex entries on the timeline (13.71)", async () => {
    const mappaCase = await buildMappaCase();
    // The nominated officer records the restrictions phoned through: an annex entry on the case's timeline.
    const restrictions = recordMappaRestrictionsSchema.parse({
      caseId: mappaCase,
      annexVersion: String(await annexVersion(mappaCase)),
      restrictions: "Appointments only at Leeds Central, never at home; two staff present.",
      "restrictionsPhonedOn-day": "23",
      "restrictionsPhonedOn-month": "11",
      "restrictionsPhonedOn-year": "2026",
    });
    await recordMappaRestrictions(db.prisma, actors.officer, restrictions, TODAY);
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
    const mappaCase = await buildMappaCase();
    const version = await annexVersion(mappaCase);
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
    const mappaCase = await buildMappaCase();
    const version = await annexVersion(mappaCase);
    const events = await db.prisma.auditEvent.count();
    const input = recordMappaContactSchema.parse({ caseId: mappaCase, annexVersion: String(version - 1), contactTelephone: "07700 900123", "contactGivenOn-day": "20", "contactGivenOn-month": "11", "contactGivenOn-year": "2026" });
    await expectUseCaseError(recordMappaContact(db.prisma, actors.officer, input, TODAY), "STALE");
    expect(await annexVersion(mappaCase)).toBe(version);
    expect(await db.prisma.auditEvent.count()).toBe(events);
  });

  it("logs the MAPPA J form received by secure post with its Track and Trace number (13.69)", async () => {
    const mappaCase = await buildMappaCase();
    const input = recordMappaJReceivedSchema.parse({
      caseId: mappaCase,
      annexVersion: String(await annexVersion(mappaCase)),
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
    const mappaCase = await buildMappaCase();
    const input = recordMappaJReceivedSchema.parse({
      caseId: mappaCase,
      annexVersion: String(await annexVersion(mappaCase)),
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
    const mappaCase = await buildMappaCase();
    const input = recordMappaContactSchema.parse({
      caseId: mappaCase,
      annexVersion: String(await annexVersion(mappaCase)),
      contactTelephone: "07700 900123",
      contactAddress: "",
      "contactGivenOn-day": "20", "contactGivenOn-month": "11", "contactGivenOn-year": "2026",
    });
    await recordMappaContact(db.prisma, actors.officer, input, TODAY);
    expect((await getMappaAnnex(db.prisma, actors.officer, mappaCase)).contactTelephone).toBe("07700 900123");
    const view = await getCaseView(db.prisma, actors.caseworker, mappaCase, clock);
    expect(JSON.stringify(view)).not.toContain("07700 900123");
    expect(recordMappaContactSchema.safeParse({ caseId: mappaCase, annexVersion: "1", contactTelephone: "", contactAddress: "", "contactGivenOn-day": "20", "contactGivenOn-month": "11", "contactGivenOn-year": "2026" }).success).toBe(false);
  });

  it("records a letter JCP's nominated officer sent instead of the provider (13.72)", async () => {
    const mappaCase = await buildMappaCase();
    const input = recordMappaLetterSchema.parse({
      caseId: mappaCase,
      annexVersion: String(await annexVersion(mappaCase)),
      "sentOn-day": "24",
      "sentOn-month": "11",
      "sentOn-year": "2026",
      description: "Start date confirmation",
    });
    await recordMappaLetter(db.prisma, actors.officer, input, TODAY);
    expect((await getMappaAnnex(db.prisma, actors.officer, mappaCase)).letters.map((letter) => letter.description)).toContain("Start date confirmation");
  });

  it("refuses every annex write by a caseworker, changing nothing", async () => {
    const mappaCase = await buildMappaCase();
    const version = await annexVersion(mappaCase);
    const input = recordMappaContactSchema.parse({ caseId: mappaCase, annexVersion: String(version), contactTelephone: "01632 960000", "contactGivenOn-day": "20", "contactGivenOn-month": "11", "contactGivenOn-year": "2026" });
    await expectUseCaseError(recordMappaContact(db.prisma, actors.caseworker, input, TODAY), "FORBIDDEN");
    expect(await annexVersion(mappaCase)).toBe(version);
  });
});

describe("setting and clearing a restriction (docs/security.md AC-06)", () => {
  let db: TestDatabase;
  let provider: Provider;
  let actors: Record<StaffKey, UseCaseActor>;
  /** An acknowledged case assigned to the caseworker, not restricted: each test restricts its own. */
  const buildTarget = async () => (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "acknowledged", assignedTo: provider.users.caseworker })).id;
  const state = (target: string) =>
    db.prisma.case.findUniqueOrThrow({ where: { id: target }, select: { restrictionTier: true, version: true, mappaMarkedAt: true, assignedCaseworkerId: true } });
  const post = async (target: string, tier: string, reason = "JCP nominated officer phoned: MAPPA (13.68)") =>
    changeRestrictionSchema.parse({ caseId: target, version: String((await state(target)).version), tier, reason });

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    actors = provider.actors;
  });
  afterAll(() => db.close());

  it("requires a reason and refuses extra keys such as restricted or restrictionTier (AC-04)", () => {
    const target = randomUUID();
    expect(changeRestrictionSchema.safeParse({ caseId: target, version: "1", tier: "mappa", reason: "" }).success).toBe(false);
    expect(changeRestrictionSchema.safeParse({ caseId: target, version: "1", tier: "mappa", reason: "x", restricted: "false" }).success).toBe(false);
  });

  it("refuses a caseworker, a manager and an administrator and changes nothing", async () => {
    const target = await buildTarget();
    const before = await state(target);
    for (const key of ["caseworker", "manager", "administrator"] as const) {
      await expectUseCaseError(changeRestriction(db.prisma, actors[key], await post(target, "mappa"), clock.now), "FORBIDDEN");
    }
    expect(await state(target)).toEqual(before);
  });

  it("lets a nominated officer mark a case MAPPA after intake, audited with who, role, before, after and reason (13.58)", async () => {
    const target = await buildTarget();
    await changeRestriction(db.prisma, actors.officer, await post(target, "mappa"), clock.now);
    const after = await state(target);
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
    // A referral that arrived without contact details (13.58): marking it MAPPA has nothing to keep
    // in the annex (a case with contact details starts its annex with them: mappa-contact-details.test.ts).
    const target = (
      await createCase(db.prisma, provider, { route: "prap_two_stage", state: "acknowledged", assignedTo: provider.users.caseworker, claimant: { telephone: null, address: null } })
    ).id;
    await changeRestriction(db.prisma, actors.officer, await post(target, "mappa"), clock.now);
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
    const target = await buildTarget();
    await changeRestriction(db.prisma, actors.officer, await post(target, "mappa"), clock.now);
    const stale = changeRestrictionSchema.parse({ caseId: target, version: String((await state(target)).version - 1), tier: "none", reason: "x" });
    await expectUseCaseError(changeRestriction(db.prisma, actors.officer, stale, clock.now), "STALE");
    expect((await state(target)).restrictionTier).toBe("mappa");
  });

  it("lets a nominated officer clear the MAPPA marking again", async () => {
    const target = await buildTarget();
    await changeRestriction(db.prisma, actors.officer, await post(target, "mappa"), clock.now);
    await changeRestriction(db.prisma, actors.officer, await post(target, "none", "Marked in error"), clock.now);
    expect(await state(target)).toMatchObject({ restrictionTier: "none", mappaMarkedAt: null });
  });

  it("restricting to SCR hides the case from caseworkers and unassigns a caseworker who is not a nominated officer (13.77)", async () => {
    const target = await buildTarget();
    expect((await state(target)).assignedCaseworkerId).toBe(actors.caseworker.id);
    await changeRestriction(db.prisma, actors.officer, await post(target, "scr", "DWP confirmed a Special Customer Record"), clock.now);
    expect(await state(target)).toMatchObject({ restrictionTier: "scr", assignedCaseworkerId: null });
    await expectUseCaseError(getCaseView(db.prisma, actors.caseworker, target, clock), "NOT_FOUND");
    // Clearing SCR is the nominated officer's too: the caseworker cannot even find it.
    await expectUseCaseError(changeRestriction(db.prisma, actors.caseworker, await post(target, "none"), clock.now), "FORBIDDEN");
    await changeRestriction(db.prisma, actors.officer, await post(target, "none", "SCR status ended"), clock.now);
    expect((await getCaseView(db.prisma, actors.caseworker, target, clock)).id).toBe(target);
  });

  it("keeps an SL2 clerical case SCR (13.52–13.53)", async () => {
    const scr = await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer });
    const input = changeRestrictionSchema.parse({ caseId: scr.id, version: String(scr.version), tier: "none", reason: "x" });
    await expectUseCaseError(changeRestriction(db.prisma, actors.officer, input, clock.now), "INVALID");
  });

  it("lists every restricted read and restriction change on the case, newest first, for a nominated officer only (LG-01)", async () => {
    // Marked MAPPA, cleared as a mistake, made SCR (when the caseworker's request for it was refused), then cleared.
    const target = await buildTarget();
    await changeRestriction(db.prisma, actors.officer, await post(target, "mappa"), clock.now);
    await changeRestriction(db.prisma, actors.officer, await post(target, "none", "Marked in error"), clock.now);
    await changeRestriction(db.prisma, actors.officer, await post(target, "scr", "DWP confirmed a Special Customer Record"), clock.now);
    await expectUseCaseError(getCaseView(db.prisma, actors.caseworker, target, clock), "NOT_FOUND");
    await changeRestriction(db.prisma, actors.officer, await post(target, "none", "SCR status ended"), clock.now);

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
    const scr = (await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer })).id;
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
