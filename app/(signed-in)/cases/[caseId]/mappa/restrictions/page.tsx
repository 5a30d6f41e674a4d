import { requireUser } from "@/lib/auth/current-user";
import { loadMappaAnnexPage } from "@/lib/server/mappa/load-mappa-annex-page";
import { recordMappaRestrictionsAction } from "../actions";
import { MappaRestrictionsForm } from "../MappaForms";
import { AnnexEditPage } from "../AnnexEditPage";

/** Restrictions phoned through (13.59, 13.68, 3.34). */
export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const annex = await loadMappaAnnexPage(await requireUser(), caseId);
  return (
    <AnnexEditPage annex={annex} action={recordMappaRestrictionsAction} heading="Restrictions from the JCP nominated officer" lead={<>The JCP nominated officer contacts the provider&apos;s nominated officer with the restrictions that apply to this participant (13.68).</>}>
      <MappaRestrictionsForm action={recordMappaRestrictionsAction} caseId={annex.caseId} annexVersion={annex.annexVersion} restrictions={annex.restrictions} phonedOn={annex.restrictionsPhonedOn}
        phonedBy={annex.restrictionsPhonedBy}
      />
    </AnnexEditPage>
  );
}
