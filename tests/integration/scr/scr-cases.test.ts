import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateScrCaseInput } from "@/lib/domain/forms/scr-forms";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { applyLifecycleAction } from "@/lib/server/cases/lifecycle/apply-lifecycle-action";
import { createScrCase } from "@/lib/server/scr/create-scr-case";
import { getRestrictedQueue } from "@/lib/server/scr/get-restricted-queue";
import { getSl2View } from "@/lib/server/scr/get-sl2-view";
import { recordSl2Page1Returned } from "@/lib/server/scr/record-sl2-page1-returned";
import { recordSl2ReferralFormReturned } from "@/lib/server/scr/record-sl2-referral-form-returned";
import { UseCaseError } from "@/lib/server/use-case-error";
import { createCase, createMappaAnnex, createProvider, type Provider, type StaffKey } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

describe("SCR clerical referrals via SL2 (13.52–13.57, 13.74–13.78, 3.30–3.31, 3.40–3.44)", () => {
  let db: TestDatabase;
  const today = "2026-11-24";
  const clock = { today, now: new Date("2026-11-24T12:00:00Z") };
  let provider: Provider;
  let actors: Record<StaffKey, UseCaseActor>;
  /** An SL2 case whose page 1 went back; not yet assessed (13.55, 13.56). */
  const scrReferred = () => createCase(db.prisma, provider, { route: "scr_clerical", state: "referred", referralDate: "2026-11-16", sl2: { page1ReturnedOn: "2026-11-18" }, assignedTo: provider.users.officer });
  /** An SL2 case started, with page 1 and the referral form both returned (13.57, 13.74). */
  const scrStarted = () =>
    createCase(db.prisma, provider, { route: "scr_clerical", state: "started", referralDate: "2026-11-02", dates: { startedOn: "2026-11-16" }, sl2: { page1ReturnedOn: "2026-11-04", referralFormReturnedOn: "2026-11-17" }, assignedTo: provider.users.officer });
  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      () => "ok",
      (error: unknown) => (error instanceof UseCaseError ? `${error.code}: ${error.message}` : String(error)),
    );
  const sl2Input = (overrides: Partial<CreateScrCaseInput> = {}): CreateScrCaseInput => ({
    submissionId: randomUUID(),
    siteId: provider.sites.england.id,
    receivedOn: "2026-11-20",
    title: "Mr",
    forename: "Declan",
    surname: "Marsh",
    nino: "QQ123456C",
    telephone: null,
    jcpOfficerName: "Graham Tennant",
    jcpOfficerOffice: "Leeds Jobcentre",
    jcpOfficerPhone: null,
    jcpOfficerEmail: null,
    ...overrides,
  });
  const versionOf = async (caseId: string) => (await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).version;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    actors = provider.actors;
  });
  afterAll(() => db.close());

  describe("creating an SCR case from a received SL2 (13.54, 3.31)", () => {
    it("a nominated officer creates it: route scr_clerical, tier scr, no PRaP referral, the SL2 received date as the referral date, audited", async () => {
      const input = sl2Input();
      const { caseId, reference } = await createScrCase(db.prisma, actors.officer, input, clock);
      expect(caseId).toBe(input.submissionId);
      const created = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { sl2: true, contacts: true, prapReferrals: true } });
      expect(created).toMatchObject({ reference, route: "scr_clerical", restrictionTier: "scr", state: "referred", ruleset: "ses_2017" });
      expect(created.prapReferrals).toEqual([]);
      expect(created.referralDate?.toISOString().slice(0, 10)).toBe("2026-11-20");
      expect(created.sl2?.receivedOn.toISOString().slice(0, 10)).toBe("2026-11-20");
      expect(created.contacts.map((c) => [c.role, c.name])).toEqual([["jcp_nominated_officer", "Graham Tennant"]]);
      expect(created.assignedCaseworkerId).toBe(actors.officer.id);
      expect(await db.prisma.auditEvent.count({ where: { caseId, action: "case.created", actorId: actors.officer.id } })).toBe(1);
    });

    it("refuses a caseworker, a manager and an administrator, writing nothing (13.77, 3.43)", async () => {
      const before = await db.prisma.case.count();
      for (const key of ["caseworker", "manager", "administrator"] as const) {
        expect(await outcome(createScrCase(db.prisma, actors[key], sl2Input(), clock))).toMatch(/^FORBIDDEN/);
      }
      expect(await db.prisma.case.count()).toBe(before);
    });

    it("is duplicate-submission safe: the same post twice makes one case", async () => {
      const input = sl2Input({ surname: "Twice" });
      const [first, second] = await Promise.all([createScrCase(db.prisma, actors.officer, input, clock), createScrCase(db.prisma, actors.officer, input, clock)]);
      expect(second).toEqual(first);
      expect(await db.prisma.case.count({ where: { claimant: { surname: "Twice" } } })).toBe(1);
      expect(await db.prisma.auditEvent.count({ where: { caseId: first.caseId, action: "case.created" } })).toBe(1);
    });

    it("refuses an SL2 received in the future", async () => {
      expect(await outcome(createScrCase(db.prisma, actors.officer, sl2Input({ receivedOn: "2026-11-25" }), clock))).toMatch(/^INVALID/);
    });

    it("picks the ruleset by the date the SL2 arrived: Chapter 13 before 1 September 2017, Chapter 3 from it", async () => {
      const early = await createScrCase(db.prisma, actors.officer, sl2Input({ receivedOn: "2017-08-31" }), clock);
      const late = await createScrCase(db.prisma, actors.officer, sl2Input({ receivedOn: "2017-09-01" }), clock);
      expect((await db.prisma.case.findUniqueOrThrow({ where: { id: early.caseId } })).ruleset).toBe("ses_2016_uc");
      expect((await db.prisma.case.findUniqueOrThrow({ where: { id: late.caseId } })).ruleset).toBe("ses_2017");
      expect((await getSl2View(db.prisma, actors.officer, early.caseId, null)).marking).toBe("SCR participant");
      expect((await getSl2View(db.prisma, actors.officer, late.caseId, null)).marking).toBe("SCR customer");
    });

    it("runs the 20-working-day start clock from the SL2 received date, skipping the site nation's bank holidays (docs/rules/decisions.md, 13.13)", async () => {
      // Thu 13 Apr 2017: Good Friday and Easter Monday (E&W) and the May Day holiday fall in the 20 working days.
      const leeds = await createScrCase(db.prisma, actors.officer, sl2Input({ receivedOn: "2017-04-13" }), clock);
      const glasgow = await createScrCase(db.prisma, actors.officer, sl2Input({ receivedOn: "2017-04-13", siteId: provider.sites.scotland.id }), clock);
      const due = async (caseId: string) => (await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).startDueOn?.toISOString().slice(0, 10);
      expect(await due(leeds.caseId)).toBe("2017-05-16");
      expect(await due(glasgow.caseId)).toBe("2017-05-15"); // no Easter Monday in Scotland
    });
  });

  describe("the SL2 returns (13.55–13.57, 3.31) and the start at initial engagement (13.74, 3.40)", () => {
    it("logs page 1's return with its secure method and date, keeps pages 2 and 3, then after the start logs the referral form", async () => {
      const { caseId } = await createScrCase(db.prisma, actors.officer, sl2Input({ receivedOn: "2026-11-16", surname: "Returns" }), clock);
      // The referral form is not returned before page 1, nor before the assessment (13.56).
      expect(await outcome(recordSl2ReferralFormReturned(db.prisma, actors.officer, { caseId, version: await versionOf(caseId), returnedOn: "2026-11-20", method: "secure_email", trackingNumber: null }, today))).toMatch(/^INVALID: Return SL2 page 1/);

      await recordSl2Page1Returned(
        db.prisma,
        actors.officer,
        { caseId, version: await versionOf(caseId), completedOn: "2026-11-17", returnedOn: "2026-11-18", method: "special_delivery", trackingNumber: "SD 1234 5678 9GB", pages2And3Retained: "yes" },
        today,
      );
      const sl2 = await db.prisma.sl2Form.findUniqueOrThrow({ where: { caseId } });
      expect(sl2.page1ReturnedOn?.toISOString().slice(0, 10)).toBe("2026-11-18");
      expect(sl2.page1ReturnMethod).toBe("Royal Mail Special Delivery (Track and Trace)");
      expect(sl2.pages2And3Retained).toBe(true);
      const page1Post = await db.prisma.securePostLog.findFirstOrThrow({ where: { caseId, document: "sl2_page_1" } });
      expect(page1Post).toMatchObject({ direction: "sent", method: "Royal Mail Special Delivery (Track and Trace)", trackingNumber: "SD 1234 5678 9GB", counterparty: "Graham Tennant (JCP nominated officer)" });
      expect(page1Post.postedOn.toISOString().slice(0, 10)).toBe("2026-11-18");
      expect(await db.prisma.auditEvent.count({ where: { caseId, action: "sl2.page1_returned" } })).toBe(1);
      // Page 1 goes back once.
      expect(await outcome(recordSl2Page1Returned(db.prisma, actors.officer, { caseId, version: await versionOf(caseId), completedOn: "2026-11-17", returnedOn: "2026-11-18", method: "secure_email", trackingNumber: null, pages2And3Retained: "yes" }, today))).toMatch(/^INVALID: Page 1 was already returned/);

      expect(await outcome(recordSl2ReferralFormReturned(db.prisma, actors.officer, { caseId, version: await versionOf(caseId), returnedOn: "2026-11-20", method: "secure_email", trackingNumber: null }, today))).toMatch(/^INVALID: The referral form is completed and returned after the assessment/);

      // No PRaP acknowledge or accept: the start comes straight from the referral (13.74, 3.40).
      expect(await outcome(applyLifecycleAction(db.prisma, actors.officer, { caseId, version: await versionOf(caseId), action: "acknowledge", input: {} }, clock))).toMatch(/^INVALID/);
      await applyLifecycleAction(db.prisma, actors.officer, { caseId, version: await versionOf(caseId), action: "record_start", input: { startedOn: "2026-11-20" } }, clock);
      expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("started");
      expect(await db.prisma.prapReferral.count({ where: { caseId } })).toBe(0);

      await recordSl2ReferralFormReturned(db.prisma, actors.officer, { caseId, version: await versionOf(caseId), returnedOn: "2026-11-23", method: "secure_email", trackingNumber: null }, today);
      const formPost = await db.prisma.securePostLog.findFirstOrThrow({ where: { caseId, document: "sl2_referral_form" } });
      expect(formPost).toMatchObject({ direction: "sent", method: "Secure (encrypted) email", trackingNumber: null });
      expect(formPost.postedOn.toISOString().slice(0, 10)).toBe("2026-11-23");
      const view = await getSl2View(db.prisma, actors.officer, caseId, null);
      expect(view.returns.map((r) => [r.document, r.postedOn])).toEqual([
        ["sl2_page_1", "2026-11-18"],
        ["sl2_referral_form", "2026-11-23"],
      ]);
      expect(view.due).toBeNull();
    });

    it("refuses a page 1 return dated before the SL2 arrived or in the future, writing nothing", async () => {
      const { caseId } = await createScrCase(db.prisma, actors.officer, sl2Input({ receivedOn: "2026-11-16" }), clock);
      const base = { caseId, completedOn: "2026-11-17", returnedOn: "2026-11-18", method: "special_delivery" as const, trackingNumber: "SD 1", pages2And3Retained: "yes" as const };
      expect(await outcome(recordSl2Page1Returned(db.prisma, actors.officer, { ...base, version: await versionOf(caseId), completedOn: "2026-11-13" }, today))).toMatch(/^INVALID/);
      expect(await outcome(recordSl2Page1Returned(db.prisma, actors.officer, { ...base, version: await versionOf(caseId), returnedOn: "2026-11-25" }, today))).toMatch(/^INVALID/);
      expect(await db.prisma.securePostLog.count({ where: { caseId } })).toBe(0);
    });
  });

  describe("nobody but a nominated officer can reach an SCR case (AC-01, AC-05)", () => {
    const uses = (actor: UseCaseActor, caseId: string) => [
      getSl2View(db.prisma, actor, caseId, "sl2.restricted_read"),
      recordSl2Page1Returned(db.prisma, actor, { caseId, version: 1, completedOn: "2026-11-20", returnedOn: "2026-11-20", method: "secure_email", trackingNumber: null, pages2And3Retained: "yes" }, today),
      recordSl2ReferralFormReturned(db.prisma, actor, { caseId, version: 1, returnedOn: "2026-11-20", method: "secure_email", trackingNumber: null }, today),
      getRestrictedQueue(db.prisma, actor, clock),
    ];

    for (const key of ["caseworker", "manager"] as const) {
      it(`a ${key} gets NOT_FOUND from every SCR use-case, the same answer as for a random id, and nothing is written`, async () => {
        const { id: scr } = await scrReferred();
        const auditBefore = await db.prisma.auditEvent.count({ where: { caseId: scr } });
        const postsBefore = await db.prisma.securePostLog.count();
        const onScr = await Promise.all(uses(actors[key], scr).map(outcome));
        const onRandom = await Promise.all(uses(actors[key], randomUUID()).map(outcome));
        expect(onScr).toEqual(onRandom);
        expect(onScr.every((answer) => answer === "NOT_FOUND: That record could not be found.")).toBe(true);
        expect(await db.prisma.auditEvent.count({ where: { caseId: scr } })).toBe(auditBefore);
        expect(await db.prisma.securePostLog.count()).toBe(postsBefore);
      });
    }

    it("a nominated officer gets NOT_FOUND for the SL2 of a case that is not an SCR case", async () => {
      const ordinary = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
      expect(await outcome(getSl2View(db.prisma, actors.officer, ordinary.id, null))).toMatch(/^NOT_FOUND/);
    });
  });

  describe("the nominated officer's queue", () => {
    it("lists SCR cases open first with their start clock, MAPPA cases with restrictions to record, and SL2 returns due", async () => {
      const [scrReferredCase, scrStartedCase] = [await scrReferred(), await scrStarted()];
      const mappaWithRestrictions = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "accepted", restrictionTier: "mappa" });
      await createMappaAnnex(db.prisma, mappaWithRestrictions.id, { restrictions: "Appointments only at the site, never at home", restrictionsPhonedOn: "2026-11-20" });
      const fresh = await createScrCase(db.prisma, actors.officer, sl2Input({ receivedOn: "2026-11-23", surname: "Queue" }), clock);
      // A MAPPA case whose annex holds no restrictions yet.
      const referred = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
      await db.prisma.case.update({ where: { id: referred.id }, data: { restrictionTier: "mappa", mappaMarkedAt: clock.now } });
      const queue = await getRestrictedQueue(db.prisma, actors.officer, clock);
      const openIds = queue.openScrCases.map((row) => row.id);
      expect(openIds).toContain(scrReferredCase.id);
      expect(openIds).toContain(fresh.caseId);
      expect(queue.openScrCases.every((row) => !row.closed)).toBe(true);
      const freshRow = queue.openScrCases.find((row) => row.id === fresh.caseId)!;
      expect(freshRow.startClock?.dueOn).toBe("2026-12-21"); // 20 working days from Mon 23 Nov 2026
      expect(queue.mappaRestrictionsToRecord.map((row) => row.id)).toContain(referred.id);
      // A MAPPA case with its restrictions recorded already is not listed.
      expect(queue.mappaRestrictionsToRecord.map((row) => row.id)).not.toContain(mappaWithRestrictions.id);
      const due = new Map(queue.sl2ReturnsDue.map((row) => [row.id, row.returnDue]));
      expect(due.get(fresh.caseId)).toBe("page_1");
      expect(due.has(scrReferredCase.id)).toBe(false); // page 1 returned, not yet assessed
      expect(due.has(scrStartedCase.id)).toBe(false); // both returned
    });

    it("writes one restricted-read row per SCR case listed, per view (LG-01)", async () => {
      await scrReferred();
      const listed = async () => db.prisma.auditEvent.count({ where: { action: "case.restricted_read_listed", actorId: actors.officer.id } });
      const before = await listed();
      const queue = await getRestrictedQueue(db.prisma, actors.officer, clock);
      const shown = queue.openScrCases.length + queue.closedScrCases.length;
      expect(shown).toBeGreaterThan(0);
      expect(await listed()).toBe(before + shown);
      await getRestrictedQueue(db.prisma, actors.officer, clock);
      expect(await listed()).toBe(before + 2 * shown);
    });
  });

  it("audits every read of the SL2 print view: two prints, two restricted-read rows (LG-01)", async () => {
    const { id: scr } = await scrStarted();
    const reads = () => db.prisma.auditEvent.count({ where: { caseId: scr, restrictedRead: true, action: "sl2.print_restricted_read" } });
    const before = await reads();
    await getSl2View(db.prisma, actors.officer, scr, "sl2.print_restricted_read");
    await getSl2View(db.prisma, actors.officer, scr, "sl2.print_restricted_read");
    expect(await reads()).toBe(before + 2);
  });
});
