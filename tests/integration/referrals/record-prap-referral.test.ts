import { randomUUID } from "node:crypto";
import { todayInLondon } from "../../../lib/calendar/iso-date";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain/permissions";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { PrismaClient } from "@/lib/db/prisma";
import { referralIntakeSchemaOn, type ReferralIntakeInput } from "@/lib/domain/forms/referral-intake";
import { recordPrapReferral } from "@/lib/server/referrals/record-prap-referral";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { actorFor, createOrganisation, createSiteRow } from "@/tests/integration/support/builders";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * Recording a PRaP referral against a real database (docs/rules/routes.md, routes 1 and 2;
 * docs/rules/rulesets.md; docs/rules/decisions.md; docs/security.md AC-01, AC-05, LG-02). Inputs
 * go through the zod schema the server action uses. Due dates are checked by hand against the working days of each site's nation:
 *
 * England and Wales, referral (and receipt) Thursday 13 April 2017 — Good Friday 14 April, Easter
 * Monday 17 April and the Early May bank holiday 1 May are not working days:
 *  - UCPR1 chase, 4th working day (13.14, 13.67): Tue 18, Wed 19, Thu 20, Fri 21 → 2017-04-21
 *  - meet, 10 working days (13.17): … Fri 28 April is the 9th, Tue 2 May the 10th → 2017-05-02
 *  - start, 20 working days (13.13): 2–5 May (10–13), 8–12 May (14–18), Mon 15 (19), Tue 16 May (20)
 *    → 2017-05-16 (the worked example in docs/rules/clocks.md)
 * Scotland, referral Tuesday 28 November 2017 — St Andrew's Day, Thursday 30 November:
 *  - welcome call, 5 working days (3.07): Wed 29, Fri 1, Mon 4, Tue 5, Wed 6 December → 2017-12-06
 *  - start, 20 working days: 29 Nov, 1 Dec (2), 4–8 Dec (7), 11–15 (12), 18–22 (17), 25/26 Dec are
 *    bank holidays, Wed 27 (18), Thu 28 (19), Fri 29 December (20) → 2017-12-29
 */

const BANK_HOLIDAYS = [
  { nation: "england_and_wales", date: "2017-04-14", title: "Good Friday" },
  { nation: "england_and_wales", date: "2017-04-17", title: "Easter Monday" },
  { nation: "england_and_wales", date: "2017-05-01", title: "Early May bank holiday" },
  { nation: "scotland", date: "2017-11-30", title: "St Andrew’s Day" },
  { nation: "scotland", date: "2017-12-25", title: "Christmas Day" },
  { nation: "scotland", date: "2017-12-26", title: "Boxing Day" },
] as const;

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  await prisma.bankHoliday.createMany({
    data: BANK_HOLIDAYS.map((holiday) => ({ nation: holiday.nation, date: isoDateToDb(holiday.date), title: holiday.title })),
  });
});
afterAll(async () => {
  await db?.close();
});

// ─── Fixtures ───────────────────────────────────────────────────────────────────────────

let counter = 0;
/** Unique per call: purchase order numbers, referral IDs and NINOs are unique in the database. */
function identifiers(regime: "uc" | "non_uc" = "uc") {
  counter += 1;
  const n = String(counter).padStart(6, "0");
  const run = String(process.pid % 100).padStart(2, "0");
  return {
    purchaseOrderNumber: `${regime === "uc" ? "2" : "1"}${run}${n}`,
    referralId: `PRAP-${run}${n}`,
    nino: `JW${n}A`,
  };
}

const dateParts = (name: string, iso: string | null) => {
  const [year, month, day] = iso ? iso.split("-") : ["", "", ""];
  return { [`${name}-day`]: day ? String(Number(day)) : "", [`${name}-month`]: month ? String(Number(month)) : "", [`${name}-year`]: year };
};

interface PostOptions {
  siteId: string;
  route?: "prap_two_stage" | "prap_single";
  referralDate?: string;
  receivedOn?: string;
  initialAssessmentOn?: string | null;
  ids?: ReturnType<typeof identifiers>;
  fields?: Record<string, string>;
}

