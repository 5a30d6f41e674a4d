import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeCircumstancesSchema, circumstancesFormValues, claimantFieldsOf } from "@/lib/domain/forms/circumstances";
import { getCasePage } from "@/lib/server/case-page/get-case-page";
import { changeCircumstances } from "@/lib/server/cases/change-circumstances";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { expectUseCaseError } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/** A change of circumstances (docs/rules/referral-data.md): contact and personal details, version-checked, audited before and after. */
describe("change of circumstances", () => {
  let db: TestDatabase;
  let provider: Provider;
  const clock = { today: "2026-11-24", now: new Date("2026-11-24T12:00:00Z") } as const;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  /** The form as posted for the case's claimant now, with some fields changed. */
  async function posted(caseId: string, changes: Record<string, string>) {
    const theCase = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { claimant: true } });
    const values = { ...circumstancesFormValues(claimantFieldsOf(theCase.claimant)), ...changes };
    const raw = Object.fromEntries(Object.entries({ caseId, version: String(theCase.version), ...values }).filter(([, value]) => value !== ""));
    return { input: changeCircumstancesSchema.parse(raw), version: theCase.version };
  }

  it("saves only what changed, moves the case to its next version and audits the before and after in words on the timeline", async () => {
    const theCase = await createCase(db.prisma, provider, { state: "referred", claimant: { telephone: "01632 960 001" } });
    const { input, version } = await posted(theCase.id, { telephone: "07700 900 982", vulnerable: "yes", welshLanguage: "spoken" });

    const result = await changeCircumstances(db.prisma, provider.actors.caseworker, input);

    expect(result.changed.sort()).toEqual(["telephone", "vulnerable", "welshLanguage"]);
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: theCase.id }, include: { claimant: true } });
    expect(after.version).toBe(version + 1);
    expect(after.claimant).toMatchObject({ telephone: "07700 900 982", vulnerable: true, welshLanguage: "spoken", forename: theCase.claimant.forename });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: theCase.id, action: "case.circumstances_changed" } });
    expect(audit).toMatchObject({
      actorId: provider.actors.caseworker.id,
      before: { telephone: "01632 960 001", vulnerable: false, welshLanguage: null },
      after: { telephone: "07700 900 982", vulnerable: true, welshLanguage: "spoken" },
    });
    const page = await getCasePage(db.prisma, provider.actors.caseworker, theCase.id, clock);
    expect(page.view.timeline[0]).toMatchObject({
      title: "Contact and personal details changed",
      details: expect.arrayContaining(["Telephone: 01632 960 001 → 07700 900 982", "Safeguard (vulnerable customer): No → Yes", "Welsh language: none → Spoken"]),
    });
    expect(page.view.claimant.personalDetails).toContainEqual({ key: "Safeguard (vulnerable customer)", value: "Yes" });
  });

  it("refuses a stale edit, naming who changed the case and when, and writes nothing", async () => {
    const theCase = await createCase(db.prisma, provider, { state: "referred" });
    const mine = await posted(theCase.id, { town: "Harrogate" });
    const theirs = await posted(theCase.id, { postcode: "LS9 8QX" });
    await changeCircumstances(db.prisma, provider.actors.officer, theirs.input);

    const error = await expectUseCaseError(changeCircumstances(db.prisma, provider.actors.caseworker, mine.input), "STALE");

    expect(error.message).toContain(provider.users.officer.name);
    expect(error.message).toMatch(/changed this case at \d{1,2} \w+ \d{4}/);
    const after = await db.prisma.claimant.findUniqueOrThrow({ where: { id: theCase.claimantId } });
    expect(after.town).not.toBe("Harrogate");
    expect(after.postcode).toBe("LS9 8QX");
    expect(await db.prisma.auditEvent.count({ where: { caseId: theCase.id, action: "case.circumstances_changed" } })).toBe(1);
  });

  it("treats a repeat submission as harmless: nothing more is written", async () => {
    const theCase = await createCase(db.prisma, provider, { state: "referred" });
    const { input } = await posted(theCase.id, { childcareRequirements: "School run until 9:15am" });
    await changeCircumstances(db.prisma, provider.actors.caseworker, input);

    const again = await changeCircumstances(db.prisma, provider.actors.caseworker, input);

    expect(again.changed).toEqual([]);
    expect(await db.prisma.auditEvent.count({ where: { caseId: theCase.id, action: "case.circumstances_changed" } })).toBe(1);
  });

  it("refuses bad input with a GOV.UK message on the field", () => {
    const parsed = changeCircumstancesSchema.safeParse({ caseId: crypto.randomUUID(), version: "1", forename: "", surname: "Sugden", postcode: "NOT A POSTCODE", disabled: "yes" });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toMatchObject({ forename: "Enter the claimant’s forename", postcode: "Enter a real postcode, like LS9 8QX" });
  });

  it("leaves a MAPPA case's details to the nominated officer (13.71), and keeps its contact details out of the audit (13.70)", async () => {
    const theCase = await createCase(db.prisma, provider, { state: "referred", restrictionTier: "mappa", assignedTo: provider.users.caseworker });
    const { input } = await posted(theCase.id, { telephone: "07700 900 123" });

    await expectUseCaseError(changeCircumstances(db.prisma, provider.actors.caseworker, input), "FORBIDDEN");
    await changeCircumstances(db.prisma, provider.actors.officer, input);

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId: theCase.id, action: "case.circumstances_changed" } });
    expect(JSON.stringify(audit.after)).not.toContain("07700");
  });
});
