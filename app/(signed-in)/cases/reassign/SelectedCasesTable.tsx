import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import type { BulkReassignCase } from "@/lib/server/cases/get-bulk-reassign-page";

/** The cases chosen for bulk reassignment, as the user may see them. */
export function SelectedCasesTable({ cases }: { cases: readonly BulkReassignCase[] }) {
  return (
    <Table
      responsive
      caption={`${cases.length} ${cases.length === 1 ? "case" : "cases"} selected`}
      captionSize="s"
      head={[{ text: "Case" }, { text: "Claimant" }, { text: "Caseworker now" }, { text: "Site" }]}
      rows={cases.map((row) => ({
        id: row.id,
        cells: [
          { content: <a className="govuk-link ses-nowrap" href={`/cases/${row.id}`}>{row.reference}</a> },
          {
            content: (
              <>
                {row.claimantName}
                {row.restrictionTier === "mappa" && <> <Tag text="MAPPA" colour="purple" /></>}
                {row.restrictionTier === "scr" && <> <Tag text="SCR" colour="red" /></>}
              </>
            ),
          },
          { content: row.caseworkerName ?? "Unassigned" },
          { content: row.siteName },
        ],
      }))}
    />
  );
}