/** A referral as the form posts it, parsed by the schema the server action uses. */
function referral(options: PostOptions): ReferralIntakeInput {
  const ids = options.ids ?? identifiers();
  const route = options.route ?? "prap_two_stage";
  const referralDate = options.referralDate ?? "2017-04-13";
  return referralIntakeSchemaOn(todayInLondon(new Date())).parse({
    route,
    siteId: options.siteId,
    purchaseOrderNumber: ids.purchaseOrderNumber,
    referralId: ids.referralId,
    provisionId: route === "prap_two_stage" ? "SES-IA-LDS" : "SES-P2-NATIONAL",
    ...dateParts("referralDate", referralDate),
    ...dateParts("referralReceivedOn", options.receivedOn ?? referralDate),
    ...dateParts("warmHandoverOn", referralDate),
    title: "Mr",
    forename: "Daniel",
    surname: "Ashworth",
    nino: ids.nino,
    clientNumber: "CN04710000",
    disabled: "yes",
    telephone: "07700 900101",
    addressLine1: "7 Kestrel Row",
    addressLine2: "Osmondthorpe",
    town: "Leeds",
    postcode: "LS9 8QX",
    job1Description: "Warehouse operative, parcels depot",
    ...dateParts("job1Start", "2011-03-02"),
    ...dateParts("job1End", "2015-10-27"),
    qualification1Subject: "Warehousing and storage",
    qualification1Level: "Level 2",
    qualification1Outcome: "Achieved",
    ...dateParts("qualification1End", "2010-06-26"),
    handoverRole: route === "prap_two_stage" ? "work_coach" : "disability_employment_adviser",
    handoverName: "Rachel Moorhouse",
    handoverOrganisation: "Leeds Eastgate Jobcentre",
    handoverPhone: "0113 496 0301",
    handoverEmail: "rachel.moorhouse@jobcentre.example.test",
    ...dateParts("initialAssessmentOn", options.initialAssessmentOn === undefined ? (route === "prap_two_stage" ? "2017-04-24" : null) : options.initialAssessmentOn),
    ...options.fields,
  });
}

async function createUser(organisationId: string, roles: Role[], siteId: string | null = null) {
  const id = randomUUID().slice(0, 8);
  // A real argon2 hash is not needed: these users never sign in.
  return prisma.user.create({ data: { organisationId, siteId, roles, email: `user-${id}@provider.example`, name: `User ${id}`, passwordHash: "x" } });
}

async function provider(nation: "england_and_wales" | "scotland" = "england_and_wales") {
  const organisation = await createOrganisation(prisma);
  const site = await createSiteRow(prisma, organisation.id, { nation });
  const caseworker = actorFor(await createUser(organisation.id, ["caseworker"], site.id));
  const officer = actorFor(await createUser(organisation.id, ["nominated_officer"], site.id));
  return { organisation, site, caseworker, officer };
}

async function counts() {
  const [cases, claimants, employmentHistory, qualifications, prapReferrals, contacts, caseAssignments, auditEvents] = await Promise.all([
    prisma.case.count(),
    prisma.claimant.count(),
    prisma.employmentHistory.count(),
    prisma.qualification.count(),
    prisma.prapReferral.count(),
    prisma.contact.count(),
    prisma.caseAssignment.count(),
    prisma.auditEvent.count(),
  ]);
  return { cases, claimants, employmentHistory, qualifications, prapReferrals, contacts, caseAssignments, auditEvents };
}

