import { requireUser } from "@/lib/auth/current-user";
import { loadMappaAnnexPage } from "@/lib/server/mappa/load-mappa-annex-page";
import { recordMappaContactAction } from "../actions";
import { MappaContactForm } from "../MappaForms";
import { AnnexEditPage } from "../AnnexEditPage";

/** Contact details given later (13.70, 3.36), held here only. */
export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const annex = await loadMappaAnnexPage(await requireUser(), caseId);
  return (
    <AnnexEditPage annex={annex} action={recordMappaContactAction} heading="Contact details from the JCP nominated officer" lead={<>The referral arrived without address, postcode and telephone (13.58). Record here the contact details the JCP nominated officer gives you; the case record says &ldquo;contact via nominated officer&rdquo;.</>}>
      <MappaContactForm action={recordMappaContactAction} caseId={annex.caseId} annexVersion={annex.annexVersion} contact={{
          telephone: annex.contactTelephone,
          alternativeTelephone: annex.contactAlternativeTelephone,
          email: annex.contactEmail,
          address: annex.contactAddress,
          givenOn: annex.contactGivenOn,
        }}
      />
    </AnnexEditPage>
  );
}
