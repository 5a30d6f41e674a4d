import { casePageTitle } from "@/lib/domain/case-sections";
import { requireUser } from "@/lib/auth/current-user";
import { loadMappaAnnexPage } from "@/lib/server/mappa/load-mappa-annex-page";
import { EmptyState } from "@/components/content/EmptyState";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { SummaryCard } from "@/components/content/SummaryCard";
import { Table } from "@/components/content/Table";
import { WarningText } from "@/components/content/WarningText";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { formatLongDate } from "@/lib/calendar/iso-date";

const CONFIRMATIONS: Record<string, string> = {
  restrictions: "Restrictions saved.",
  "mappa-j": "MAPPA J form receipt logged.",
  contact: "Contact details saved.",
  letter: "Letter recorded.",
};

/** The nominated-officer-only annex of a MAPPA case (13.59, 13.68–13.72, 3.34–3.38). */
export default async function MappaAnnexPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { caseId } = await params;
  const { done } = await searchParams;
  const annex = await loadMappaAnnexPage(await requireUser(), caseId);
  const base = `/cases/${annex.caseId}/mappa`;
  const confirmation = done ? CONFIRMATIONS[done] : undefined;
  return (
    <>
      <BackLink href={`/cases/${annex.caseId}`} text={`Back to case ${annex.reference}`} />
      {confirmation && (
        <NotificationBanner type="success" title="Success">
          {confirmation}
        </NotificationBanner>
      )}
      <PageHeading title={casePageTitle("MAPPA annex", annex.claimantName, annex.reference)} caption={`Case ${annex.reference}, ${annex.claimantName}`}>MAPPA annex</PageHeading>
      <WarningText>
        Nominated officers only. Hold this information securely with restricted access (13.69, 13.78). Every view of this page is
        recorded in the case&apos;s access log.
      </WarningText>
      <SummaryCard
        title="Restrictions from the JCP nominated officer"
        actions={[{ href: `${base}/restrictions`, label: annex.restrictions ? "Change" : "Record", visuallyHiddenText: "restrictions" }]}
        rows={[
          { key: "Restrictions", value: annex.restrictions ? <span className="ses-note-text">{annex.restrictions}</span> : "Not recorded yet" },
          { key: "Phoned through on", value: annex.restrictionsPhonedOn ? formatLongDate(annex.restrictionsPhonedOn) : "Not recorded yet" },
          { key: "Phoned through by", value: annex.restrictionsPhonedBy ?? "Not recorded" },
        ]}
      />
      <SummaryCard
        title="MAPPA J form"
        actions={[{ href: `${base}/mappa-j`, label: "Log a receipt", visuallyHiddenText: "of the MAPPA J form" }]}
        rows={[{ key: "Received by secure post", value: annex.mappaJReceivedOn ? formatLongDate(annex.mappaJReceivedOn) : "Not received yet" }]}
      />
      {annex.securePost.length > 0 && (
        <Table
          responsive
          caption="MAPPA J secure post received"
          captionSize="s"
          head={[{ text: "Received" }, { text: "From" }, { text: "Method" }, { text: "Track and Trace" }]}
          rows={annex.securePost.map((post) => ({
            id: post.id,
            cells: [{ content: formatLongDate(post.postedOn) }, { content: post.counterparty }, { content: post.method }, { content: post.trackingNumber ?? "" }],
          }))}
        />
      )}
      <SummaryCard
        title="Contact details from the JCP nominated officer"
        actions={[{ href: `${base}/contact`, label: annex.contactTelephone || annex.contactAlternativeTelephone || annex.contactEmail || annex.contactAddress ? "Change" : "Record", visuallyHiddenText: "contact details" }]}
        rows={[
          { key: "Telephone", value: annex.contactTelephone ?? "Not given yet" },
          { key: "Alternative telephone", value: annex.contactAlternativeTelephone ?? "Not given" },
          { key: "Email", value: annex.contactEmail ?? "Not given" },
          { key: "Address", value: annex.contactAddress ?? "Not given yet" },
          { key: "Given on", value: annex.contactGivenOn ? formatLongDate(annex.contactGivenOn) : "Not recorded" },
        ]}
      />
      <h2 className="govuk-heading-m">Letters JCP sent instead of the provider</h2>
      {annex.letters.length === 0 ? (
        <EmptyState headingLevel={3} action={{ href: `${base}/letters/new`, label: "Record a letter" }}>
          No letters recorded. JCP may send letters the provider would normally send (13.72).
        </EmptyState>
      ) : (
        <>
          <Table
            responsive
            caption="Letters, newest first"
            captionSize="s"
            head={[{ text: "Sent" }, { text: "About" }]}
            rows={annex.letters.map((letter) => ({ id: letter.id, cells: [{ content: formatLongDate(letter.sentOn) }, { content: letter.description }] }))}
          />
          <p className="govuk-body">
            <a className="govuk-link" href={`${base}/letters/new`}>
              Record a letter
            </a>
          </p>
        </>
      )}
      <p className="govuk-body">
        <a className="govuk-link" href={`/cases/${annex.caseId}/access-log`}>
          Access log for this case
        </a>
      </p>
    </>
  );
}