/** A case written directly, e.g. an SCR case or another provider's, holding a PRaP referral. */
async function existingCase(options: {
  organisationId: string;
  siteId: string;
  restrictionTier?: "none" | "mappa" | "scr";
  nino?: string;
  purchaseOrderNumber?: string;
  referralId?: string;
}) {
  const claimant = await prisma.claimant.create({ data: { forename: "Earlier", surname: "Claimant", nino: options.nino ?? null } });
  // Another shape than SES-<digits>: an imported legacy record, so it never meets the numbering.
  const reference = `LEGACY-${randomUUID().slice(0, 8)}`;
  const created = await prisma.case.create({
    data: {
      reference,
      organisationId: options.organisationId,
      siteId: options.siteId,
      claimantId: claimant.id,
      route: options.restrictionTier === "scr" ? "scr_clerical" : "prap_two_stage",
      ruleset: "ses_2016_uc",
      state: "completed",
      restrictionTier: options.restrictionTier ?? "none",
      referralDate: isoDateToDb("2016-05-03"),
    },
  });
  if (options.purchaseOrderNumber) {
    await prisma.prapReferral.create({
      data: {
        caseId: created.id,
        purchaseOrderNumber: options.purchaseOrderNumber,
        referralId: options.referralId ?? `OLD-${options.purchaseOrderNumber}`,
        provisionId: "SES-IA-LDS",
        provision: "ia_opportunity",
        regime: "uc",
        referralDate: isoDateToDb("2016-05-03"),
        receivedAt: new Date("2016-05-03T09:00:00Z"),
      },
    });
  }
  return created;
}

const NOW = new Date("2017-11-14T10:00:00Z");

// ─── Tests ──────────────────────────────────────────────────────────────────────────────

