import { notFound } from "next/navigation";
import { InsetText } from "@/components/content/InsetText";
import { BackLink } from "@/components/layout/BackLink";
import { PageHeading } from "@/components/layout/PageHeading";
import { requireUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { getPrisma } from "@/lib/db/client";
import { RESTRICTION_TIER_LABELS } from "@/lib/domain/forms/mappa-forms";
import { getCaseView } from "@/lib/server/cases/case-view";
import { UseCaseError } from "@/lib/server/use-case-error";
import { changeRestrictionAction } from "./actions";
import { RestrictionForm } from "./RestrictionForm";

/** AC-06: a nominated officer sets or clears a case's restriction, with a reason (13.58, 13.71, 13.77). */
export default async function RestrictionPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:restricted-case:any");
  const { caseId } = await params;
  const now = new Date();
  const view = await getCaseView(await getPrisma(), user, caseId, { today: todayInLondon(now), now }).catch((error: unknown) => {
    if (error instanceof UseCaseError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <>
      <BackLink href={`/cases/${view.id}`} text={`Back to case ${view.reference}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading caption={`Case ${view.reference}, ${view.claimant.name}`}>Change the restriction</PageHeading>
          <p className="govuk-body">Now: {RESTRICTION_TIER_LABELS[view.restrictionTier]}.</p>
          <InsetText>
            Mark a case MAPPA when the referral or the JCP nominated officer says so (13.58, 13.68). A missing address on its own
            never makes a case MAPPA.
          </InsetText>
          <RestrictionForm action={changeRestrictionAction} caseId={view.id} version={view.version} current={view.restrictionTier} />
        </div>
      </div>
    </>
  );
}
