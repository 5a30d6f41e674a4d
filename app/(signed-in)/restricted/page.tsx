import { EmptyState } from "@/components/content/EmptyState";
import { Table } from "@/components/content/Table";
import { Tag } from "@/components/content/Tag";
import { UrgencyTag } from "@/components/cases/UrgencyTag";
import { ButtonLink } from "@/components/forms/ButtonLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { CASE_STATE_LABELS } from "@/lib/domain/case-states";
import { SL2_RETURN_LABELS } from "@/lib/domain/scr/sl2";
import { JCP_REFERRAL_MISSING_LABEL } from "@/lib/domain/sro/jcp-referral-missing";
import type { ScrQueueRow } from "@/lib/server/scr/get-restricted-queue";
import { loadRestrictedQueuePage } from "@/lib/server/scr/load-restricted-queue-page";

const caseLink = (row: { id: string; reference: string }, hash = "") => (
  <a className="govuk-link" href={`/cases/${row.id}${hash}`}>
    {row.reference}
  </a>
);

function scrRows(rows: readonly ScrQueueRow[]) {
  return rows.map((row) => ({
    id: row.id,
    cells: [
      { content: caseLink(row) },
      { content: row.claimantName },
      {
        content: (
          <>
            {CASE_STATE_LABELS[row.state]}
            {row.jcpReferralMissing && <> <Tag text={JCP_REFERRAL_MISSING_LABEL} colour="orange" /></>}
          </>
        ),
      },
      { content: row.sl2ReceivedOn ? formatLongDate(row.sl2ReceivedOn) : "Not recorded" },
      { content: row.startClock ? <UrgencyTag clock={row.startClock} /> : "—" },
      { content: row.siteName },
    ],
  }));
}

const SCR_HEAD = [{ text: "Case" }, { text: "Name" }, { text: "State" }, { text: "SL2 received" }, { text: "Start (20 working days)" }, { text: "Site" }];

/**
 * The nominated officer's queue (docs/rules/restricted-cases.md): SCR cases, MAPPA restrictions to record, SL2 returns
 * due. For anyone else it does not exist (404). Each view writes one restricted-read audit row per
 * SCR case listed (lib/server/scr/get-restricted-queue.ts).
 */
export default async function RestrictedCasesPage() {
  const user = await requireUser("read:restricted-case:any");
  const queue = await loadRestrictedQueuePage(user);
  return (
    <>
      <PageHeading caption="Nominated officer">Restricted cases</PageHeading>
      <p className="govuk-body">
        Special Customer Record (SCR) cases and MAPPA restrictions are yours alone to handle (13.69, 13.77, 3.35, 3.43). Every view of
        an SCR case, including this list, is recorded in its access log.
      </p>
      <ButtonLink href="/restricted/new">Record a received SL2</ButtonLink>

      <h2 className="govuk-heading-m" id="possible-duplicates">Possible duplicates of an SCR case</h2>
      {queue.possibleDuplicates.length === 0 ? (
        <EmptyState>No intake has matched an SCR case.</EmptyState>
      ) : (
        <Table responsive
          caption="Referrals and introductions recorded with the National Insurance number of an SCR case: merge, keep or close each with a reason"
          captionSize="s"
          head={[{ text: "New case" }, { text: "SCR case" }, { text: "Name" }, { text: "Recorded" }, { text: "Decision" }]}
          rows={queue.possibleDuplicates.map((row) => ({
            id: row.alertId,
            cells: [
              { content: caseLink(row.newCase) },
              { content: caseLink(row.scrCase) },
              { content: row.newCase.claimantName },
              { content: formatLongDate(row.raisedAt.slice(0, 10)) },
              {
                content: (
                  <a className="govuk-link" href={`/restricted/duplicates/${row.alertId}`}>
                    Decide<span className="govuk-visually-hidden"> on {row.newCase.reference}</span>
                  </a>
                ),
              },
            ],
          }))}
        />
      )}

      <h2 className="govuk-heading-m" id="sl2-returns">SL2 returns due</h2>
      {queue.sl2ReturnsDue.length === 0 ? (
        <EmptyState>No SL2 returns are due.</EmptyState>
      ) : (
        <Table responsive
          caption="SL2 returns due to the JCP nominated officer, by secure methods only (13.55–13.57, 3.31)"
          captionSize="s"
          head={[{ text: "Case" }, { text: "Name" }, { text: "What to return" }, { text: "SL2 received" }]}
          rows={queue.sl2ReturnsDue.map((row) => ({
            id: row.id,
            cells: [
              { content: caseLink(row, "/forms") },
              { content: row.claimantName },
              { content: row.returnDue ? SL2_RETURN_LABELS[row.returnDue] : "" },
              { content: row.sl2ReceivedOn ? formatLongDate(row.sl2ReceivedOn) : "Not recorded" },
            ],
          }))}
        />
      )}

      <h2 className="govuk-heading-m" id="mappa">MAPPA restrictions to record</h2>
      {queue.mappaRestrictionsToRecord.length === 0 ? (
        <EmptyState>No MAPPA case is waiting for its restrictions to be recorded.</EmptyState>
      ) : (
        <Table responsive
          caption="Open MAPPA cases whose restrictions from the JCP nominated officer are not recorded yet (13.59, 3.34)"
          captionSize="s"
          head={[{ text: "Case" }, { text: "Name" }, { text: "State" }, { text: "Site" }]}
          rows={queue.mappaRestrictionsToRecord.map((row) => ({
            id: row.id,
            cells: [{ content: caseLink(row) }, { content: row.claimantName }, { content: CASE_STATE_LABELS[row.state] }, { content: row.siteName }],
          }))}
        />
      )}

      <h2 className="govuk-heading-m" id="scr-cases">SCR cases</h2>
      {queue.openScrCases.length === 0 ? (
        <EmptyState>There are no open SCR cases.</EmptyState>
      ) : (
        <Table responsive caption="Open SCR cases, soonest start target first" captionSize="s" head={SCR_HEAD} rows={scrRows(queue.openScrCases)} />
      )}
      {queue.closedScrCases.length > 0 && (
        <Table responsive caption="Closed SCR cases, most recent first" captionSize="s" head={SCR_HEAD} rows={scrRows(queue.closedScrCases)} />
      )}
    </>
  );
}
