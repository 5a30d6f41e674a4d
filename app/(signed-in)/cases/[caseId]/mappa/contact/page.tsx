import type { Metadata } from "next";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { recordMappaContactAction } from "../actions";
import { MappaContactForm } from "../MappaForms";
import { loadMappaAnnex } from "../load";

export const metadata: Metadata = { title: "Contact details from the JCP nominated officer" };

/** Contact details given later (13.70, 3.36), held here only. */
export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { annex } = await loadMappaAnnex(caseId);
  return (
    <>
      <BackLink href={`/cases/${annex.caseId}/mappa`} text="Back to the MAPPA annex" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading caption={`Case ${annex.reference}, ${annex.claimantName}`}>Contact details from the JCP nominated officer</PageHeading>
          <p className="govuk-body">The referral arrived without address, postcode and telephone (13.58). Record here the contact details the JCP nominated officer gives you; the case record says &ldquo;contact via nominated officer&rdquo;.</p>
          <MappaContactForm action={recordMappaContactAction} caseId={annex.caseId} annexVersion={annex.annexVersion} telephone={annex.contactTelephone} address={annex.contactAddress} />
        </div>
      </div>
    </>
  );
}
