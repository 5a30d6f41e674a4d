import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { todayInLondon } from "@/lib/calendar/iso-date";
import type { Prisma } from "@/lib/db/prisma";
import { parseImportRow } from "@/lib/domain/import/prap-import-row";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { confirmImportMapping } from "@/lib/server/imports/confirm-import-mapping";
import { commitImport, continueImport } from "@/lib/server/imports/continue-import";
import { getImportPage } from "@/lib/server/imports/get-import-page";
import { startImport } from "@/lib/server/imports/start-import";
import * as intake from "@/lib/server/referrals/record-prap-referral";
import { createCase, createProvider, uniqueNino, uniquePurchaseOrder, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

// The import's one-by-one path, watched: a plain row must never go through it.
vi.mock("@/lib/server/referrals/record-prap-referral", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/referrals/record-prap-referral")>();
  return { ...original, openPrapReferralCase: vi.fn(original.openPrapReferralCase) };
});

/**
 * The set-based commit (docs/decisions/0023-bulk-import-and-expected-referrals.md, "The set-based
 * commit") writes exactly what the intake's core writes for the same referral: every column of the
 * claimant, the case (ruleset, due dates), its PRaP referral, the Work Coach or DEA contact, the
 * assignment, and the audit rows that make its timeline — all but ids, timestamps and references.
 */
let db: TestDatabase;
let provider: Provider;
const NOW = new Date("2026-12-03T12:00:00Z");
const TODAY = todayInLondon(NOW);

const HEADERS = [
  "Purchase order",
  "Referral ID",
  "Provision ID",
  "Referral date",
  "Date received",
  "Title",
  "Forename",
  "Surname",
  "Date of birth",
  "NINO",
  "Client number",
  "Disabled",
  "Telephone",
  "Address line 1",
  "Address line 2",
  "Town",
  "Postcode",
  "Work coach or DEA",
  "Work coach name",
  "Jobcentre",
  "Work coach phone",
  "Work coach email",
  "Warm handover date",
  "Initial assessment date",
];

let serial = 0;
/** A varied referral: Universal Credit or not, referred today or weeks ago, with or without the optional columns. */
function referralRow(variant: number): string[] {
  serial += 1;
  const uc = variant % 2 === 0;
  const referralDate = ["23/11/2026", "03/12/2026", "14/03/2025", "01/12/2026"][variant % 4];
  return [
    uniquePurchaseOrder(uc ? "uc" : "non_uc"),
    `EQ-${process.pid}-${serial}`,
    `PROV-${variant}`,
    referralDate,
    variant === 3 ? "02/12/2026" : "",
    variant % 3 === 0 ? "Ms" : "",
    "Robin",
    `Equivalent${serial}`,
    variant === 1 ? "" : `${1 + variant}/0${1 + variant}/198${variant}`,
    uniqueNino(),
    variant === 2 ? "CL-42" : "",
    ["yes", "no", "", "y"][variant % 4],
    variant === 0 ? "0113 496 0001" : "",
    `${variant} Equal Street`,
    variant === 2 ? "Flat 2" : "",
    "Leeds",
    "LS1 1AA",
    variant % 2 === 0 ? "Work Coach" : "DEA",
    "Sam Coach",
    variant === 3 ? "Leeds Jobcentre" : "",
    "0113 496 0000",
    "sam.coach@dwp.example",
    variant === 0 ? "24/11/2026" : "",
    variant === 0 ? "26/11/2026" : "",
  ];
}

const csv = (rows: string[][]) => new TextEncoder().encode([HEADERS, ...rows].map((cells) => cells.join(",")).join("\n") + "\n");

async function previewed(actor: UseCaseActor, rows: string[][]) {
  const { importId } = await startImport(db.prisma, actor, { kind: "prap", siteId: provider.sites.england.id, fileName: "equivalence.csv", bytes: csv(rows) });
  const page = await getImportPage(db.prisma, actor, importId);
  await confirmImportMapping(db.prisma, actor, { importId, version: page.version, mapping: page.mapping, saveAs: null }, NOW);
  return getImportPage(db.prisma, actor, importId);
}

