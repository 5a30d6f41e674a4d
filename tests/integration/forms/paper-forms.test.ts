import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateFromDb } from "@/lib/db/dates";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { buildUc452EmailFor } from "@/lib/server/paper-forms/build-uc452-email";
import { getFormsOverview } from "@/lib/server/paper-forms/get-forms-overview";
import { getUc452PrintView } from "@/lib/server/paper-forms/get-uc452-print-view";
import { recordSpocChased } from "@/lib/server/paper-forms/record-spoc-chased";
import { recordUc452EmailSent } from "@/lib/server/paper-forms/record-uc452-email-sent";
import { recordUc452Received } from "@/lib/server/paper-forms/record-uc452-received";
import { recordUcpr1DuplicateRequested } from "@/lib/server/paper-forms/record-ucpr1-duplicate-requested";
import { recordUcpr1Received } from "@/lib/server/paper-forms/record-ucpr1-received";
import { UseCaseError } from "@/lib/server/use-case-error";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

const TODAY = "2026-11-24";

/** The UC paper trail (docs/rules/forms.md; 13.08, 13.12, 13.14, 13.21, 13.22, 13.66, 13.67); each test builds its own case. */
describe("UC452 and UCPR1 paper trail", () => {
  let db: TestDatabase;
  let provider: Provider;
  let caseworker: UseCaseActor;
  let manager: UseCaseActor;
  /** Acknowledged; the UC452 came, the UCPR1 did not and nobody chased: the chase is overdue (13.14, 13.67). */
  const missingUcpr1Case = async () =>
    (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "acknowledged", referralDate: "2026-11-13", forms: { uc452ReceivedOn: "2026-11-17" }, assignedTo: provider.users.caseworker })).id;
  /** Recommended for SESMP: UC452 part 6 completed (13.21). The claimant's address must never reach an email. */
  const recommendedCase = async () =>
    (
      await createCase(db.prisma, provider, {
        route: "prap_two_stage",
        state: "recommended",
        strand: "sesmp",
        referralDate: "2026-11-06",
        forms: { uc452ReceivedOn: "2026-11-10", ucpr1ReceivedOn: "2026-11-10" },
        claimant: { forename: "Tomasz", surname: "Nowicki", address: { line1: "44 Beckside Mews", town: "Leeds", postcode: "LS12 3HJ" } },
      })
    ).id;
  const buildScrCase = async () => (await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer })).id;

  const outcomeOf = (promise: Promise<unknown>): Promise<{ code: string; fieldErrors: Record<string, string> }> =>
    promise.then(
      () => ({ code: "ok", fieldErrors: {} }),
      (error: unknown) => (error instanceof UseCaseError ? { code: error.code, fieldErrors: error.fieldErrors } : { code: String(error), fieldErrors: {} }),
    );
  const caseRow = (id: string) => db.prisma.case.findUniqueOrThrow({ where: { id } });
  const ucpr1 = { jobAims: "Warehouse work", jobPreferences: null, preferredHours: "Mornings", availabilityRestrictions: null, specialArrangements: null, complexNeeds: null };

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    ({ caseworker, manager } = provider.actors);
  });
  afterAll(() => db.close());

  it("refuses a received date in the future or before the referral date, writing nothing", async () => {
    const missingUcpr1 = await missingUcpr1Case();
    const before = await caseRow(missingUcpr1);
    const future = await outcomeOf(recordUcpr1Received(db.prisma, caseworker, { caseId: missingUcpr1, version: before.version, receivedOn: "2026-11-25", ...ucpr1 }, TODAY));
    expect(future.code).toBe("INVALID");
    expect(future.fieldErrors.receivedOn).toMatch(/today or in the past/);
    const early = await outcomeOf(recordUcpr1Received(db.prisma, caseworker, { caseId: missingUcpr1, version: before.version, receivedOn: "2026-01-05", ...ucpr1 }, TODAY));
    expect(early.code).toBe("INVALID");
    expect(early.fieldErrors.receivedOn).toMatch(/same as or after the referral date/);
    const after = await caseRow(missingUcpr1);
    expect(after.version).toBe(before.version);
    expect(after.ucpr1ReceivedOn).toBeNull();
  });

  it("records the UCPR1 with its contents, stops the chase clock, recomputes the next deadline and audits without the words", async () => {
    const missingUcpr1 = await missingUcpr1Case();
    const before = await caseRow(missingUcpr1);
    expect(before.formsChaseDueOn).not.toBeNull();
    expect(isoDateFromDb(before.nextDeadlineOn)).toBe(isoDateFromDb(before.formsChaseDueOn)); // the overdue chase is what is next
    await recordUcpr1Received(db.prisma, caseworker, { caseId: missingUcpr1, version: before.version, receivedOn: TODAY, ...ucpr1 }, TODAY);
    const after = await caseRow(missingUcpr1);
    expect(isoDateFromDb(after.ucpr1ReceivedOn)).toBe(TODAY);
    expect(after.version).toBe(before.version + 1);
    expect(after.nextDeadlineOn).not.toBeNull();
    expect(isoDateFromDb(after.nextDeadlineOn)! > isoDateFromDb(before.nextDeadlineOn)!).toBe(true);
    const form = await db.prisma.ucpr1Form.findUniqueOrThrow({ where: { caseId: missingUcpr1 } });
    expect(form).toMatchObject({ jobAims: "Warehouse work", preferredHours: "Mornings" });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: missingUcpr1, action: "ucpr1.received", actorId: caseworker.id } });
    expect(audit.after).toEqual({ receivedOn: TODAY });
    expect(JSON.stringify(audit.after)).not.toContain("Warehouse");
    const overview = await getFormsOverview(db.prisma, caseworker, missingUcpr1);
    expect(overview.ucpr1?.receivedOn).toBe(TODAY);
  });

  it("refuses a stale version: someone else's change is not overwritten", async () => {
    const missingUcpr1 = await missingUcpr1Case();
    // Someone else records the UCPR1 first; a form rendered before that carries the old version.
    await recordUcpr1Received(db.prisma, provider.actors.officer, { caseId: missingUcpr1, version: (await caseRow(missingUcpr1)).version, receivedOn: TODAY, ...ucpr1 }, TODAY);
    const current = await caseRow(missingUcpr1);
    const stale = await outcomeOf(recordUc452Received(db.prisma, caseworker, { caseId: missingUcpr1, version: current.version - 1, receivedOn: TODAY }, TODAY));
    expect(stale.code).toBe("STALE");
    expect((await caseRow(missingUcpr1)).uc452ReceivedOn).toEqual(current.uc452ReceivedOn);
  });

  it("records the UC452 and a SPoC chase, recomputing the stored due dates", async () => {
    const caseId = (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", referralDate: "2026-11-23" })).id;
    let row = await caseRow(caseId);
    await recordSpocChased(db.prisma, caseworker, { caseId, version: row.version, chasedOn: TODAY }, TODAY);
    row = await caseRow(caseId);
    expect(isoDateFromDb(row.spocChasedOn)).toBe(TODAY);
    const chasedAudit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "spoc.chased", actorId: caseworker.id } });
    expect(chasedAudit.after).toMatchObject({ spocChasedOn: TODAY });

    await recordUc452Received(db.prisma, caseworker, { caseId, version: row.version, receivedOn: TODAY }, TODAY);
    row = await caseRow(caseId);
    expect(isoDateFromDb(row.uc452ReceivedOn)).toBe(TODAY);
    const part = await db.prisma.uc452Form.findUniqueOrThrow({ where: { caseId_part: { caseId, part: "parts_1_to_4" } } });
    expect(isoDateFromDb(part.receivedOn)).toBe(TODAY);
    expect(part.templateVersion).toBe("uc452-2016");
    expect(await db.prisma.auditEvent.count({ where: { caseId, action: "uc452.received", actorId: caseworker.id } })).toBe(1);
    // Changed on purpose: the 13.14 chase is met, but the UCPR1 has still not arrived,
    // so the 13.67 duplicate request is still open and is what is next (two obligations, two clocks).
    expect(isoDateFromDb(row.nextDeadlineOn)).toBe(isoDateFromDb(row.ucpr1DuplicateDueOn));

    await recordUcpr1DuplicateRequested(db.prisma, caseworker, { caseId, version: row.version, requestedOn: TODAY }, TODAY);
    row = await caseRow(caseId);
    expect(isoDateFromDb(row.ucpr1DuplicateRequestedOn)).toBe(TODAY);
    const duplicateAudit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "ucpr1.duplicate_requested", actorId: caseworker.id } });
    expect(duplicateAudit.after).toEqual({ ucpr1DuplicateRequestedOn: TODAY });
    // Both pre-start chases are met, so the next deadline is neither of them.
    expect(row.nextDeadlineOn === null || isoDateFromDb(row.nextDeadlineOn) > isoDateFromDb(row.ucpr1DuplicateDueOn)!).toBe(true);
  });

  it("refuses a duplicate UCPR1 request dated in the future or before the referral (13.67), changing nothing", async () => {
    const caseId = (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", referralDate: "2026-11-23" })).id;
    const before = await caseRow(caseId);
    const future = await outcomeOf(recordUcpr1DuplicateRequested(db.prisma, caseworker, { caseId, version: before.version, requestedOn: "2099-01-05" }, TODAY));
    expect(future.code).toBe("INVALID");
    expect(future.fieldErrors.requestedOn).toMatch(/today or in the past/);
    const early = await outcomeOf(recordUcpr1DuplicateRequested(db.prisma, caseworker, { caseId, version: before.version, requestedOn: "2026-11-20" }, TODAY));
    expect(early.fieldErrors.requestedOn).toMatch(/same as or after the referral date/);
    expect((await caseRow(caseId)).version).toBe(before.version);
  });

  it("treats an SCR case as not found for a caseworker, for every read and write (AC-01)", async () => {
    const scrCase = await buildScrCase();
    const scr = await caseRow(scrCase);
    expect((await outcomeOf(recordUc452Received(db.prisma, caseworker, { caseId: scrCase, version: scr.version, receivedOn: TODAY }, TODAY))).code).toBe("NOT_FOUND");
    expect((await outcomeOf(recordUcpr1Received(db.prisma, caseworker, { caseId: scrCase, version: scr.version, receivedOn: TODAY, ...ucpr1 }, TODAY))).code).toBe("NOT_FOUND");
    expect((await outcomeOf(recordSpocChased(db.prisma, caseworker, { caseId: scrCase, version: scr.version, chasedOn: TODAY }, TODAY))).code).toBe("NOT_FOUND");
    expect((await outcomeOf(getFormsOverview(db.prisma, caseworker, scrCase))).code).toBe("NOT_FOUND");
    expect((await outcomeOf(getUc452PrintView(db.prisma, caseworker, scrCase))).code).toBe("NOT_FOUND");
    expect((await outcomeOf(buildUc452EmailFor(db.prisma, caseworker, scrCase, "part_6", "ses_policy"))).code).toBe("NOT_FOUND");
    expect((await caseRow(scrCase)).version).toBe(scr.version);
  });

  it("refuses a manager, who can read cases but not work them", async () => {
    const missingUcpr1 = await missingUcpr1Case();
    const row = await caseRow(missingUcpr1);
    expect((await outcomeOf(recordSpocChased(db.prisma, manager, { caseId: missingUcpr1, version: row.version, chasedOn: TODAY }, TODAY))).code).toBe("FORBIDDEN");
  });

  it("prints parts 1–4 from the referral and the completed part 6 with its template version", async () => {
    const recommended = await recommendedCase();
    const view = await getUc452PrintView(db.prisma, caseworker, recommended);
    expect(view.reference).toMatch(/^SES-/);
    expect(view.partsOneToFour.rows.map((row) => row.label)).toContain("PRaP referral ID");
    expect(view.parts.map((part) => part.part)).toEqual(["part_6"]);
    expect(view.parts[0]).toMatchObject({ templateVersion: "uc452-2016", known: true });
    expect(view.parts[0].fields.map((field) => field.label)).toEqual(["Strand", "Anticipated start date", "Anticipated end date"]);
  });

  it("builds the .eml without changing anything, and keeps every version of an email sent", async () => {
    const recommended = await recommendedCase();
    const auditsBefore = await db.prisma.auditEvent.count({ where: { caseId: recommended } });
    const email = await buildUc452EmailFor(db.prisma, caseworker, recommended, "part_6", "uc_service_centre");
    expect(email.message).toContain("To: \"Universal Credit Service Centre inbox\" <uc-service-centre@dwp.example.test>");
    expect(email.message).not.toMatch(/Beckside|LS12/); // no address: only what the UC452 holds
    expect(await db.prisma.auditEvent.count({ where: { caseId: recommended } })).toBe(auditsBefore);
    // Part 7 was never completed on this case: nothing to build.
    expect((await outcomeOf(buildUc452EmailFor(db.prisma, caseworker, recommended, "part_7", "ses_policy"))).code).toBe("NOT_FOUND");

    const form = await db.prisma.uc452Form.findUniqueOrThrow({ where: { caseId_part: { caseId: recommended, part: "part_6" } } });
    const emailedAuditsBefore = await db.prisma.auditEvent.count({ where: { caseId: recommended, action: "uc452.emailed" } });
    const sentBefore = await db.prisma.uc452Email.count({ where: { caseId: recommended, part: "part_6", inbox: "uc_service_centre" } });
    const input = { caseId: recommended, part: "part_6" as const, inbox: "uc_service_centre" as const, formVersion: form.version, sentOn: TODAY };
    await recordUc452EmailSent(db.prisma, caseworker, input, TODAY);
    await recordUc452EmailSent(db.prisma, caseworker, { ...input, sentOn: "2026-11-23" }, TODAY);
    const sent = await db.prisma.uc452Email.findMany({ where: { caseId: recommended, part: "part_6", inbox: "uc_service_centre" }, orderBy: { createdAt: "asc" } });
    expect(sent).toHaveLength(sentBefore + 2);
    const mine = sent.slice(-2);
    expect(mine.map((row) => isoDateFromDb(row.sentOn))).toEqual([TODAY, "2026-11-23"]);
    for (const row of mine) {
      expect(row.recipient).toBe("uc-service-centre@dwp.example.test");
      expect(row.recordedById).toBe(caseworker.id);
      expect(row.snapshot).toMatchObject({ part: "part_6", templateVersion: "uc452-2016", formVersion: form.version, fields: { strand: "sesmp" } });
    }
    expect(await db.prisma.auditEvent.count({ where: { caseId: recommended, action: "uc452.emailed" } })).toBe(emailedAuditsBefore + 2);
    const overview = await getFormsOverview(db.prisma, caseworker, recommended);
    expect(overview.emails.filter((email) => email.inbox === "uc_service_centre")).toHaveLength(sentBefore + 2);

    // An email built from an older version of the form is refused.
    expect((await outcomeOf(recordUc452EmailSent(db.prisma, caseworker, { ...input, formVersion: form.version + 1 }, TODAY))).code).toBe("STALE");
    expect((await outcomeOf(recordUc452EmailSent(db.prisma, caseworker, { ...input, sentOn: "2026-11-25" }, TODAY))).code).toBe("INVALID");
  });
});
