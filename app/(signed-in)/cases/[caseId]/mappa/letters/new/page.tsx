import type { Metadata } from "next";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { recordMappaLetterAction } from "../../actions";
import { MappaLetterForm } from "../../MappaForms";
import { loadMappaAnnex } from "../../load";

export const metadata: Metadata = { title: "Record a letter JCP sent" };

/** A letter JCP's nominated officer sent instead of the provider (13.72, 3.38). */
export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { annex } = await loadMappaAnnex(caseId);
  return (
    <>
      <BackLink href={`/cases/${annex.caseId}/mappa`} text="Back to the MAPPA annex" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading caption={`Case ${annex.reference}, ${annex.claimantName}`}>Record a letter JCP sent</PageHeading>
          <p className="govuk-body">JCP may send letters the provider would normally send (13.72). Record each one here.</p>
          <MappaLetterForm action={recordMappaLetterAction} caseId={annex.caseId} annexVersion={annex.annexVersion} />
        </div>
      </div>
    </>
  );
}
