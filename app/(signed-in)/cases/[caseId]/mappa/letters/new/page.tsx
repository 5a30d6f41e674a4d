import { requireUser } from "@/lib/auth/current-user";
import { loadMappaAnnexPage } from "@/lib/server/mappa/load-mappa-annex-page";
import { recordMappaLetterAction } from "../../actions";
import { MappaLetterForm } from "../../MappaForms";
import { AnnexEditPage } from "../../AnnexEditPage";

/** A letter JCP's nominated officer sent instead of the provider (13.72, 3.38). */
export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const annex = await loadMappaAnnexPage(await requireUser(), caseId);
  return (
    <AnnexEditPage annex={annex} action={recordMappaLetterAction} heading="Record a letter JCP sent" lead={<>JCP may send letters the provider would normally send (13.72). Record each one here.</>}>
      <MappaLetterForm action={recordMappaLetterAction} caseId={annex.caseId} annexVersion={annex.annexVersion} />
    </AnnexEditPage>
  );
}
