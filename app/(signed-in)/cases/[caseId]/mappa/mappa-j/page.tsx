import type { Metadata } from "next";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { recordMappaJReceivedAction } from "../actions";
import { MappaJReceivedForm } from "../MappaForms";
import { loadMappaAnnex } from "../load";

export const metadata: Metadata = { title: "Log the MAPPA J form received" };

/** The MAPPA J form by secure post, logged for audit (13.59, 13.69, 3.35). */
export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { annex } = await loadMappaAnnex(caseId);
  return (
    <>
      <BackLink href={`/cases/${annex.caseId}/mappa`} text="Back to the MAPPA annex" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading caption={`Case ${annex.reference}, ${annex.claimantName}`}>Log the MAPPA J form received</PageHeading>
          <p className="govuk-body">The JCP nominated officer sends the MAPPA J form by secure post (minimum Track and Trace). Keep it with restricted access, like an SL2 (13.69).</p>
          <MappaJReceivedForm action={recordMappaJReceivedAction} caseId={annex.caseId} annexVersion={annex.annexVersion} />
        </div>
      </div>
    </>
  );
}
