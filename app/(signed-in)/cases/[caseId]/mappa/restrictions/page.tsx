import type { Metadata } from "next";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { recordMappaRestrictionsAction } from "../actions";
import { MappaRestrictionsForm } from "../MappaForms";
import { loadMappaAnnex } from "../load";

export const metadata: Metadata = { title: "Restrictions from the JCP nominated officer" };

/** Restrictions phoned through (13.59, 13.68, 3.34). */
export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { annex } = await loadMappaAnnex(caseId);
  return (
    <>
      <BackLink href={`/cases/${annex.caseId}/mappa`} text="Back to the MAPPA annex" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading caption={`Case ${annex.reference}, ${annex.claimantName}`}>Restrictions from the JCP nominated officer</PageHeading>
          <p className="govuk-body">The JCP nominated officer contacts the provider&apos;s nominated officer with the restrictions that apply to this participant (13.68).</p>
          <MappaRestrictionsForm action={recordMappaRestrictionsAction} caseId={annex.caseId} annexVersion={annex.annexVersion} restrictions={annex.restrictions} phonedOn={annex.restrictionsPhonedOn} />
        </div>
      </div>
    </>
  );
}
