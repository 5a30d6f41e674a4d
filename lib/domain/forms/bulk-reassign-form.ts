/**
 * Bulk reassignment (docs/decisions/0017-work-queue-urgency-and-bulk-reassignment.md): cases picked
 * with checkboxes in the work queue, each carried as "<case id>.<version it was listed at>" so a case
 * changed since is reported back as stale rather than overwritten. Ids and versions only: no
 * personal data in the address (docs/security.md HD-05).
 */
import { z } from "zod";

/** At most two queue pages at 50 a page would be more than one person checks on one page. */
export const BULK_REASSIGN_MAX_CASES = 50;

export const SELECT_CASES_MESSAGE = "Select at least one case to reassign";
export const SELECT_CASEWORKER_MESSAGE = "Select the caseworker to assign the cases to";

const caseAtVersion = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F-]{36}\.\d{1,9}$/, { error: SELECT_CASES_MESSAGE })
  .transform((value) => {
    const [caseId, version] = value.split(".");
    return { caseId: caseId.toLowerCase(), version: Number(version) };
  })
  .pipe(z.object({ caseId: z.uuid({ error: SELECT_CASES_MESSAGE }), version: z.number().int().min(1) }));

export const bulkReassignSchema = z
  .object({
    case: z
      .array(caseAtVersion, { error: SELECT_CASES_MESSAGE })
      .min(1, { error: SELECT_CASES_MESSAGE })
      .max(BULK_REASSIGN_MAX_CASES, { error: `Select ${BULK_REASSIGN_MAX_CASES} cases or fewer at a time` }),
    caseworkerId: z
      .string({ error: SELECT_CASEWORKER_MESSAGE })
      .trim()
      .min(1, { error: SELECT_CASEWORKER_MESSAGE })
      .transform((value) => value.toLowerCase())
      .pipe(z.uuid({ error: SELECT_CASEWORKER_MESSAGE })),
  })
  .strict();

export type BulkReassignInput = z.output<typeof bulkReassignSchema>;

/**
 * The cases chosen in a GET address (the queue's checkbox form, the check-answers page): each valid
 * "<id>.<version>" once; anything else dropped, so a hand-edited address shows what parses, never a 500.
 */
export function parseSelectedCases(raw: string | string[] | undefined): { caseId: string; version: number }[] {
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const seen = new Map<string, { caseId: string; version: number }>();
  for (const value of values.slice(0, BULK_REASSIGN_MAX_CASES)) {
    const parsed = caseAtVersion.safeParse(value);
    if (parsed.success && !seen.has(parsed.data.caseId)) seen.set(parsed.data.caseId, parsed.data);
  }
  return [...seen.values()];
}

export const caseAtVersionValue = (caseId: string, version: number) => `${caseId}.${version}`;