describe("recordPrapReferral: the case and everything with it, in one transaction", () => {
  it("records a UC two-stage referral: claimant, case, PRaP referral, Warm Handover contact, assignment, due dates and audit", async () => {
    const { organisation, site, caseworker } = await provider();
    const ids = identifiers("uc");
    const before = await counts();
    const { caseId, reference } = await recordPrapReferral(prisma, caseworker, referral({ siteId: site.id, ids }), NOW);

    expect(reference).toMatch(/^SES-\d{6}$/);
    const row = await prisma.case.findUniqueOrThrow({
      where: { id: caseId },
      include: { claimant: { include: { employmentHistory: true, qualifications: true } }, prapReferrals: true, contacts: true, assignments: true },
    });
    expect(row).toMatchObject({
      reference,
      organisationId: organisation.id,
      siteId: site.id,
      route: "prap_two_stage",
      ruleset: "ses_2016_uc",
      state: "referred",
      restrictionTier: "none",
      mappaMarkedAt: null,
      assignedCaseworkerId: caseworker.id,
      createdById: caseworker.id,
      reReferralJustification: null,
      version: 1,
    });
    expect(isoDateFromDb(row.referralDate)).toBe("2017-04-13");
    expect(isoDateFromDb(row.referralReceivedOn)).toBe("2017-04-13");
    expect(isoDateFromDb(row.initialAssessmentOn)).toBe("2017-04-24");
    // Worked by hand in the header comment (England and Wales, Easter 2017).
    expect({
      formsChaseDueOn: isoDateFromDb(row.formsChaseDueOn),
      ucpr1DuplicateDueOn: isoDateFromDb(row.ucpr1DuplicateDueOn),
      welcomeCallDueOn: isoDateFromDb(row.welcomeCallDueOn),
      meetDueOn: isoDateFromDb(row.meetDueOn),
      startDueOn: isoDateFromDb(row.startDueOn),
      nextDeadlineOn: isoDateFromDb(row.nextDeadlineOn),
      cancelDueAt: row.cancelDueAt,
    }).toEqual({
      formsChaseDueOn: "2017-04-21",
      ucpr1DuplicateDueOn: "2017-04-21",
      welcomeCallDueOn: null,
      meetDueOn: "2017-05-02",
      startDueOn: "2017-05-16",
      nextDeadlineOn: "2017-04-21",
      cancelDueAt: null,
    });

    expect(row.claimant).toMatchObject({
      title: "Mr",
      forename: "Daniel",
      surname: "Ashworth",
      nino: ids.nino,
      clientNumber: "CN04710000",
      telephone: "07700 900101",
      addressLine1: "7 Kestrel Row",
      town: "Leeds",
      postcode: "LS9 8QX",
      disabled: true,
      incidentMarker: false,
    });
    expect(row.claimant.employmentHistory.map((job) => ({ ...job, startDate: isoDateFromDb(job.startDate), endDate: isoDateFromDb(job.endDate) }))).toEqual([
      expect.objectContaining({ sequence: 1, description: "Warehouse operative, parcels depot", startDate: "2011-03-02", endDate: "2015-10-27" }),
    ]);
    expect(row.claimant.qualifications).toEqual([
      expect.objectContaining({ sequenceNumber: 1, subject: "Warehousing and storage", level: "Level 2", outcome: "Achieved" }),
    ]);

    expect(row.prapReferrals).toHaveLength(1);
    expect(row.prapReferrals[0]).toMatchObject({
      purchaseOrderNumber: ids.purchaseOrderNumber,
      referralId: ids.referralId,
      provisionId: "SES-IA-LDS",
      provision: "ia_opportunity",
      regime: "uc",
      status: "received",
      receivedAt: new Date("2017-04-13T00:00:00.000Z"),
    });
    expect(isoDateFromDb(row.prapReferrals[0].referralDate)).toBe("2017-04-13");
    expect(row.contacts).toEqual([
      expect.objectContaining({
        role: "work_coach",
        name: "Rachel Moorhouse",
        organisation: "Leeds Eastgate Jobcentre",
        phone: "0113 496 0301",
        email: "rachel.moorhouse@jobcentre.example.test",
        siteId: null,
      }),
    ]);
    expect(row.assignments).toEqual([expect.objectContaining({ caseworkerId: caseworker.id, assignedById: caseworker.id })]);

    const audit = await prisma.auditEvent.findMany({ where: { caseId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "case.created",
      entityType: "Case",
      entityId: caseId,
      actorId: caseworker.id,
      actorRoles: ["caseworker"],
      ip: caseworker.ip,
      after: {
        reference,
        route: "prap_two_stage",
        ruleset: "ses_2016_uc",
        state: "referred",
        siteId: site.id,
        restrictionTier: "none",
        prapReferralId: row.prapReferrals[0].id,
        provision: "ia_opportunity",
        regime: "uc",
        assignedCaseworkerId: caseworker.id,
        reReferralOfCaseId: null,
      },
    });
    // No personal data in the audit trail beyond ids (13.61).
    const auditText = JSON.stringify({ ...audit[0], id: String(audit[0].id) });
    for (const personal of ["Ashworth", ids.nino, "Kestrel", "07700", "rachel", ids.purchaseOrderNumber]) expect(auditText).not.toContain(personal);

    expect(await counts()).toEqual({
      cases: before.cases + 1,
      claimants: before.claimants + 1,
      employmentHistory: before.employmentHistory + 1,
      qualifications: before.qualifications + 1,
      prapReferrals: before.prapReferrals + 1,
      contacts: before.contacts + 1,
      caseAssignments: before.caseAssignments + 1,
      auditEvents: before.auditEvents + 1,
    });
  });

  // Changed on purpose: there is no non-UC two-stage ruleset (docs/decisions/0009-rulesets-by-referral-date.md).
  it("refuses a purchase order starting 1 on the two-stage route, saving nothing (13.06, 13.16)", async () => {
    const { site } = await provider();
    expect(() => referral({ siteId: site.id, ids: identifiers("non_uc") })).toThrow(/two-stage process is for Universal Credit referrals, whose purchase orders start with 2 \(13\.06, 13\.16\)/);
  });

  it("runs a 2017-04 non-UC referral through the single process when the process is left to the date and purchase order: no UCPR1 clocks (13.08)", async () => {
    const { site, caseworker } = await provider();
    const input = referral({ siteId: site.id, ids: identifiers("non_uc"), fields: { route: "derived" }, initialAssessmentOn: null });
    const { caseId } = await recordPrapReferral(prisma, caseworker, input, NOW);
    const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { prapReferrals: true } });
    expect(row).toMatchObject({ route: "prap_single", ruleset: "ses_2017", rulesetOverrideReason: null, rulesetOverriddenById: null });
    expect(row.prapReferrals[0]).toMatchObject({ regime: "non_uc", provision: "ses_p2_national" });
    expect(row.formsChaseDueOn).toBeNull();
    expect(row.ucpr1DuplicateDueOn).toBeNull();
  });

  it("stores a caseworker's choice of the other ruleset with who and why, and audits it (docs/rules/rulesets.md)", async () => {
    const { site, caseworker } = await provider();
    const reason = "Contract variant 4: this site runs the single process for every referral";
    const input = referral({ siteId: site.id, route: "prap_single", initialAssessmentOn: null, fields: { rulesetOverrideReason: reason } });
    const { caseId } = await recordPrapReferral(prisma, caseworker, input, NOW);
    const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({ route: "prap_single", ruleset: "ses_2017", rulesetOverrideReason: reason, rulesetOverriddenById: caseworker.id });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "case.created" } });
    expect(audit.after).toMatchObject({ ruleset: "ses_2017", derivedRuleset: "ses_2016_uc", rulesetOverrideReason: reason, referralReceivedOn: "2017-04-13" });
  });

  it("counts the 10-working-day meeting from the entered date received, not the referral date or the keying day (13.17)", async () => {
    const { site, caseworker } = await provider();
    // Referral Thu 13 Apr 2017, received Tue 18 Apr (after Easter): 19–21 | 24–28 | 2 May (1 May bank holiday).
    const input = referral({ siteId: site.id, receivedOn: "2017-04-18" });
    const { caseId } = await recordPrapReferral(prisma, caseworker, input, NOW);
    const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(isoDateFromDb(row.referralReceivedOn)).toBe("2017-04-18");
    expect(isoDateFromDb(row.warmHandoverOn)).toBe("2017-04-13"); // the call's own business date
    expect(isoDateFromDb(row.meetDueOn)).toBe("2017-05-03");
    expect(isoDateFromDb(row.formsChaseDueOn)).toBe("2017-04-21"); // 13.14: from the referral date
    expect(isoDateFromDb(row.ucpr1DuplicateDueOn)).toBe("2017-04-24"); // 13.67: from the date received
  });

  it("warns before saving an Initial Assessment agreed after the 10-working-day meeting deadline, and saves it once confirmed (13.17)", async () => {
    const { site, caseworker } = await provider();
    // Received Thu 13 Apr 2017: the meeting deadline is Tue 2 May (Easter and the 1 May bank holiday skipped).
    const ids = identifiers();
    const before = await counts();
    const warned = await expectUseCaseError(recordPrapReferral(prisma, caseworker, referral({ siteId: site.id, ids, initialAssessmentOn: "2017-05-05" }), NOW), "INVALID");
    expect(warned.fieldErrors.initialAssessmentOn).toMatch(/Friday 5 May 2017, is after the deadline .* Tuesday 2 May 2017 \(13\.17\)\. Agree an earlier date, or tick the box/);
    expect(await counts()).toEqual(before);

    const onTime = await recordPrapReferral(prisma, caseworker, referral({ siteId: site.id, initialAssessmentOn: "2017-05-02" }), NOW);
    expect(await prisma.auditEvent.count({ where: { caseId: onTime.caseId, action: "case.late_assessment_confirmed" } })).toBe(0);

    const confirmed = referral({ siteId: site.id, ids, initialAssessmentOn: "2017-05-05", fields: { confirmLateAssessment: "yes" } });
    const { caseId } = await recordPrapReferral(prisma, caseworker, confirmed, NOW);
    expect(isoDateFromDb((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).initialAssessmentOn)).toBe("2017-05-05");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "case.late_assessment_confirmed" } });
    expect(audit.after).toMatchObject({ warning: expect.stringMatching(/after the deadline .*\(13\.17\)/) });
  });

  it("records a Chapter 3 single referral in Scotland under ses_2017, unassigned when the actor is not a caseworker", async () => {
    const { site, officer } = await provider("scotland");
    const input = referral({ siteId: site.id, route: "prap_single", referralDate: "2017-11-28", ids: identifiers("non_uc") });
    expect(input.referral.rulesetOverrideReason).toBeNull(); // the date gives the single process: no override
    const before = await counts();
    const { caseId } = await recordPrapReferral(prisma, officer, input, NOW);
    const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { prapReferrals: true, contacts: true } });
    expect(row).toMatchObject({ route: "prap_single", ruleset: "ses_2017", assignedCaseworkerId: null, initialAssessmentOn: null });
    expect(row.prapReferrals[0]).toMatchObject({ provision: "ses_p2_national", provisionId: "SES-P2-NATIONAL", regime: "non_uc" });
    expect(row.contacts[0].role).toBe("disability_employment_adviser");
    expect(isoDateFromDb(row.welcomeCallDueOn)).toBe("2017-12-06");
    expect(isoDateFromDb(row.startDueOn)).toBe("2017-12-29");
    expect(row.meetDueOn).toBeNull();
    expect((await counts()).caseAssignments).toBe(before.caseAssignments);
  });

  it("marks a MAPPA case and stores no address, postcode or telephone (13.58, 3.32)", async () => {
    const { site, caseworker } = await provider();
    const input = referral({
      siteId: site.id,
      fields: { mappa: "yes", addressLine1: "", addressLine2: "", town: "", postcode: "", telephone: "" },
    });
    const { caseId } = await recordPrapReferral(prisma, caseworker, input, NOW);
    const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { claimant: true } });
    expect(row.restrictionTier).toBe("mappa");
    expect(row.mappaMarkedAt).toEqual(NOW);
    expect(row.claimant).toMatchObject({ addressLine1: null, town: null, postcode: null, telephone: null });
  });

  it("numbers cases max + 1 as numbers, ignoring references of another shape", async () => {
    // A database of its own: this test moves the numbering past 999,999, which no other test may inherit.
    const own = await createTestDatabase();
    const shared = prisma;
    prisma = own.prisma;
    try {
      const { organisation, site, caseworker } = await provider();
      const claimant = await prisma.claimant.create({ data: { forename: "Legacy", surname: "Row" } });
      const highest = await prisma.$queryRaw<{ max: number | null }[]>`
        SELECT MAX(CAST(SUBSTRING("reference" FROM 5) AS INTEGER))::int AS "max" FROM "Case" WHERE "reference" ~ '^SES-[0-9]{1,9}$'`;
      const next = Math.max(Number(highest[0].max ?? 0), 999_998) + 1;
      for (const reference of [`SES-${String(next).padStart(6, "0")}`, "LEGACY-9999999"]) {
        await prisma.case.create({
          data: { reference, organisationId: organisation.id, siteId: site.id, claimantId: claimant.id, route: "prap_single", ruleset: "ses_2017", state: "referred" },
        });
      }
      const first = await recordPrapReferral(prisma, caseworker, referral({ siteId: site.id }), NOW);
      const second = await recordPrapReferral(prisma, caseworker, referral({ siteId: site.id }), NOW);
      expect(first.reference).toBe(`SES-${String(next + 1).padStart(6, "0")}`);
      expect(second.reference).toBe(`SES-${String(next + 2).padStart(6, "0")}`);
    } finally {
      prisma = shared;
      await own.close();
    }
  });

  it("gives concurrent referrals distinct references (a reference taken meanwhile is retried)", async () => {
    const { site, caseworker } = await provider();
    const inputs = [1, 2, 3, 4].map(() => referral({ siteId: site.id }));
    const results = await Promise.all(inputs.map((input) => recordPrapReferral(prisma, caseworker, input, NOW)));
    expect(new Set(results.map((result) => result.reference)).size).toBe(4);
  });

  it("writes nothing when any write fails: an invalid actor id leaves no claimant, case or audit row (LG-02)", async () => {
    const { site, caseworker } = await provider();
    const ids = identifiers();
    const before = await counts();
    const brokenActor: UseCaseActor = { ...caseworker, id: "not-a-uuid" };
    await expect(recordPrapReferral(prisma, brokenActor, referral({ siteId: site.id, ids }), NOW)).rejects.toThrow();
    expect(await prisma.prapReferral.findUnique({ where: { purchaseOrderNumber: ids.purchaseOrderNumber } })).toBeNull();
    expect(await prisma.claimant.findFirst({ where: { nino: ids.nino } })).toBeNull();
    expect(await counts()).toEqual(before);
  });
});

