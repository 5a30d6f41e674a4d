import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subjectAccessSchema } from "@/lib/domain/subject-access/subject-access-form";
import { exportSubjectAccess, SUBJECT_ACCESS_EXPORTED_ACTION } from "@/lib/server/subject-access/export-subject-access";
import { createCase, createMappaAnnex, createProvider, uniqueNino, type Provider } from "@/tests/integration/support/builders";
import { codeOf } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { readZip } from "@/tests/support/read-zip";

/**
 * Subject access export (docs/security.md DP-03): everything held on one NINO, nobody else's data,
 * audited; SCR cases only for nominated officers, and for anyone else a NINO held only on an SCR
 * case answers exactly like an unknown one (AC-01).
 */
describe("subject access export (DP-03)", () => {
  let db: TestDatabase;
  let provider: Provider;
  const now = new Date("2026-12-03T10:00:00Z");
  const subject = { nino: uniqueNino(), forename: "Imogen", surname: "Threlkeld" };
  const scrOnly = { nino: uniqueNino(), forename: "Bartholomew", surname: "Quennell" };
  let ordinaryCaseId: string;
  let scrCaseId: string;
  let mappaCaseId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    const ordinary = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", claimant: subject, assignedTo: provider.users.caseworker });
    ordinaryCaseId = ordinary.id;
    await db.prisma.caseNote.create({ data: { caseId: ordinaryCaseId, authorId: provider.users.caseworker.id, text: "Prefers morning appointments." } });
    // The same person later on an SCR case and on a MAPPA case: the SCR one only for the officer, the annex too.
    const scr = await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer });
    scrCaseId = scr.id;
    await db.prisma.case.update({ where: { id: scrCaseId }, data: { claimantId: ordinary.claimantId } });
    const mappa = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "acknowledged", restrictionTier: "mappa" });
    mappaCaseId = mappa.id;
    await db.prisma.case.update({ where: { id: mappaCaseId }, data: { claimantId: ordinary.claimantId } });
    await createMappaAnnex(db.prisma, mappaCaseId, { restrictions: "No lone working with under-18s" });
    // Someone else entirely, and someone held only on an SCR case.
    await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred", claimant: { nino: uniqueNino(), forename: "Other", surname: "Personson" } });
    await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer, claimant: scrOnly });
  });
  afterAll(() => db.close());

  const text = (files: Map<string, Buffer>) => [...files.values()].map((file) => file.toString("utf8")).join("\n");

  it("gives a nominated officer one ZIP of JSON and CSV with every case on the NINO, SCR and MAPPA annex included (DP-03)", async () => {
    const file = await exportSubjectAccess(db.prisma, provider.actors.officer, { nino: subject.nino }, now);
    const files = readZip(file.zip);
    expect(files.has("subject-access.json")).toBe(true);
    expect(files.has("cases.csv")).toBe(true);
    const json = JSON.parse(files.get("subject-access.json")!.toString("utf8")) as { records: Record<string, { id?: string; caseId?: string; text?: string; restrictions?: string }[]> };
    expect(json.records.cases.map((row) => row.id).sort()).toEqual([ordinaryCaseId, scrCaseId, mappaCaseId].sort());
    expect(json.records.notes.map((row) => row.text)).toContain("Prefers morning appointments.");
    expect(json.records["mappa-annexes"].map((row) => row.restrictions)).toEqual(["No lone working with under-18s"]);
    expect(text(files)).toContain("Threlkeld");
    expect(file.filename).toBe("subject-access-2026-12-03.zip");
  });

  it("contains nobody else's data: no other participant, no staff name or id (DP-03)", async () => {
    const files = readZip((await exportSubjectAccess(db.prisma, provider.actors.officer, { nino: subject.nino }, now)).zip);
    const all = text(files);
    expect(all).not.toContain("Personson");
    expect(all).not.toContain("Quennell");
    for (const user of Object.values(provider.users)) {
      expect(all, user.name).not.toContain(user.name);
      expect(all, user.id).not.toContain(user.id);
    }
  });

  it("leaves SCR cases and MAPPA annexes out for an administrator (AC-01, DP-03)", async () => {
    const files = readZip((await exportSubjectAccess(db.prisma, provider.actors.administrator, { nino: subject.nino }, now)).zip);
    const json = JSON.parse(files.get("subject-access.json")!.toString("utf8")) as { records: Record<string, { id?: string }[]> };
    expect(json.records.cases.map((row) => row.id).sort()).toEqual([ordinaryCaseId, mappaCaseId].sort());
    expect(json.records["mappa-annexes"]).toEqual([]);
    expect(text(files)).not.toContain(scrCaseId);
  });

  it("answers an administrator for a NINO held only on an SCR case exactly as for an unknown NINO (AC-01)", async () => {
    const scr = await exportSubjectAccess(db.prisma, provider.actors.administrator, { nino: scrOnly.nino }, now).catch((error: Error) => error);
    const unknown = await exportSubjectAccess(db.prisma, provider.actors.administrator, { nino: uniqueNino() }, now).catch((error: Error) => error);
    expect(scr).toBeInstanceOf(Error);
    expect(JSON.stringify({ ...scr, message: (scr as Error).message })).toBe(JSON.stringify({ ...unknown, message: (unknown as Error).message }));
    expect(await codeOf(exportSubjectAccess(db.prisma, provider.actors.officer, { nino: scrOnly.nino }, now))).toBe("ok");
  });

  it("is refused to caseworkers and managers (DP-03: nominated officer or administrator)", async () => {
    for (const role of ["caseworker", "manager"] as const) {
      expect(await codeOf(exportSubjectAccess(db.prisma, provider.actors[role], { nino: subject.nino }, now)), role).toBe("FORBIDDEN");
    }
  });

  it("audits each export with who, which records and how many, never the NINO in clear (DP-03, LG-01)", async () => {
    const before = await db.prisma.auditEvent.count({ where: { action: SUBJECT_ACCESS_EXPORTED_ACTION } });
    await exportSubjectAccess(db.prisma, provider.actors.officer, { nino: subject.nino }, now);
    const rows = await db.prisma.auditEvent.findMany({ where: { action: SUBJECT_ACCESS_EXPORTED_ACTION }, orderBy: { id: "desc" } });
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({ actorId: provider.users.officer.id, entityType: "Claimant", restrictedRead: true });
    expect(JSON.stringify(rows[0].after)).toContain(ordinaryCaseId);
    expect(JSON.stringify({ ...rows[0], id: String(rows[0].id) })).not.toContain(subject.nino);
  });

  it("validates the NINO with a GOV.UK-style message and normalises spacing and case (DP-03)", () => {
    expect(subjectAccessSchema.safeParse({ nino: "qq 12 34 56 c" }).success).toBe(false);
    const spaced = subjectAccessSchema.safeParse({ nino: "ab 12 34 56 c" });
    expect(spaced.success && spaced.data.nino).toBe("AB123456C");
    const bad = subjectAccessSchema.safeParse({ nino: "12345" });
    expect(!bad.success && bad.error.issues[0].message).toMatch(/^Enter a National Insurance number/);
    expect(subjectAccessSchema.safeParse({ nino: "AB123456C", extra: "1" }).success).toBe(false);
  });
});