async function commitAll(actor: UseCaseActor, importId: string, batchSize: number) {
  const page = await getImportPage(db.prisma, actor, importId);
  await commitImport(db.prisma, actor, { importId, version: page.version });
  for (let guard = 0; guard < 100; guard += 1) if ((await continueImport(db.prisma, importId, NOW, batchSize)).done) break;
}

type Reader = Pick<Prisma.TransactionClient, "case" | "auditEvent">;

/** Everything written for a case, with what must differ between two cases (ids, timestamps, references, the referral's keys) taken out. */
async function writtenFor(reader: Reader, caseId: string) {
  const found = await reader.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      claimant: { include: { employmentHistory: true, qualifications: true } },
      prapReferrals: true,
      contacts: true,
      assignments: true,
      scrDuplicateAlert: true,
    },
  });
  const audit = await reader.auditEvent.findMany({ where: { caseId }, orderBy: { id: "asc" } });
  const { id: _id, reference, claimantId: _claimantId, createdAt: _c, updatedAt: _u, claimant, prapReferrals, contacts, assignments, ...caseColumns } = found;
  const { id: _cid, createdAt: _cc, updatedAt: _cu, nino: _nino, surname: _surname, employmentHistory, qualifications, ...claimantColumns } = claimant;
  const ids = new Map<string, string>([[caseId, "<case>"], ...prapReferrals.map((row) => [row.id, "<prap-referral>"] as [string, string])]);
  const masked = (value: unknown): unknown => {
    if (typeof value === "string") return ids.get(value) ?? (value === reference ? "<reference>" : value);
    if (Array.isArray(value)) return value.map(masked);
    if (value && typeof value === "object" && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, masked(inner)]));
    return value;
  };
  return {
    case: caseColumns,
    claimant: claimantColumns,
    employmentHistory: employmentHistory.map(({ id: _i, claimantId: _c2, ...row }) => row),
    qualifications: qualifications.map(({ id: _i, claimantId: _c2, ...row }) => row),
    prapReferrals: prapReferrals.map(({ id: _i, caseId: _c2, createdAt: _c3, updatedAt: _u2, purchaseOrderNumber: _po, referralId: _rid, ...row }) => row),
    contacts: contacts.map(({ id: _i, caseId: _c2, createdAt: _c3, ...row }) => row),
    assignments: assignments.map(({ id: _i, caseId: _c2, ...row }) => row),
    audit: audit.map(({ id: _i, at: _at, caseId: _c2, ...row }) => masked(row)),
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
});
afterAll(() => db?.close());