describe("recordPrapReferral: duplicates (one PRaP referral per purchase order)", () => {
  it("refuses a second referral with the same purchase order number, naming the case, and writes nothing", async () => {
    const { site, caseworker } = await provider();
    const ids = identifiers();
    const first = await recordPrapReferral(prisma, caseworker, referral({ siteId: site.id, ids }), NOW);
    const before = await counts();
    const again = referral({ siteId: site.id, ids: { ...identifiers(), purchaseOrderNumber: ids.purchaseOrderNumber } });
    const error = await expectUseCaseError(recordPrapReferral(prisma, caseworker, again, NOW), "CONFLICT");
    expect(error.message).toBe(`Purchase order ${ids.purchaseOrderNumber} is already recorded on case ${first.reference}`);
    expect(error.fieldErrors).toEqual({ purchaseOrderNumber: `Purchase order ${ids.purchaseOrderNumber} is already recorded on case ${first.reference}` });
    expect(await counts()).toEqual(before);
  });

  it("refuses a second referral with the same referral ID, naming the case", async () => {
    const { site, caseworker } = await provider();
    const ids = identifiers();
    const first = await recordPrapReferral(prisma, caseworker, referral({ siteId: site.id, ids }), NOW);
    const before = await counts();
    const again = referral({ siteId: site.id, ids: { ...identifiers(), referralId: ids.referralId } });
    const error = await expectUseCaseError(recordPrapReferral(prisma, caseworker, again, NOW), "CONFLICT");
    expect(error.fieldErrors).toEqual({ referralId: `Referral ID ${ids.referralId} is already recorded on case ${first.reference}` });
    expect(await counts()).toEqual(before);
  });

  it("makes a double submit harmless: one case; the other submission is told the first one's reference", async () => {
    const { site, caseworker } = await provider();
    const input = referral({ siteId: site.id });
    const before = await counts();
    const outcomes = await Promise.allSettled([recordPrapReferral(prisma, caseworker, input, NOW), recordPrapReferral(prisma, caseworker, input, NOW)]);
    const created = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const { reference } = (created[0] as PromiseFulfilledResult<{ reference: string }>).value;
    const error = (refused[0] as PromiseRejectedResult).reason;
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(error.fieldErrors.purchaseOrderNumber).toBe(`Purchase order ${input.referral.purchaseOrderNumber} is already recorded on case ${reference}`);
    expect((await counts()).cases).toBe(before.cases + 1);
  });

  it("does not name an SCR case to a caseworker, but does to a nominated officer (13.77, 3.43; AC-01)", async () => {
    const { organisation, site, caseworker, officer } = await provider();
    const ids = identifiers();
    const scr = await existingCase({ organisationId: organisation.id, siteId: site.id, restrictionTier: "scr", ...ids });
    const again = referral({ siteId: site.id, ids: { ...identifiers(), purchaseOrderNumber: ids.purchaseOrderNumber, referralId: ids.referralId } });

    const hidden = await expectUseCaseError(recordPrapReferral(prisma, caseworker, again, NOW), "CONFLICT");
    expect(hidden.fieldErrors).toEqual({
      purchaseOrderNumber: `Purchase order ${ids.purchaseOrderNumber} is already recorded`,
      referralId: `Referral ID ${ids.referralId} is already recorded`,
    });
    expect(JSON.stringify(hidden)).not.toContain(scr.reference);
    expect(hidden.message).not.toContain(scr.reference);

    const named = await expectUseCaseError(recordPrapReferral(prisma, officer, again, NOW), "CONFLICT");
    expect(named.fieldErrors.purchaseOrderNumber).toBe(`Purchase order ${ids.purchaseOrderNumber} is already recorded on case ${scr.reference}`);
  });

  it("does not name another organisation's case", async () => {
    const mine = await provider();
    const theirs = await provider();
    const ids = identifiers();
    const other = await existingCase({ organisationId: theirs.organisation.id, siteId: theirs.site.id, ...ids });
    const error = await expectUseCaseError(recordPrapReferral(prisma, mine.caseworker, referral({ siteId: mine.site.id, ids }), NOW), "CONFLICT");
    expect(error.fieldErrors.purchaseOrderNumber).toBe(`Purchase order ${ids.purchaseOrderNumber} is already recorded`);
    expect(error.message).not.toContain(other.reference);
  });
});

