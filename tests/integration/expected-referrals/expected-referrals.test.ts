import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordExpectedReferralSchemaOn } from "@/lib/domain/forms/expected-referral-forms";
import { attachExpectedReferral, matchingExpectedReferrals } from "@/lib/server/expected-referrals/attach-expected-referral";
import { closeExpectedReferral } from "@/lib/server/expected-referrals/close-expected-referral";
import { countExpectedReferrals, listExpectedReferrals } from "@/lib/server/expected-referrals/list-expected-referrals";
import { recordExpectedReferral } from "@/lib/server/expected-referrals/record-expected-referral";
import { commitImport, continueImport } from "@/lib/server/imports/continue-import";
import { confirmImportMapping } from "@/lib/server/imports/confirm-import-mapping";
import { getImportPage } from "@/lib/server/imports/get-import-page";
import { startImport } from "@/lib/server/imports/start-import";
import { createCase, createProvider, uniqueNino, type Provider } from "@/tests/integration/support/builders";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { prapRow } from "../imports/import-fixtures";

/**
 * Expected referrals (3.05; docs/decisions/0023-bulk-import-and-expected-referrals.md): a Warm
 * Handover call before its PRaP referral; missing after N working days; closed with a reason;
 * attached when the referral is recorded by hand or by import, its DEA/Work Coach flowing into the case.
 */
let db: TestDatabase;
let provider: Provider;
const TODAY = "2026-12-03";
const NOW = new Date("2026-12-03T12:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
});
afterAll(() => db?.close());

function post(fields: Record<string, string>, calledOn: string) {
  const [year, month, day] = calledOn.split("-");
  return recordExpectedReferralSchemaOn(TODAY).parse({
    siteId: provider.sites.england.id,
    handoverRole: "disability_employment_adviser",
    handoverName: "Dee Adviser",
    handoverPhone: "0113 496 0123",
    handoverEmail: "dee.adviser@dwp.example",
    jobcentre: "Leeds Eastgate",
    forename: "Robin",
    surname: `Expected${Math.random().toString(36).slice(2, 7)}`,
    "calledOn-day": String(Number(day)),
    "calledOn-month": String(Number(month)),
    "calledOn-year": year,
    ...fields,
  });
}

