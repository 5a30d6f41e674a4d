import { casePageTitle } from "@/lib/domain/case-sections";
import { InsetText } from "@/components/content/InsetText";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { RESTRICTION_TIER_LABELS } from "@/lib/domain/forms/mappa-forms";
import { loadRestrictionPage } from "@/lib/server/cases/load-restriction-page";
import { changeRestrictionAction } from "./actions";
import { RestrictionForm } from "./RestrictionForm";

/** AC-06: a nominated officer sets or clears a case's restriction, with a reason (13.58, 13.71, 13.77). */
export default async function RestrictionPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:restricted-case:any");
  const { caseId } = await params;
  const { view, previousAssignee } = await loadRestrictionPage(user, caseId);
  return (
    <>
      <BackLink href={`/cases/${view.id}`} text={`Back to case ${view.reference}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={changeRestrictionAction}>
          <FormHeading title={casePageTitle("Change the restriction", view.claimant.name, view.reference)} caption={`Case ${view.reference}, ${view.claimant.name}`}>Change the restriction</FormHeading>
          <p className="govuk-body">Now: {RESTRICTION_TIER_LABELS[view.restrictionTier]}.</p>
          <InsetText>
            Mark a case MAPPA when the referral or the JCP nominated officer says so (13.58, 13.68). A missing address on its own
            never makes a case MAPPA.
          </InsetText>
          <RestrictionForm action={changeRestrictionAction} caseId={view.id} version={view.version} current={view.restrictionTier} previousAssignee={previousAssignee} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
