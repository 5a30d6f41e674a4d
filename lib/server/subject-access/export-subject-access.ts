import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { can } from "@/lib/domain/permissions";
import type { SubjectAccessInput } from "@/lib/domain/subject-access/subject-access-form";
import { recordAudit } from "../audit/record-audit";
import { assertCan, type UseCaseActor } from "../assert-can";
import { toCsv } from "../export/to-csv";
import { createZip } from "../export/zip";
import { UseCaseError } from "../use-case-error";

/**
 * Subject access export (docs/security.md DP-03; docs/decisions/0021-data-protection-and-least-privilege.md):
 * everything held on one National Insurance number, as a ZIP of one JSON file and one CSV per
 * record type, for a nominated officer or an administrator.
 *
 * - Only cases of the actor's organisation. SCR cases, MAPPA annexes and MAPPA letters only for a
 *   nominated officer; for anyone else they are left out without a trace, and a NINO held only on
 *   an SCR case answers exactly as an unknown one (NOT_FOUND; AC-01).
 * - Nobody else's personal data: staff appear by role, never by name or id; the case's third-party
 *   contacts and possible-duplicate alerts (which name another case) are left out.
 * - Audited: who, which participant records, how many rows of each type; never the NINO in clear
 *   (LG-01 for the SCR cases included).
 */
export const SUBJECT_ACCESS_EXPORTED_ACTION = "subject_access.exported";

type JsonRecord = Record<string, unknown>;

/** Fields that name a member of staff, or another organisation's records: never exported. */
const STAFF_OR_INTERNAL_KEY = /(ById|^authorId|^caseworkerId|^assignedCaseworkerId|^aboutUserId|^actorId|^organisationId)$/;

