import type { DashboardList } from "./filters";
import type { AtRiskRow, FigureCaseRow, OpenCaseRow, UnassignedRow } from "./view";

/**
 * The columns of each exportable dashboard list. Dates are ISO (YYYY-MM-DD) so spreadsheets
 * sort them. No SCR case ever reaches these rows (decision 0005): they come from the list scope.
 */
export type CsvCell = string | number | null;

export const AT_RISK_CSV: { header: string; cell: (row: AtRiskRow) => CsvCell }[] = [
  { header: "Case reference", cell: (row) => row.reference },
  { header: "Claimant", cell: (row) => row.claimantName },
  { header: "State", cell: (row) => row.stateLabel },
  { header: "Route", cell: (row) => row.routeLabel },
  { header: "Site", cell: (row) => row.siteName },
  { header: "Caseworker", cell: (row) => row.caseworkerName ?? "Unassigned" },
  { header: "Referral date", cell: (row) => row.referralDate },
  { header: "Must start by", cell: (row) => row.startDueOn },
  { header: "Working days left", cell: (row) => row.workingDaysLeft },
  { header: "Status", cell: (row) => row.riskText },
  { header: "Next action", cell: (row) => row.nextAction?.label ?? "None outstanding" },
  { header: "Next action due", cell: (row) => row.nextAction?.dueOn ?? null },
];

export const UNASSIGNED_CSV: { header: string; cell: (row: UnassignedRow) => CsvCell }[] = [
  { header: "Case reference", cell: (row) => row.reference },
  { header: "Claimant", cell: (row) => row.claimantName },
  { header: "State", cell: (row) => row.stateLabel },
  { header: "Route", cell: (row) => row.routeLabel },
  { header: "Site", cell: (row) => row.siteName },
  { header: "Waiting since", cell: (row) => row.waitingSince },
  { header: "Working days waiting", cell: (row) => row.workingDaysWaiting },
];

export const OPEN_CASES_CSV: { header: string; cell: (row: OpenCaseRow) => CsvCell }[] = [
  { header: "Case reference", cell: (row) => row.reference },
  { header: "Claimant", cell: (row) => row.claimantName },
  { header: "State", cell: (row) => row.stateLabel },
  { header: "Route", cell: (row) => row.routeLabel },
  { header: "Site", cell: (row) => row.siteName },
  { header: "Caseworker", cell: (row) => row.caseworkerName ?? "Unassigned" },
  { header: "Referral date", cell: (row) => row.referralDate },
  { header: "Must start by", cell: (row) => row.startDueOn },
  { header: "Next deadline", cell: (row) => row.nextDeadlineOn },
];

/** The drill-down list behind a dashboard count: the same columns as the page's table. */
export const FIGURE_CASES_CSV: { header: string; cell: (row: FigureCaseRow) => CsvCell }[] = [
  { header: "Case reference", cell: (row) => row.reference },
  { header: "Claimant", cell: (row) => row.claimantName },
  { header: "State", cell: (row) => row.stateLabel },
  { header: "Route", cell: (row) => row.routeLabel },
  { header: "Strand", cell: (row) => row.strandLabel ?? "Not recorded" },
  { header: "Site", cell: (row) => row.siteName },
  { header: "Caseworker", cell: (row) => row.caseworkerName ?? "Unassigned" },
  { header: "Referral date", cell: (row) => row.referralDate },
  { header: "Must start by", cell: (row) => row.startDueOn },
  { header: "Started on", cell: (row) => row.startedOn },
  { header: "Next deadline", cell: (row) => row.nextDeadlineOn },
];

/** The most rows one export holds; the file says so when a list is longer. */
export const EXPORT_ROW_LIMIT = 20_000;

export function exportFilename(list: DashboardList, today: string): string {
  return `ses-${list}-${today}.csv`;
}
