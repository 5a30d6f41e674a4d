import { NotificationBanner } from "@/components/content/NotificationBanner";
import { SubNavigation } from "@/components/content/SubNavigation";
import { Table } from "@/components/content/Table";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { MATCH_RULE_LABELS, RECONCILIATION_LISTS, type ReconciliationList } from "@/lib/domain/import/reconcile";
import { loadReconciliationPage } from "@/lib/server/imports/load-import-page";
import { expectFromReconciliationRowAction } from "../../import/actions";
import { ExpectFromRowForm } from "../../import/ImportForms";

/**
 * A reconciliation of the monthly referral spreadsheet (docs/decisions/0023-bulk-import-and-expected-referrals.md):
 * four lists, each with totals per site and month and a CSV export.
 */
export default async function ReconciliationPage({ params, searchParams }: { params: Promise<{ reconciliationId: string }>; searchParams: Promise<{ list?: string; made?: string }> }) {
  const user = await requireUser("import:referral:any");
  const { reconciliationId } = await params;
  const { list: asked, made: madeRow } = await searchParams;
  const view = await loadReconciliationPage(user, reconciliationId);
  const list: ReconciliationList = RECONCILIATION_LISTS.some((entry) => entry.list === asked) ? (asked as ReconciliationList) : "noCase";
  const current = view.summary.find((entry) => entry.list === list);
  const label = RECONCILIATION_LISTS.find((entry) => entry.list === list)?.label ?? "";
  return (
    <>
      <BackLink href={`/referrals/import/${view.importId}`} text="Back to the import" />
      <PageHeading caption={view.fileName}>Reconciliation</PageHeading>
      {madeRow && /^\d+$/.test(madeRow) && view.made[Number(madeRow)] && (
        <NotificationBanner type="success" title="Success">
          Row {madeRow} is recorded as an expected referral.{" "}
          <a className="govuk-link govuk-notification-banner__link" href="/referrals/expected">
            Chase it from the expected referrals
          </a>
          .
        </NotificationBanner>
      )}
      <Table
        caption="Totals"
        captionSize="m"
        head={[{ text: "List" }, { text: "Rows", numeric: true }]}
        rows={view.summary.map((entry) => ({ id: entry.list, cells: [{ content: entry.label }, { content: entry.count, numeric: true }] }))}
      />
      <SubNavigation
        ariaLabel="Reconciliation lists"
        items={view.summary.map((entry) => ({ href: `/referrals/reconciliations/${view.id}?list=${entry.list}`, label: `${entry.label} (${entry.count})`, current: entry.list === list }))}
      />
      <h2 className="govuk-heading-m">{label}</h2>
      {list === "noCase" && (
        <p className="govuk-body">
          Missing referrals: create an expected referral from a row in one click (it is then chased as a missing referral until its PRaP
          referral is recorded), or{" "}
          <a className="govuk-link" href="/referrals/expected/new">
            record the Warm Handover call by hand
          </a>
          .
        </p>
      )}
      <form method="post" action={`/referrals/reconciliations/${view.id}/export`}>
        <input type="hidden" name="list" value={list} />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Export this list (CSV)
        </button>
      </form>
      {current && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Table caption="Per site" captionSize="s" head={[{ text: "Site" }, { text: "Rows", numeric: true }]} rows={current.bySite.map(([site, count]) => ({ id: site, cells: [{ content: site }, { content: count, numeric: true }] }))} />
          </div>
          <div className="govuk-grid-column-one-half">
            <Table caption="Per month" captionSize="s" head={[{ text: "Month" }, { text: "Rows", numeric: true }]} rows={current.byMonth.map(([month, count]) => ({ id: month, cells: [{ content: month }, { content: count, numeric: true }] }))} />
          </div>
        </div>
      )}
      {list === "caseNoRow" ? (
        <Table
          caption={label}
          captionSize="s"
          responsive
          head={[{ text: "Case" }, { text: "Name" }, { text: "Site" }, { text: "Referral date" }]}
          rows={view.lists.caseNoRow.slice(0, 500).map((row) => ({
            id: row.caseId,
            cells: [
              {
                content: (
                  <a className="govuk-link" href={`/cases/${row.caseId}`}>
                    {row.reference}
                  </a>
                ),
              },
              { content: row.name },
              { content: row.site },
              { content: row.referralDate ?? "" },
            ],
          }))}
        />
      ) : (
        <Table
          caption={label}
          captionSize="s"
          responsive
          head={[
            { text: "Row", numeric: true },
            { text: "Name" },
            { text: "Referral date" },
            { text: "Case" },
            { text: "Matched by" },
            { text: "Differences" },
            ...(list === "noCase" ? [{ text: "Action" }] : []),
          ]}
          rows={view.lists[list].slice(0, 500).map((row) => {
            const expectedId = view.made[row.rowNumber] ?? row.expectedReferralId;
            return {
              id: `row-${row.rowNumber}`,
              cells: [
                { content: row.rowNumber, numeric: true },
                { content: row.name },
                { content: row.referralDate ?? "" },
                { content: row.reference ?? (expectedId ? "Expected referral recorded" : "") },
                { content: row.rule ? MATCH_RULE_LABELS[row.rule] : "" },
                { content: row.differences.join("; ") },
                ...(list === "noCase"
                  ? [
                      {
                        content: expectedId ? (
                          <a className="govuk-link" href="/referrals/expected">
                            Chase<span className="govuk-visually-hidden"> the expected referral for row {row.rowNumber}, {row.name}</span>
                          </a>
                        ) : (
                          <ExpectFromRowForm action={expectFromReconciliationRowAction} reconciliationId={view.id} rowNumber={row.rowNumber} name={row.name} />
                        ),
                      },
                    ]
                  : []),
              ],
            };
          })}
        />
      )}
    </>
  );
}