describe("recordPrapReferral: re-referral needs a justification (13.39, 3.18; docs/rules/decisions.md)", () => {
  it("refuses the first submission with a field error naming the earlier case; a justification then records it", async () => {
    const { organisation, site, caseworker } = await provider();
    const ids = identifiers();
    const earlier = await existingCase({ organisationId: organisation.id, siteId: site.id, nino: ids.nino });
    const before = await counts();

    const error = await expectUseCaseError(recordPrapReferral(prisma, caseworker, referral({ siteId: site.id, ids }), NOW), "INVALID");
    expect(Object.keys(error.fieldErrors)).toEqual(["reReferralJustification"]);
    expect(error.fieldErrors.reReferralJustification).toContain(`already recorded on case ${earlier.reference}`);
    expect(error.fieldErrors.reReferralJustification).toContain("13.39, 3.18");
    expect(error.fieldErrors.reReferralJustification).toContain("explain why");
    expect(await counts()).toEqual(before);

    const justification = "JCP confirmed a new claim; the claimant asked to return after moving back to Leeds";
    const { caseId } = await recordPrapReferral(
      prisma,
      caseworker,
      referral({ siteId: site.id, ids, fields: { reReferralJustification: justification } }),
      NOW,
    );
    const row = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.reReferralJustification).toBe(justification);
    const [audit] = await prisma.auditEvent.findMany({ where: { caseId, action: "case.created" } });
    expect(audit.after).toMatchObject({ reReferralOfCaseId: earlier.id });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain("moving back");
  });

  // Changed on purpose (docs/security.md AC-02): an SCR case's NINO no longer asks a
  // caseworker for a justification ("already recorded" confirmed the person exists); it is
  // answered as an unknown NINO and the case opens restricted (scr-nino-intake.test.ts).
  it("does not tell a caseworker that an SCR case holds the NINO: no justification asked, the case opens restricted", async () => {
    const { organisation, site, caseworker } = await provider();
    const ids = identifiers();
    const scr = await existingCase({ organisationId: organisation.id, siteId: site.id, restrictionTier: "scr", nino: ids.nino });
    const { caseId, reference } = await recordPrapReferral(prisma, caseworker, referral({ siteId: site.id, ids }), NOW);
    expect(reference).not.toBe(scr.reference);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).restrictionTier).toBe("scr");
  });

  it("ignores an earlier case of another organisation, and stores no justification when there is no earlier case", async () => {
    const mine = await provider();
    const theirs = await provider();
    const ids = identifiers();
    await existingCase({ organisationId: theirs.organisation.id, siteId: theirs.site.id, nino: ids.nino });
    const { caseId } = await recordPrapReferral(
      prisma,
      mine.caseworker,
      referral({ siteId: mine.site.id, ids, fields: { reReferralJustification: "Not needed, but typed anyway" } }),
      NOW,
    );
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).reReferralJustification).toBeNull();
  });
});

