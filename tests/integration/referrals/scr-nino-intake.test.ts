import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { referralIntakeSchemaOn, type ReferralIntakeInput } from "@/lib/domain/forms/referral-intake";
import type { SroIntroductionInput } from "@/lib/domain/forms/sro-introduction-forms";
import { resolveScrDuplicateSchema } from "@/lib/domain/forms/scr-forms";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { findVisibleCase } from "@/lib/server/cases/find-visible-case";
import { listWorkQueue } from "@/lib/server/cases/list-work-queue";
import { getRecordedCase } from "@/lib/server/referrals/get-recorded-case";
import { recordPrapReferral } from "@/lib/server/referrals/record-prap-referral";
import { getRestrictedQueue } from "@/lib/server/scr/get-restricted-queue";
import { resolveScrDuplicate } from "@/lib/server/scr/resolve-scr-duplicate";
import { recordSroIntroduction } from "@/lib/server/sro/record-sro-introduction";
import { createCase, createProvider, uniqueNino, uniquePurchaseOrder, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * M3 closed: intake is no SCR existence oracle (docs/security.md AC-02; docs/rules/restricted-cases.md:
 * possible duplicates of an SCR case). A PRaP referral or SRO introduction with the NINO of an SCR
 * participant answers a caseworker exactly as an unknown NINO does, opens the case restricted and
 * alerts the nominated officers; no audit row a caseworker can read names the SCR case.
 */
describe("an intake with an SCR participant's NINO answers as an unknown NINO (AC-02, 13.77, 3.43)", () => {
  let db: TestDatabase;
  let provider: Provider;
  const NOW = new Date("2026-12-03T12:00:00Z");
  const TODAY = "2026-12-03";
  let counter = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  const dateParts = (name: string, iso: string) => {
    const [year, month, day] = iso.split("-");
    return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
  };

  /** A Chapter 3 PRaP referral as the form posts it, through the schema the server action uses. */
  function referral(nino: string, fields: Record<string, string> = {}): ReferralIntakeInput {
    counter += 1;
    return referralIntakeSchemaOn(todayInLondon(NOW)).parse({
      route: "prap_single",
      siteId: provider.sites.england.id,
      purchaseOrderNumber: uniquePurchaseOrder("uc"),
      referralId: `PRAP-SCR-${process.pid % 1000}-${counter}`,
      provisionId: "SES-P2-NATIONAL",
      ...dateParts("referralDate", "2026-12-01"),
      ...dateParts("referralReceivedOn", "2026-12-01"),
      ...dateParts("warmHandoverOn", "2026-12-01"),
      title: "Mr",
      forename: "Robert",
      surname: "Ingham",
      nino,
      disabled: "no",
      addressLine1: "7 Kestrel Row",
      town: "Leeds",
      postcode: "LS9 8QX",
      handoverRole: "disability_employment_adviser",
      handoverName: "Rachel Moorhouse",
      handoverOrganisation: "Leeds Eastgate Jobcentre",
      handoverPhone: "0113 496 0301",
      handoverEmail: "rachel.moorhouse@jobcentre.example.test",
      ...fields,
    });
  }

  function introduction(nino: string): SroIntroductionInput {
    return {
      siteId: provider.sites.england.id,
      introducedOn: "2026-12-02",
      sroOrganisation: "Aire Valley Community Health Trust",
      sroContactName: "Deborah Lund",
      sroPhone: "0113 496 0611",
      sroEmail: "d.lund@airevalley.example.test",
      title: "Mr",
      surname: "Ingham",
      forename: "Robert",
      nino,
      interviewOn: "2026-12-04",
      interviewAt: "2026-12-04T10:30:00.000Z",
      interviewVenue: "Leeds Central, 1 Park Row",
      onIncompatibleProgramme: false,
      otherProgrammeNamed: null,
      previousSpellReason: null,
    };
  }

  async function scrCase(open = true) {
    const nino = uniqueNino();
    const built = await createCase(db.prisma, provider, { route: "scr_clerical", state: open ? "referred" : "cancelled", claimant: { nino, surname: "Ingham" } });
    return { id: built.id, reference: built.reference, nino };
  }

  /** What a caseworker is told by an intake: the outcome, or the error's code, message and field errors. */
  async function told<T>(actor: UseCaseActor, run: () => Promise<T>) {
    try {
      const result = (await run()) as { caseId: string; reference: string };
      const confirmation = await getRecordedCase(db.prisma, actor, result.caseId);
      return { ok: true, reference: /^SES-\d{6}$/.test(result.reference), confirmation: { kind: confirmation.kind, reference: /^SES-\d{6}$/.test(confirmation.reference) } };
    } catch (error) {
      const { code, message, fieldErrors } = error as { code: string; message: string; fieldErrors: Record<string, string> };
      return { ok: false, code, message, fieldErrors };
    }
  }
  /** The answers differ only by the NINO and the new reference typed back: mask both. */
  const masked = (value: unknown) =>
    JSON.stringify(value)
      .replace(/[A-Z]{2} \d{2} \d{2} \d{2} [A-D]/g, "QQ NN NN NN C")
      .replace(/SES-\d{6}/g, "SES-NNNNNN");

  it("answers a PRaP referral response by response exactly as for an unknown NINO (M3)", async () => {
    const caseworker = provider.actors.caseworker;
    const scr = await scrCase();
    const unknown = uniqueNino();
    // First submission, then the same person again (a second referral, needing a justification).
    const scrAnswers = [await told(caseworker, () => recordPrapReferral(db.prisma, caseworker, referral(scr.nino), NOW))];
    const unknownAnswers = [await told(caseworker, () => recordPrapReferral(db.prisma, caseworker, referral(unknown), NOW))];
    scrAnswers.push(await told(caseworker, () => recordPrapReferral(db.prisma, caseworker, referral(scr.nino), NOW)));
    unknownAnswers.push(await told(caseworker, () => recordPrapReferral(db.prisma, caseworker, referral(unknown), NOW)));
    const justified = { reReferralJustification: "JCP confirmed a new claim after a move" };
    scrAnswers.push(await told(caseworker, () => recordPrapReferral(db.prisma, caseworker, referral(scr.nino, justified), NOW)));
    unknownAnswers.push(await told(caseworker, () => recordPrapReferral(db.prisma, caseworker, referral(unknown, justified), NOW)));

    expect(scrAnswers[0]).toEqual({ ok: true, reference: true, confirmation: { kind: "referral", reference: true } });
    expect(scrAnswers[1]).toMatchObject({ ok: false, code: "INVALID" });
    expect(masked(scrAnswers)).toBe(masked(unknownAnswers));
    for (const answer of scrAnswers) expect(JSON.stringify(answer)).not.toContain(scr.reference);
  });

  it("opens the case restricted and unassigned, and puts it in the nominated officers' queue with both cases linked", async () => {
    const caseworker = provider.actors.caseworker;
    const scr = await scrCase();
    const { caseId, reference } = await recordPrapReferral(db.prisma, caseworker, referral(scr.nino), NOW);
    const row = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ restrictionTier: "scr", assignedCaseworkerId: null });
    expect(reference).toMatch(/^SES-/);
    // Gone for the caseworker, as any SCR case is (AC-01).
    await expect(findVisibleCase(db.prisma, caseworker, caseId, { select: { id: true } })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const queue = await getRestrictedQueue(db.prisma, provider.actors.officer, { today: TODAY, now: NOW });
    const item = queue.possibleDuplicates.find((duplicate) => duplicate.newCase.id === caseId);
    expect(item).toMatchObject({ newCase: { id: caseId, reference }, scrCase: { id: scr.id, reference: scr.reference } });
  });

  it("writes no audit row a caseworker can read that names the SCR case", async () => {
    const caseworker = provider.actors.caseworker;
    const scr = await scrCase();
    const { caseId } = await recordPrapReferral(db.prisma, caseworker, referral(scr.nino), NOW);
    const naming = await db.prisma.auditEvent.findMany({ where: { OR: [{ caseId: scr.id }, { entityId: scr.id }, { after: { path: ["scrCaseId"], equals: scr.id } }] } });
    const all = await db.prisma.auditEvent.findMany({ where: { actorId: caseworker.id } });
    const mentioning = all.filter((event) => JSON.stringify({ ...event, id: String(event.id) }).includes(scr.id));
    expect(naming.length).toBeGreaterThan(0);
    // Every row that mentions the SCR case sits on a case the caseworker cannot see (its timeline and access log are nominated officers' only).
    for (const event of [...naming, ...mentioning]) expect([scr.id, caseId]).toContain(event.caseId);
    const created = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "case.created" } });
    expect(JSON.stringify({ ...created, id: String(created.id) })).not.toContain(scr.id);
  });

  it("answers an SRO introduction exactly as for an unknown NINO, even while the SCR case is open (M3)", async () => {
    const caseworker = provider.actors.caseworker;
    const scr = await scrCase(true);
    const unknown = uniqueNino();
    const answers = async (nino: string) => [
      await told(caseworker, () => recordSroIntroduction(db.prisma, caseworker, introduction(nino), NOW)),
      await told(caseworker, () => recordSroIntroduction(db.prisma, caseworker, introduction(nino), NOW)),
    ];
    const scrAnswers = await answers(scr.nino);
    const unknownAnswers = await answers(unknown);
    expect(scrAnswers[0]).toEqual({ ok: true, reference: true, confirmation: { kind: "introduction", reference: true } });
    expect(scrAnswers[1]).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(masked(scrAnswers)).toBe(masked(unknownAnswers));
    const alert = await db.prisma.scrDuplicateAlert.findFirstOrThrow({ where: { scrCaseId: scr.id } });
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: alert.caseId } })).restrictionTier).toBe("scr");
  });

  it("still tells a nominated officer of the SCR case by its reference", async () => {
    const officer = provider.actors.officer;
    const scr = await scrCase();
    const answer = await told(officer, () => recordPrapReferral(db.prisma, officer, referral(scr.nino), NOW));
    expect(answer).toMatchObject({ ok: false, code: "INVALID" });
    expect(JSON.stringify(answer)).toContain(scr.reference);
    expect(await db.prisma.scrDuplicateAlert.count({ where: { scrCaseId: scr.id } })).toBe(0);
  });

  it("lets a nominated officer merge, keep or close the new case with a reason, once", async () => {
    const caseworker = provider.actors.caseworker;
    const officer = provider.actors.officer;
    const outcomes: Record<string, { duplicate: string; scr: string }> = {};
    const settled: string[] = [];
    for (const resolution of ["merged", "kept", "closed"] as const) {
      const scr = await scrCase();
      const { caseId } = await recordPrapReferral(db.prisma, caseworker, referral(scr.nino), NOW);
      const alert = await db.prisma.scrDuplicateAlert.findFirstOrThrow({ where: { caseId } });
      settled.push(alert.id);
      const input = resolveScrDuplicateSchema.parse({ alertId: alert.id, version: String(alert.version), resolution, reason: `Decided: ${resolution}` });
      await expect(resolveScrDuplicate(db.prisma, caseworker, input, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await resolveScrDuplicate(db.prisma, officer, input, NOW);
      await expect(resolveScrDuplicate(db.prisma, officer, input, NOW)).rejects.toMatchObject({ code: "STALE" });
      const duplicate = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { prapReferrals: true } });
      const scrRow = await db.prisma.case.findUniqueOrThrow({ where: { id: scr.id }, include: { prapReferrals: true } });
      outcomes[resolution] = { duplicate: `${duplicate.state}/${duplicate.prapReferrals.length}`, scr: `${scrRow.prapReferrals.length}` };
      expect(await db.prisma.scrDuplicateAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ resolution, reason: `Decided: ${resolution}`, resolvedById: officer.id });
    }
    expect(outcomes).toEqual({
      merged: { duplicate: "cancelled/0", scr: "1" },
      kept: { duplicate: "referred/1", scr: "0" },
      closed: { duplicate: "cancelled/1", scr: "0" },
    });
    const queue = await getRestrictedQueue(db.prisma, officer, { today: TODAY, now: NOW });
    expect(queue.possibleDuplicates.filter((item) => settled.includes(item.alertId))).toEqual([]);
  });

  it("keeps the new case out of the caseworker's lists", async () => {
    const caseworker = provider.actors.caseworker;
    const scr = await scrCase();
    const { reference } = await recordPrapReferral(db.prisma, caseworker, referral(scr.nino), NOW);
    const search = await listWorkQueue(db.prisma, caseworker, { view: "search", search: reference, page: 1, today: TODAY, now: NOW });
    expect(search.rows).toEqual([]);
  });
});
