import type { Prisma } from "@/lib/db/prisma";
import type { CaseState } from "@/lib/domain/case-states";

/** What a page about one of a case's records shows of the case itself: which case, its version (for the form), state and ruleset. */
export interface CaseHeader {
  caseId: string;
  reference: string;
  version: number;
  state: CaseState;
  ruleset: "ses_2016_uc" | "ses_2017";
}

export const CASE_HEADER_SELECT = { id: true, reference: true, version: true, state: true, ruleset: true } as const satisfies Prisma.CaseSelect;

export function caseHeaderOf(row: Prisma.CaseGetPayload<{ select: typeof CASE_HEADER_SELECT }>): CaseHeader {
  return { caseId: row.id, reference: row.reference, version: row.version, state: row.state, ruleset: row.ruleset };
}