describe("recordPrapReferral: permission and scope (AC-03, AC-05)", () => {
  it("refuses a site of another organisation, and a closed site, on the site field", async () => {
    const mine = await provider();
    const theirs = await provider();
    const before = await counts();
    const other = await expectUseCaseError(recordPrapReferral(prisma, mine.caseworker, referral({ siteId: theirs.site.id }), NOW), "INVALID");
    expect(other.fieldErrors).toEqual({ siteId: "Select a site from the list" });
    const closed = await prisma.site.update({ where: { id: mine.site.id }, data: { active: false } });
    await expectUseCaseError(recordPrapReferral(prisma, mine.caseworker, referral({ siteId: closed.id }), NOW), "INVALID");
    expect(await counts()).toEqual(before);
  });

  it.each<[string, Role[]]>([
    ["a manager", ["manager"]],
    ["an administrator", ["administrator"]],
    ["a manager and administrator", ["manager", "administrator"]],
  ])("refuses %s with FORBIDDEN and writes nothing", async (_label, roles) => {
    const { organisation, site } = await provider();
    const actor = actorFor(await createUser(organisation.id, roles));
    const before = await counts();
    await expectUseCaseError(recordPrapReferral(prisma, actor, referral({ siteId: site.id }), NOW), "FORBIDDEN");
    expect(await counts()).toEqual(before);
  });
});
