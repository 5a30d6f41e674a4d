import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInLondon } from "../../../lib/calendar/iso-date";
import { referralIntakeSchemaOn } from "../../../lib/domain/forms/referral-intake";
import { siteId, userId } from "@/lib/seed/demo/index";
import { seedDemo } from "../../../lib/seed/seed-demo";
import type { UseCaseActor } from "../../../lib/server/assert-can";
import { recordPrapReferral } from "../../../lib/server/referrals/record-prap-referral";
import { createScrCase } from "../../../lib/server/scr/create-scr-case";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Case references come from database sequences (lib/server/cases/open-case.ts,
 * lib/domain/case-reference.ts): ordinary cases SES-…, SCR cases opened from an SL2 SCR-…, so the
 * ordinary numbering has no gap where a restricted case is (docs/rules/restricted-cases.md).
 */
describe("case references", () => {
  let db: TestDatabase;
  const actors = {} as Record<"caseworker" | "officer", UseCaseActor>;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") };
  const number = (reference: string) => Number(reference.slice(4));
  let sequence = 0;

  const referral = () => {
    sequence += 1;
    const digits = String(sequence).padStart(6, "0");
    return referralIntakeSchemaOn(todayInLondon(new Date())).parse({
      route: "prap_single",
      siteId: siteId("leeds"),
      purchaseOrderNumber: `188${digits}`,
      referralId: `REF-SEQ-${digits}`,
      provisionId: "SES-P2-NATIONAL",
      "referralDate-day": "20",
      "referralDate-month": "11",
      "referralDate-year": "2026",
      "referralReceivedOn-day": "20",
      "referralReceivedOn-month": "11",
      "referralReceivedOn-year": "2026",
      "warmHandoverOn-day": "20",
      "warmHandoverOn-month": "11",
      "warmHandoverOn-year": "2026",
      forename: "Sequence",
      surname: `Claimant ${digits}`,
      nino: `ZX${digits}A`,
      disabled: "no",
      addressLine1: "1 Test Street",
      town: "Leeds",
      postcode: "LS1 1AA",
      handoverRole: "work_coach",
      handoverName: "Pat Coach",
      handoverPhone: "0113 496 0000",
      handoverEmail: "pat.coach@dwp.example.test",
    });
  };
  const sl2 = () => ({
    submissionId: randomUUID(),
    siteId: siteId("leeds"),
    receivedOn: "2026-11-20",
    title: null,
    forename: "Restricted",
    surname: "Person",
    nino: null,
    telephone: null,
    jcpOfficerName: "Graham Tennant",
    jcpOfficerOffice: null,
    jcpOfficerPhone: null,
    jcpOfficerEmail: null,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.prisma, { today: clock.today });
    for (const key of ["caseworker", "officer"] as const) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId(key) } });
      actors[key] = { id: user.id, roles: user.roles, organisationId: user.organisationId };
    }
  });
  afterAll(() => db.close());

  it("continues the ordinary series after the references the demo wrote as they are", async () => {
    const highest = Math.max(...(await db.prisma.case.findMany({ select: { reference: true } })).map((row) => number(row.reference)));
    const { reference } = await recordPrapReferral(db.prisma, actors.caseworker, referral(), clock.now);
    expect(reference).toBe(`SES-${String(highest + 1).padStart(6, "0")}`);
  });

  it("numbers SCR cases in their own series, so the ordinary numbering has no gap where they are", async () => {
    const first = await recordPrapReferral(db.prisma, actors.caseworker, referral(), clock.now);
    const scr = await createScrCase(db.prisma, actors.officer, sl2(), clock);
    const another = await createScrCase(db.prisma, actors.officer, sl2(), clock);
    const second = await recordPrapReferral(db.prisma, actors.caseworker, referral(), clock.now);
    expect(scr.reference).toMatch(/^SCR-\d{6}$/);
    expect(number(another.reference)).toBe(number(scr.reference) + 1);
    expect(number(second.reference)).toBe(number(first.reference) + 1);
  });

  it("gives cases opened at the same time distinct, consecutive references", async () => {
    const opened = await Promise.all([1, 2, 3, 4].map(() => recordPrapReferral(db.prisma, actors.caseworker, referral(), clock.now)));
    const numbers = opened.map((created) => number(created.reference)).sort((a, b) => a - b);
    expect(numbers).toEqual([numbers[0], numbers[0] + 1, numbers[0] + 2, numbers[0] + 3]);
  });
});