/** Plain JSON of a Prisma row: dates as ISO strings, big integers as strings, staff fields removed. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object") {
    const out: JsonRecord = {};
    for (const [key, inner] of Object.entries(value as JsonRecord)) if (!STAFF_OR_INTERNAL_KEY.test(key)) out[key] = plain(inner);
    return out;
  }
  return value;
}

function csvOf(rows: JsonRecord[]): string {
  const headers = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const columns = headers.map((header) => ({
    header,
    cell: (row: JsonRecord) => {
      const value = row[header];
      if (value === null || value === undefined) return null;
      if (typeof value === "number") return value;
      return typeof value === "string" ? value : JSON.stringify(value);
    },
  }));
  return toCsv(columns, rows);
}

const CASE_INCLUDE = {
  site: { select: { name: true } },
  closureReason: { select: { label: true } },
  prapReferrals: true,
  initialAssessment: true,
  uc452Parts: true,
  uc452Emails: true,
  ucpr1: true,
  sessro1: true,
  sl2: true,
  mappaAnnex: true,
  mappaLetters: true,
  contactAttempts: { orderBy: { attemptedAt: "asc" } },
  notes: { orderBy: { createdAt: "asc" } },
  assignments: { orderBy: { assignedAt: "asc" } },
  securePost: true,
} satisfies Prisma.CaseInclude;

export interface SubjectAccessFile {
  zip: Buffer;
  filename: string;
  counts: Record<string, number>;
}

export async function exportSubjectAccess(prisma: PrismaClient, actor: UseCaseActor, input: SubjectAccessInput, now: Date): Promise<SubjectAccessFile> {
  assertCan(actor, "export:subject-access:any");
  const officer = can(actor.roles, "read:restricted-case:any");
  const caseWhere: Prisma.CaseWhereInput = officer ? { organisationId: actor.organisationId } : { organisationId: actor.organisationId, restrictionTier: { not: "scr" } };
  const claimants = await prisma.claimant.findMany({
    where: { nino: input.nino, cases: { some: caseWhere } },
    include: { employmentHistory: true, qualifications: true },
    orderBy: { createdAt: "asc" },
  });
  if (claimants.length === 0) throw new UseCaseError("NOT_FOUND", "No records are held for that National Insurance number.");
  const claimantIds = claimants.map((claimant) => claimant.id);
  const cases = await prisma.case.findMany({ where: { ...caseWhere, claimantId: { in: claimantIds } }, include: CASE_INCLUDE, orderBy: { createdAt: "asc" } });
  const caseIds = cases.map((record) => record.id);
  const audit = await prisma.auditEvent.findMany({
    where: { OR: [{ caseId: { in: caseIds } }, { entityType: "Claimant", entityId: { in: claimantIds } }] },
    select: { id: true, at: true, actorRoles: true, action: true, caseId: true, restrictedRead: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });

  const byType: Record<string, JsonRecord[]> = {
    participants: claimants.map(({ employmentHistory: _history, qualifications: _qualifications, ...claimant }) => plain(claimant) as JsonRecord),
    "employment-history": claimants.flatMap((claimant) => claimant.employmentHistory.map((row) => plain(row) as JsonRecord)),
    qualifications: claimants.flatMap((claimant) => claimant.qualifications.map((row) => plain(row) as JsonRecord)),
    cases: [],
    "prap-referrals": [],
    "initial-assessments": [],
    "uc452-forms": [],
    "uc452-emails": [],
    "ucpr1-forms": [],
    "sessro1-forms": [],
    "sl2-forms": [],
    "mappa-annexes": [],
    "mappa-letters": [],
    "contact-attempts": [],
    notes: [],
    assignments: [],
    "secure-post": [],
    "access-and-audit-log": audit.map((row) => plain(row) as JsonRecord),
  };
  const one = <T>(value: T | null): T[] => (value ? [value] : []);
  for (const record of cases) {
    const { site, closureReason, prapReferrals, initialAssessment, uc452Parts, uc452Emails, ucpr1, sessro1, sl2, mappaAnnex, mappaLetters, contactAttempts, notes, assignments, securePost, ...caseFields } = record;
    byType.cases.push(plain({ ...caseFields, site: site.name, closureReason: closureReason?.label ?? null }) as JsonRecord);
    const push = (type: string, rows: unknown[]) => byType[type].push(...rows.map((row) => plain(row) as JsonRecord));
    push("prap-referrals", prapReferrals);
    push("initial-assessments", one(initialAssessment));
    push("uc452-forms", uc452Parts);
    push("uc452-emails", uc452Emails);
    push("ucpr1-forms", one(ucpr1));
    push("sessro1-forms", one(sessro1));
    push("sl2-forms", one(sl2));
    // The MAPPA annex and letters are nominated officers' records (13.69, 13.71).
    if (officer) {
      push("mappa-annexes", one(mappaAnnex));
      push("mappa-letters", mappaLetters);
    }
    push("contact-attempts", contactAttempts);
    push("notes", notes);
    push("assignments", assignments.map(({ id, caseId, assignedAt }) => ({ id, caseId, assignedAt })));
    push("secure-post", securePost);
  }

  const counts = Object.fromEntries(Object.entries(byType).map(([type, rows]) => [type, rows.length]));
  const generatedAt = now.toISOString();
  const files = [
    { name: "subject-access.json", content: JSON.stringify({ generatedAt, records: byType }, null, 2) },
    ...Object.entries(byType)
      .filter(([, rows]) => rows.length > 0)
      .map(([type, rows]) => ({ name: `${type}.csv`, content: csvOf(rows) })),
    { name: "README.txt", content: `Subject access export, generated ${generatedAt}.\r\nsubject-access.json holds every record; each CSV holds one type. Staff are shown by role only.\r\n` },
  ];
  const restrictedIncluded = cases.filter((record) => record.restrictionTier === "scr").map((record) => record.id);
  await recordAudit(prisma, actor, {
    action: SUBJECT_ACCESS_EXPORTED_ACTION,
    entityType: "Claimant",
    entityId: claimantIds[0],
    // One row names at most one case; an export of several names them in `after`.
    caseId: caseIds.length === 1 ? caseIds[0] : null,
    restrictedRead: restrictedIncluded.length > 0,
    after: { claimantIds, caseIds, counts },
  });
  return { zip: createZip(files, now), filename: `subject-access-${generatedAt.slice(0, 10)}.zip`, counts };
}
