import { requireUser } from "@/lib/auth/current-user";
import { loadMappaAnnexPage } from "@/lib/server/mappa/load-mappa-annex-page";
import { recordMappaJReceivedAction } from "../actions";
import { MappaJReceivedForm } from "../MappaForms";
import { AnnexEditPage } from "../AnnexEditPage";

/** The MAPPA J form by secure post, logged for audit (13.59, 13.69, 3.35). */
export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const annex = await loadMappaAnnexPage(await requireUser(), caseId);
  return (
    <AnnexEditPage annex={annex} action={recordMappaJReceivedAction} heading="Log the MAPPA J form received" lead={<>The JCP nominated officer sends the MAPPA J form by secure post (minimum Track and Trace). Keep it with restricted access, like an SL2 (13.69).</>}>
      <MappaJReceivedForm action={recordMappaJReceivedAction} caseId={annex.caseId} annexVersion={annex.annexVersion} />
    </AnnexEditPage>
  );
}
