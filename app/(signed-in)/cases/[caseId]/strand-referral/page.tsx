import { casePageTitle } from "@/lib/domain/case-sections";
import { InsetText } from "@/components/content/InsetText";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { STRAND_LABELS } from "@/lib/domain/case-labels";
import { loadStrandReferralPage } from "@/lib/server/cases/lifecycle/load-strand-referral-page";
import { recordStrandReferralAction } from "./actions";
import { StrandReferralForm } from "./StrandReferralForm";

export default async function StrandReferralPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const view = await loadStrandReferralPage(user, caseId);
  return (
    <>
      <BackLink href={`/cases/${view.id}`} text={`Back to case ${view.reference}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordStrandReferralAction}>
          <FormHeading title={casePageTitle("Record the strand referral", view.claimantName, view.reference)} caption={`Case ${view.reference}, ${view.claimantName}`}>Record the strand referral</FormHeading>
          <InsetText>
            The Work Coach makes a second PRaP referral, to {view.strand ? STRAND_LABELS[view.strand] : "the recommended strand"} (13.25–13.27).
            Record it here, then accept it.
          </InsetText>
          <StrandReferralForm action={recordStrandReferralAction} caseId={view.id} version={view.version} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
