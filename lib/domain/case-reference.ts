/**
 * Case references (docs/rules/restricted-cases.md). Ordinary cases are numbered in one series,
 * SES-000001, SES-000002, …; an SCR case opened from an SL2 (13.52–13.54) is numbered in its own
 * series, SCR-000001, …, so the ordinary numbering a caseworker sees has no gaps where a case they
 * may not see would be. Both are at least six digits and grow beyond.
 */
export const CASE_REFERENCE_PREFIXES = { ordinary: "SES", scr: "SCR" } as const;

export type CaseReferenceSeries = keyof typeof CASE_REFERENCE_PREFIXES;

export function formatCaseReference(series: CaseReferenceSeries, number: number | bigint): string {
  return `${CASE_REFERENCE_PREFIXES[series]}-${String(number).padStart(6, "0")}`;
}

/** A search term that is a case reference, typed loosely ("ses 12", "scr-4"), as it is stored; null when it is not one. */
export function caseReferenceFromSearch(term: string): string | null {
  const match = /^(SES|SCR)-?(\d{1,6})$/.exec(term.replace(/\s+/g, "").toUpperCase());
  return match ? `${match[1]}-${match[2].padStart(6, "0")}` : null;
}
