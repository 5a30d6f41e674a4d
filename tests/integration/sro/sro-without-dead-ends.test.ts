import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FirstMeetingInput, SroIntroductionInput } from "@/lib/domain/forms/sro-introduction-forms";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { referralIntakeSchemaOn, type ReferralIntakeInput } from "@/lib/domain/forms/referral-intake";
import { introductionOffered } from "@/lib/domain/sro/attach-to-introduction";
import { listWorkQueue } from "@/lib/server/cases/list-work-queue";
import { recordPrapReferral } from "@/lib/server/referrals/record-prap-referral";
import { getRestrictedQueue } from "@/lib/server/scr/get-restricted-queue";
import { recordFirstMeeting } from "@/lib/server/sro/record-first-meeting";
import { recordJcpReceipt } from "@/lib/server/sro/record-jcp-receipt";
import { recordSessro1Sent } from "@/lib/server/sro/record-sessro1-sent";
import { recordSroIntroduction } from "@/lib/server/sro/record-sro-introduction";
import { createCase, createProvider, uniqueNino, type Provider } from "@/tests/integration/support/builders";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { referenceDataChanged } from "@/lib/server/reference/reference-cache";

/** docs/rules/routes.md route 3 and docs/decisions/0014-sro-introductions-without-dead-ends.md. */
describe("SRO introductions without dead ends (13.43, 13.45, 13.46, 3.22, 3.24)", () => {
  let db: TestDatabase;
  let provider: Provider;
  let caseworker: UseCaseActor;
  let officer: UseCaseActor;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };
  const versionOf = async (caseId: string) => (await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).version;

  const introduction = (overrides: Partial<SroIntroductionInput> = {}): SroIntroductionInput => ({
    siteId: provider.sites.england.id,
    introducedOn: "2026-11-20",
    sroOrganisation: "Aire Valley Community Health Trust",
    sroContactName: "Deborah Lund",
    sroPhone: "0113 496 0611",
    sroEmail: null,
    title: "Ms",
    surname: "Okafor",
    forename: "Grace",
    nino: uniqueNino(),
    interviewOn: "2026-11-23",
    interviewAt: "2026-11-23T10:30:00.000Z",
    interviewVenue: "Leeds Central, 1 Park Row",
    onIncompatibleProgramme: false,
    otherProgrammeNamed: null,
    previousSpellReason: null,
    ...overrides,
  });
  const meeting = async (caseId: string, overrides: Partial<FirstMeetingInput> = {}): Promise<FirstMeetingInput> => ({
    caseId,
    version: await versionOf(caseId),
    metOn: "2026-11-23",
    eligible: true,
    suitable: true,
    previousSes: false,
    previousSesAppropriate: null,
    otherDwpProgrammes: null,
    outcome: "accept",
    reasonCode: null,
    part4Reason: null,
    claimantToldOn: null,
    sroContactedOn: null,
    copyRetainedForInspection: false,
    sroToldOn: null,
    provisionFullReason: null,
    previousSpellReason: null,
    ...overrides,
  });
  /** A closed earlier spell of this NINO: completed in 2017. */
  const earlierSpell = (nino: string, restrictionTier: "none" | "scr" = "none") =>
    createCase(db.prisma, provider, {
      route: restrictionTier === "scr" ? "scr_clerical" : "prap_two_stage",
      state: "completed",
      referralDate: "2016-10-03",
      dates: { startedOn: "2016-10-20", endedOn: "2017-04-10" },
      restrictionTier,
      claimant: { nino },
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    caseworker = provider.actors.caseworker;
    officer = provider.actors.officer;
  });
  afterAll(() => db.close());

  describe("an earlier SES spell with the same NINO (13.46, 3.24)", () => {
    it("is shown at the introductory call with its dates and outcome, and the call is recorded only with a reason", async () => {
      const nino = uniqueNino();
      const spell = await earlierSpell(nino);
      const before = await db.prisma.case.count();
      const error = await expectUseCaseError(recordSroIntroduction(db.prisma, caseworker, introduction({ nino }), clock.now), "INVALID");
      expect(error.fieldErrors.previousSpellReason).toContain(spell.reference);
      expect(error.fieldErrors.previousSpellReason).toMatch(/referred Monday 3 October 2016, started Thursday 20 October 2016, completed on Monday 10 April 2017/);
      expect(error.fieldErrors.previousSpellReason).toMatch(/\(3\.24\)$/);
      expect(await db.prisma.case.count()).toBe(before);

      const reason = "Left SES for work that ended; the SRO says she is ready again";
      const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction({ nino, previousSpellReason: reason }), clock.now);
      const form = await db.prisma.sessro1Form.findUniqueOrThrow({ where: { caseId } });
      expect(form.previousSpellReason).toBe(reason);
    });

    it("never reveals an earlier SCR spell to a caseworker, but shows it to a nominated officer (AC-02)", async () => {
      const nino = uniqueNino();
      await earlierSpell(nino, "scr");
      await expectUseCaseError(recordSroIntroduction(db.prisma, officer, introduction({ nino }), clock.now), "INVALID");
      const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction({ nino }), clock.now);
      expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("introduced");
    });

    it("is shown again at the first meeting, where going on needs 'been on SES before' and the reason", async () => {
      const nino = uniqueNino();
      await earlierSpell(nino);
      const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction({ nino, previousSpellReason: "Asked at the call" }), clock.now);

      const said = await expectUseCaseError(recordFirstMeeting(db.prisma, caseworker, await meeting(caseId), clock), "INVALID");
      expect(said.fieldErrors.previousSes).toMatch(/earlier SES spell/);
      const noReason = await expectUseCaseError(
        recordFirstMeeting(db.prisma, caseworker, await meeting(caseId, { previousSes: true, previousSesAppropriate: true })),
        "INVALID",
      );
      expect(noReason.fieldErrors.previousSpellReason).toMatch(/why another period on SES is appropriate/);
      expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("introduced");

      const reason = "Her circumstances changed: new health support in place";
      await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId, { previousSes: true, previousSesAppropriate: true, previousSpellReason: reason }), clock);
      const after = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { sessro1: true } });
      expect(after).toMatchObject({ state: "introduction_accepted", sessro1: { previousSpellReason: reason } });
    });
  });

  it("warns when another DWP programme is named at the introduction, and keeps it on the SESSRO1 (13.45)", async () => {
    const recorded = await recordSroIntroduction(db.prisma, caseworker, introduction({ otherProgrammeNamed: "Fair Start Scotland" }), clock.now);
    expect(recorded.warnings[0]).toMatch(/Fair Start Scotland.*13\.45/);
    expect(recorded.closedNotEligible).toBe(false);
    const form = await db.prisma.sessro1Form.findUniqueOrThrow({ where: { caseId: recorded.caseId } });
    expect(form.otherProgrammeNamed).toBe("Fair Start Scotland");
  });

  it("records a person on an incompatible programme and closes the case as not eligible, instead of refusing the form (13.43, 3.22)", async () => {
    const recorded = await recordSroIntroduction(db.prisma, caseworker, introduction({ onIncompatibleProgramme: true, otherProgrammeNamed: "Work and Health Programme" }), clock.now);
    expect(recorded.closedNotEligible).toBe(true);
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: recorded.caseId }, include: { sessro1: true, closureReason: true } });
    expect(after).toMatchObject({
      state: "not_eligible",
      closureReason: { kind: "not_eligible", code: "incompatible_programme" },
      sessro1: { onIncompatibleProgramme: true, outcome: "not_eligible_or_suitable", otherProgrammeNamed: "Work and Health Programme" },
    });
    expect(after.closedAt).not.toBeNull();
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: recorded.caseId, action: "case.created" } });
    expect(audit.after).toMatchObject({ state: "not_eligible", closedNotEligible: true });
    // A closed case holds no place and does not block a later introduction of the same person.
    const again = await recordSroIntroduction(db.prisma, caseworker, introduction({ nino: after.sessro1!.nino!, previousSpellReason: "Work and Health Programme ended" }), clock.now);
    expect(again.closedNotEligible).toBe(false);
  });

  describe("JCP's receipt of the SESSRO1 and its missing PRaP referral (13.49, 3.27)", () => {
    /** Accepted at the first meeting on Thursday 5 November 2026 and the SESSRO1 sent the next day. */
    const acceptedAndSent = async () => {
      const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction({ introducedOn: "2026-11-02", interviewOn: "2026-11-05" }), clock.now);
      await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId, { metOn: "2026-11-05" }), clock);
      await recordSessro1Sent(db.prisma, caseworker, {
        caseId,
        version: await versionOf(caseId),
        signedOn: "2026-11-05",
        copyOfferedOn: "2026-11-05",
        originalRetained: true,
        postedOn: "2026-11-06",
        method: "Royal Mail Tracked (Track and Trace)",
        trackingNumber: "TT 1234 5678 9GB",
        counterparty: "Sandra Pike, JCP SPoC",
        spocNotifiedOn: "2026-11-06",
      });
      return caseId;
    };
    const rowOf = async (caseId: string) => {
      const queue = await listWorkQueue(db.prisma, caseworker, { view: "search", search: (await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).reference, page: 1, today: clock.today, now: clock.now });
      return queue.rows.find((row) => row.id === caseId)!;
    };

    it("records JCP's receipt once the copy was posted, never before the day it was posted, version-checked", async () => {
      const caseId = await acceptedAndSent();
      const early = await expectUseCaseError(recordJcpReceipt(db.prisma, caseworker, { caseId, version: await versionOf(caseId), receivedOn: "2026-11-05" }), "INVALID");
      expect(early.fieldErrors.receivedOn).toMatch(/before the day it was posted/);
      const version = await versionOf(caseId);
      await recordJcpReceipt(db.prisma, caseworker, { caseId, version, receivedOn: "2026-11-09" });
      const form = await db.prisma.sessro1Form.findUniqueOrThrow({ where: { caseId } });
      expect(form.jcpReceiptOn?.toISOString().slice(0, 10)).toBe("2026-11-09");
      expect(await db.prisma.auditEvent.count({ where: { caseId, action: "sessro1.jcp_receipt_recorded" } })).toBe(1);
      // The same post again is stale and writes nothing.
      await expectUseCaseError(recordJcpReceipt(db.prisma, caseworker, { caseId, version, receivedOn: "2026-11-09" }), "STALE");
      expect(await db.prisma.auditEvent.count({ where: { caseId, action: "sessro1.jcp_receipt_recorded" } })).toBe(1);
    });

    it("refuses JCP's receipt before the SESSRO1 copy was logged as sent", async () => {
      const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction(), clock.now);
      await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId), clock);
      await expectUseCaseError(recordJcpReceipt(db.prisma, caseworker, { caseId, version: await versionOf(caseId), receivedOn: "2026-11-24" }), "INVALID");
    });

    it("shows 'JCP referral missing' in the work queue after the working days set, and follows the setting", async () => {
      const caseId = await acceptedAndSent();
      // 10 working days from 5 November is 19 November; today is 24 November.
      expect((await rowOf(caseId)).jcpReferralMissing).toBe(true);
      // Written straight to the table, as another instance's change would be: pages read settings
      // from the per-process reference data, so tell it, as the settings use-case does
      // (docs/decisions/0031-per-request-and-per-process-caches.md).
      await db.prisma.setting.upsert({ where: { key: "sro.jcpReferralMissingWorkingDays" }, create: { key: "sro.jcpReferralMissingWorkingDays", value: 20 }, update: { value: 20 } });
      referenceDataChanged();
      try {
        expect((await rowOf(caseId)).jcpReferralMissing).toBe(false);
      } finally {
        await db.prisma.setting.delete({ where: { key: "sro.jcpReferralMissingWorkingDays" } });
        referenceDataChanged();
      }
    });

    it("shows it in the nominated officer's restricted queue for an SCR introduction", async () => {
      const caseId = await acceptedAndSent();
      await db.prisma.case.update({ where: { id: caseId }, data: { restrictionTier: "scr", assignedCaseworkerId: null } });
      const queue = await getRestrictedQueue(db.prisma, officer, clock);
      expect(queue.openScrCases.find((row) => row.id === caseId)?.jcpReferralMissing).toBe(true);
    });
  });

  describe("'New referral' with the NINO of an open SRO introduction (13.49, 3.27)", () => {
    const dateParts = (name: string, iso: string) => {
      const [year, month, day] = iso.split("-");
      return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
    };
    let serial = 0;
    const prapReferral = (nino: string): ReferralIntakeInput => {
      serial += 1;
      const n = String(serial + (process.pid % 1000) * 100).padStart(7, "0");
      return referralIntakeSchemaOn(todayInLondon(new Date())).parse({
        route: "prap_single",
        siteId: provider.sites.england.id,
        purchaseOrderNumber: `28${n}`,
        referralId: `PRAP-ATT-${n}`,
        provisionId: "SES-P2-NATIONAL",
        ...dateParts("referralDate", "2026-11-20"),
        ...dateParts("referralReceivedOn", "2026-11-20"),
        ...dateParts("warmHandoverOn", "2026-11-20"),
        title: "Ms",
        forename: "Grace",
        surname: "Okafor",
        nino,
        disabled: "no",
        telephone: "07700 900101",
        addressLine1: "7 Kestrel Row",
        town: "Leeds",
        postcode: "LS9 8QX",
        handoverRole: "disability_employment_adviser",
        handoverName: "Rachel Moorhouse",
        handoverOrganisation: "Leeds Eastgate Jobcentre",
        handoverPhone: "0113 496 0301",
        handoverEmail: "rachel.moorhouse@jobcentre.example.test",
      });
    };

    it("offers to attach JCP's referral to the introduction instead of asking for a re-referral justification, creating nothing", async () => {
      const nino = uniqueNino();
      const { caseId, reference } = await recordSroIntroduction(db.prisma, caseworker, introduction({ nino }), clock.now);
      await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId), clock);
      const before = await db.prisma.case.count();
      const error = await expectUseCaseError(recordPrapReferral(db.prisma, caseworker, prapReferral(nino), clock.now), "INVALID");
      expect(introductionOffered(error.fieldErrors)).toEqual({ key: `attachToIntroduction:${caseId}`, caseId });
      expect(error.message).toContain(reference);
      expect(error.message).toMatch(/attach JCP’s referral to this introduction/);
      expect(error.fieldErrors).not.toHaveProperty("reReferralJustification");
      expect(await db.prisma.case.count()).toBe(before);
    });

    it("does not mention an introduction the user cannot see (an SCR case): no existence oracle (AC-02)", async () => {
      const nino = uniqueNino();
      const { caseId } = await recordSroIntroduction(db.prisma, officer, introduction({ nino }), clock.now);
      await db.prisma.case.update({ where: { id: caseId }, data: { restrictionTier: "scr" } });
      const officerError = await expectUseCaseError(recordPrapReferral(db.prisma, officer, prapReferral(nino), clock.now), "INVALID");
      expect(introductionOffered(officerError.fieldErrors)?.caseId).toBe(caseId);
      const outcome = await recordPrapReferral(db.prisma, caseworker, prapReferral(nino), clock.now).catch((e: unknown) => e);
      const fieldErrors = outcome instanceof Error && "fieldErrors" in outcome ? (outcome as { fieldErrors: Record<string, string> }).fieldErrors : {};
      expect(introductionOffered(fieldErrors)).toBeNull();
      expect(JSON.stringify(fieldErrors)).not.toContain(caseId);
    });
  });
});