describe("expected referrals (3.05)", () => {
  it("is missing after 5 working days with no PRaP referral, and can be closed with a reason", async () => {
    // Thursday 26 November 2026 + 5 working days = Thursday 3 December: missing from Friday 4 December.
    const recent = await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({}, "2026-11-26"));
    const old = await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({}, "2026-11-25"));
    const lines = await listExpectedReferrals(db.prisma, provider.actors.manager, TODAY);
    expect(lines.find((line) => line.id === recent.id)?.missing).toBe(false);
    expect(lines.find((line) => line.id === old.id)?.missing).toBe(true);
    expect(await countExpectedReferrals(db.prisma, provider.actors.manager, TODAY)).toMatchObject({ missing: 1 });

    const version = lines.find((line) => line.id === old.id)?.version ?? 0;
    await closeExpectedReferral(db.prisma, provider.actors.caseworker, { expectedReferralId: old.id, version, reason: "referred_elsewhere", note: null }, NOW);
    const closed = await db.prisma.expectedReferral.findUniqueOrThrow({ where: { id: old.id } });
    expect(closed).toMatchObject({ status: "closed", closedReason: "The customer was referred elsewhere" });
    // The count reads the same open lines as the list: the closed one is neither expected nor missing.
    const open = await listExpectedReferrals(db.prisma, provider.actors.manager, TODAY);
    expect(open.map((line) => line.id)).not.toContain(old.id);
    expect(await countExpectedReferrals(db.prisma, provider.actors.manager, TODAY)).toEqual({ expected: open.length, missing: open.filter((line) => line.missing).length });
    await expectUseCaseError(
      closeExpectedReferral(db.prisma, provider.actors.caseworker, { expectedReferralId: old.id, version, reason: "other", note: "x" }, NOW),
      "STALE",
    );
  });

  it("requires the DEA/Work Coach's name, phone and email", () => {
    const result = recordExpectedReferralSchemaOn(TODAY).safeParse({ siteId: provider.sites.england.id, forename: "A", surname: "B", "calledOn-day": "1", "calledOn-month": "12", "calledOn-year": "2026" });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((issue) => issue.message);
    expect(messages).toEqual(expect.arrayContaining(["Enter the name of the work coach or DEA", "Enter the telephone number of the work coach or DEA", "Enter the email address of the work coach or DEA"]));
  });

  it("a referral recorded by hand is offered the matching call, and attaching brings its DEA into the case", async () => {
    const nino = uniqueNino();
    const expected = await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({ nino }, "2026-11-30"));
    const recorded = await createCase(db.prisma, provider, { route: "prap_single", claimant: { nino } });
    const matches = await matchingExpectedReferrals(db.prisma, provider.actors.caseworker, { nino, forename: "Someone", surname: "Else" });
    expect(matches.map((match) => match.id)).toEqual([expected.id]);
    await attachExpectedReferral(db.prisma, provider.actors.caseworker, { expectedReferralId: expected.id, caseId: recorded.id });
    expect(await db.prisma.expectedReferral.findUniqueOrThrow({ where: { id: expected.id } })).toMatchObject({ status: "attached", caseId: recorded.id });
    const contacts = await db.prisma.contact.findMany({ where: { caseId: recorded.id } });
    expect(contacts).toContainEqual(expect.objectContaining({ role: "disability_employment_adviser", name: "Dee Adviser", email: "dee.adviser@dwp.example" }));
  });

  it("an imported referral with the call's NINO takes the DEA's contact and call date, and attaches it", async () => {
    const nino = uniqueNino();
    const expected = await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({ nino }, "2026-11-24"));
    // A PRaP file with no Work Coach columns at all.
    const headers = ["Purchase order", "Referral ID", "Provision ID", "Referral date", "Forename", "Surname", "NINO", "Address line 1", "Town", "Postcode"];
    const row = prapRow({ nino });
    const bytes = new TextEncoder().encode(`${headers.join(",")}\n${[row.po, row.referralId, "PROV-1", row.referralDate, row.forename, row.surname, row.nino, "1 High Street", "Leeds", "LS1 1AA"].join(",")}\n`);
    const { importId } = await startImport(db.prisma, provider.actors.caseworker, { kind: "prap", siteId: provider.sites.england.id, fileName: "x.csv", bytes });
    const page = await getImportPage(db.prisma, provider.actors.caseworker, importId);
    await confirmImportMapping(db.prisma, provider.actors.caseworker, { importId, version: page.version, mapping: page.mapping, saveAs: null }, NOW);
    const previewed = await getImportPage(db.prisma, provider.actors.caseworker, importId);
    expect(previewed.counts.ready).toBe(1);
    await commitImport(db.prisma, provider.actors.caseworker, { importId, version: previewed.version });
    await continueImport(db.prisma, importId, NOW);
    const attached = await db.prisma.expectedReferral.findUniqueOrThrow({ where: { id: expected.id } });
    expect(attached.status).toBe("attached");
    const opened = await db.prisma.case.findUniqueOrThrow({ where: { id: attached.caseId as string }, include: { contacts: true } });
    expect(opened.warmHandoverOn?.toISOString().slice(0, 10)).toBe("2026-11-24");
    expect(opened.contacts[0]).toMatchObject({ role: "disability_employment_adviser", name: "Dee Adviser" });
  });

  // 3.05: the call records the customer's date of birth when given; a PRaP referral with no NINO match
  // is attached by name + date of birth.
  it("records the customer's date of birth when the caller gives it, and refuses one in the future", async () => {
    const given = await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({ "dateOfBirth-day": "27", "dateOfBirth-month": "3", "dateOfBirth-year": "1980" }, "2026-11-30"));
    expect((await db.prisma.expectedReferral.findUniqueOrThrow({ where: { id: given.id } })).dateOfBirth?.toISOString().slice(0, 10)).toBe("1980-03-27");
    const notGiven = await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({}, "2026-11-30"));
    expect((await db.prisma.expectedReferral.findUniqueOrThrow({ where: { id: notGiven.id } })).dateOfBirth).toBeNull();
    const future = recordExpectedReferralSchemaOn(TODAY).safeParse({
      siteId: provider.sites.england.id,
      handoverRole: "work_coach",
      handoverName: "W",
      handoverPhone: "0113 496 0123",
      handoverEmail: "w@dwp.example",
      forename: "A",
      surname: "B",
      "dateOfBirth-day": "1",
      "dateOfBirth-month": "1",
      "dateOfBirth-year": "2030",
      "calledOn-day": "1",
      "calledOn-month": "12",
      "calledOn-year": "2026",
    });
    expect(future.success ? [] : future.error.issues.map((issue) => issue.message)).toEqual(["Date of birth must be today or in the past"]);
  });

  it("an imported referral whose NINO matches no call is attached to the call with the same name and date of birth, not to one with another date of birth", async () => {
    const surname = `Dob${Math.random().toString(36).slice(2, 7)}`;
    // The call gave no NINO; the referral's NINO is new. A second call, same name, another date of birth.
    const same = await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({ surname, "dateOfBirth-day": "3", "dateOfBirth-month": "4", "dateOfBirth-year": "1965" }, "2026-11-24"));
    const other = await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({ surname, "dateOfBirth-day": "4", "dateOfBirth-month": "4", "dateOfBirth-year": "1965" }, "2026-11-25"));
    const headers = ["Purchase order", "Referral ID", "Provision ID", "Referral date", "Forename", "Surname", "Date of birth", "NINO", "Address line 1", "Town", "Postcode"];
    const row = prapRow({ forename: "Robin", surname });
    // The date of birth as UK text with a two-digit year: 3 April 1965.
    const bytes = new TextEncoder().encode(`${headers.join(",")}\n${[row.po, row.referralId, "PROV-1", row.referralDate, row.forename, row.surname, "03/04/65", row.nino, "1 High Street", "Leeds", "LS1 1AA"].join(",")}\n`);
    const { importId } = await startImport(db.prisma, provider.actors.caseworker, { kind: "prap", siteId: provider.sites.england.id, fileName: "dob.csv", bytes });
    const page = await getImportPage(db.prisma, provider.actors.caseworker, importId);
    expect(page.mapping.dateOfBirth).toBe(6);
    await confirmImportMapping(db.prisma, provider.actors.caseworker, { importId, version: page.version, mapping: page.mapping, saveAs: null }, NOW);
    const previewed = await getImportPage(db.prisma, provider.actors.caseworker, importId);
    expect(previewed.counts.ready).toBe(1);
    await commitImport(db.prisma, provider.actors.caseworker, { importId, version: previewed.version });
    await continueImport(db.prisma, importId, NOW);
    const attached = await db.prisma.expectedReferral.findUniqueOrThrow({ where: { id: same.id } });
    expect(attached.status).toBe("attached");
    expect((await db.prisma.expectedReferral.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("expected");
    const opened = await db.prisma.case.findUniqueOrThrow({ where: { id: attached.caseId as string }, include: { claimant: true, contacts: true } });
    expect(opened.claimant.dateOfBirth?.toISOString().slice(0, 10)).toBe("1965-04-03");
    expect(opened.warmHandoverOn?.toISOString().slice(0, 10)).toBe("2026-11-24");
    expect(opened.contacts[0]).toMatchObject({ role: "disability_employment_adviser", name: "Dee Adviser" });
  });

  it("a referral recorded by hand is offered the call with its NINO first, then the one with its name and date of birth, never one with another NINO", async () => {
    const surname = `Offer${Math.random().toString(36).slice(2, 7)}`;
    const nino = uniqueNino();
    const byName = await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({ surname, "dateOfBirth-day": "1", "dateOfBirth-month": "2", "dateOfBirth-year": "1990" }, "2026-11-20"));
    const byNino = await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({ nino, forename: "Other", surname: "Person" }, "2026-11-30"));
    await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({ surname, nino: uniqueNino() }, "2026-11-21"));
    await recordExpectedReferral(db.prisma, provider.actors.caseworker, post({ surname, "dateOfBirth-day": "2", "dateOfBirth-month": "2", "dateOfBirth-year": "1990" }, "2026-11-22"));
    const matches = await matchingExpectedReferrals(db.prisma, provider.actors.caseworker, { nino, forename: "Robin", surname, dateOfBirth: new Date("1990-02-01T00:00:00Z") });
    expect(matches.map((match) => [match.id, match.matchedBy])).toEqual([
      [byNino.id, "nino"],
      [byName.id, "name_and_date_of_birth"],
    ]);
  });
});
