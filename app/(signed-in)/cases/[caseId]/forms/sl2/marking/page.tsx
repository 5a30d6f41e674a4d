import { casePageTitle } from "@/lib/domain/case-sections";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormTitle } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { loadSl2Page } from "@/lib/server/scr/load-sl2-page";
import { overrideSl2MarkingAction } from "../actions";
import { Sl2MarkingForm } from "../Sl2Forms";

/**
 * 13.77, 3.43: the SL2 marking follows the case's ruleset; where the ruleset was overridden, the
 * nominated officer may choose the other marking with a reason. Otherwise this page does not exist.
 */
export default async function Sl2MarkingPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:restricted-case:any");
  const { caseId } = await params;
  const sl2 = await loadSl2Page(user, caseId, "sl2.restricted_read");
  if (!sl2.markingOverridable) notFound();
  return (
    <>
      <BackLink href={`/cases/${sl2.caseId}/forms`} text="Back to forms and letters" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={overrideSl2MarkingAction}>
          <span className="govuk-caption-l">
            Case {sl2.reference} · {sl2.marking}
          </span>
          <FormTitle>{casePageTitle("Change the SL2 marking", "", sl2.reference)}</FormTitle>
          <h1 className="govuk-heading-l">Change the SL2 marking</h1>
          <p className="govuk-body">
            Each SL2 page is marked “SCR participant” under Chapter 13 or “SCR customer” under Chapter 3 (13.77, 3.43). This case’s
            ruleset was overridden, so its marking differs from the one the date the SL2 arrived gives: choose the marking, and say why.
          </p>
          {sl2.markingOverrideReason && <p className="govuk-body">Reason recorded last time: {sl2.markingOverrideReason}</p>}
          <Sl2MarkingForm action={overrideSl2MarkingAction} caseId={sl2.caseId} version={sl2.version} current={sl2.marking} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