describe("the set-based commit of plain rows", () => {
  it("writes every column, due date and audit row exactly as the intake's core does for the same referral", async () => {
    const actor = provider.actors.caseworker;
    const rows = [0, 1, 2, 3, 4, 5].map(referralRow);
    const page = await previewed(actor, rows);
    expect(page.counts).toMatchObject({ ready: rows.length, invalid: 0, duplicate: 0 });
    const stored = await db.prisma.referralImport.findUniqueOrThrow({ where: { id: page.id } });

    // The intake's core for each row, as the import called it before the set-based path: kept
    // long enough to read what it wrote, then rolled back so the import finds nothing recorded.
    // As the import reads the importer again at each batch: no request, so no IP address or browser.
    const importer: UseCaseActor = { id: actor.id, organisationId: actor.organisationId, roles: actor.roles };
    const byIntake: Awaited<ReturnType<typeof writtenFor>>[] = [];
    for (const [index, cells] of rows.entries()) {
      const parsed = parseImportRow(TODAY, cells, page.mapping, stored.headers as string[], provider.sites.england.id, null);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      await db.prisma
        .$transaction(async (tx) => {
          const opened = await intake.openPrapReferralCase(tx, importer, parsed.input, NOW, { importId: page.id, rowNumber: index + 2, dateOfBirth: parsed.dateOfBirth });
          byIntake.push(await writtenFor(tx, opened.caseId));
          throw new Error("rolled back");
        })
        .catch((error: Error) => {
          if (error.message !== "rolled back") throw error;
        });
    }
    expect(await db.prisma.prapReferral.count({ where: { referralId: { startsWith: `EQ-${process.pid}-` } } })).toBe(0);

    vi.mocked(intake.openPrapReferralCase).mockClear();
    await commitAll(actor, page.id, 100);
    expect(intake.openPrapReferralCase).not.toHaveBeenCalled();

    const outcomes = await db.prisma.referralImportRow.findMany({ where: { importId: page.id }, orderBy: { rowNumber: "asc" } });
    expect(outcomes.map((row) => row.outcome)).toEqual(rows.map(() => "created"));
    const byImport = [];
    for (const row of outcomes) byImport.push(await writtenFor(db.prisma, row.caseId as string));
    expect(byImport).toEqual(byIntake);
    // Not vacuous: the rows carry due dates, a timeline of two rows, a contact and an assignment.
    for (const written of byImport) {
      expect(written.case.startDueOn).not.toBeNull();
      expect(written.audit.map((row) => (row as { action: string }).action)).toEqual(["case.created", "case.imported"]);
      expect(written.contacts).toHaveLength(1);
      expect(written.assignments).toHaveLength(1);
    }

    // References are drawn in row order, one after another.
    const cases = await db.prisma.case.findMany({ where: { id: { in: outcomes.map((row) => row.caseId as string) } }, select: { id: true, reference: true } });
    const numbers = outcomes.map((row) => Number(cases.find((found) => found.id === row.caseId)?.reference.slice(4)));
    expect(numbers).toEqual(numbers.map((_, index) => numbers[0] + index));
  });

  it("a batch in which one row's purchase order was recorded meanwhile skips that row with the intake's message and creates the rest", async () => {
    const actor = provider.actors.caseworker;
    const rows = [0, 1, 2].map(referralRow);
    const page = await previewed(actor, rows);
    expect(page.counts).toMatchObject({ ready: 3 });
    // Recorded by hand between the preview and the commit.
    const meanwhile = await createCase(db.prisma, provider, { route: "prap_single" });
    await db.prisma.prapReferral.update({ where: { id: meanwhile.prapReferrals[0].id }, data: { purchaseOrderNumber: rows[1][0] } });

    await commitAll(actor, page.id, 100);
    const outcomes = await db.prisma.referralImportRow.findMany({ where: { importId: page.id }, orderBy: { rowNumber: "asc" } });
    expect(outcomes.map((row) => row.outcome)).toEqual(["created", "skipped", "created"]);
    expect(outcomes[1].problems).toEqual([{ column: "Row", message: `Purchase order ${rows[1][0]} is already recorded on case ${meanwhile.reference}` }]);
    expect(outcomes[1].caseId).toBeNull();
    const done = await getImportPage(db.prisma, actor, page.id);
    expect(done.counts).toMatchObject({ created: 2, skipped: 1, failed: 0 });
    expect(await db.prisma.prapReferral.count({ where: { referralId: rows[1][1] } })).toBe(0);
    expect(await db.prisma.case.count({ where: { id: { in: [outcomes[0].caseId as string, outcomes[2].caseId as string] } } })).toBe(2);
  });

  it("a row whose NINO was recorded meanwhile goes through the intake and is skipped as a re-referral; its neighbours are created", async () => {
    const actor = provider.actors.caseworker;
    const rows = [0, 2, 0].map(referralRow);
    const page = await previewed(actor, rows);
    const meanwhile = await createCase(db.prisma, provider, { route: "prap_single", claimant: { nino: rows[1][9] } });

    vi.mocked(intake.openPrapReferralCase).mockClear();
    await commitAll(actor, page.id, 100);
    expect(intake.openPrapReferralCase).toHaveBeenCalledTimes(1);
    const outcomes = await db.prisma.referralImportRow.findMany({ where: { importId: page.id }, orderBy: { rowNumber: "asc" } });
    expect(outcomes.map((row) => row.outcome)).toEqual(["created", "skipped", "created"]);
    expect((outcomes[1].problems as { message: string }[])[0].message).toContain(`already recorded on case ${meanwhile.reference}`);
    // Still in row order: the third row's case comes after the first's.
    const [first, third] = await Promise.all([0, 2].map((index) => db.prisma.case.findUniqueOrThrow({ where: { id: outcomes[index].caseId as string } })));
    expect(Number(third.reference.slice(4))).toBeGreaterThan(Number(first.reference.slice(4)));
  });
});
