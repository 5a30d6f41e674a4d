import { recordMappaLetterAction } from "../../actions";
import { MappaLetterForm } from "../../MappaForms";
import { AnnexEditPage } from "../../AnnexEditPage";
import { loadMappaAnnex } from "../../load";

/** A letter JCP's nominated officer sent instead of the provider (13.72, 3.38). */
export default async function Page({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { annex } = await loadMappaAnnex(caseId);
  return (
    <AnnexEditPage annex={annex} heading="Record a letter JCP sent" lead={<>JCP may send letters the provider would normally send (13.72). Record each one here.</>}>
      <MappaLetterForm action={recordMappaLetterAction} caseId={annex.caseId} annexVersion={annex.annexVersion} />
    </AnnexEditPage>
  );
}
