import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { EXPECTED_REFERRAL_CLOSE_REASONS } from "@/lib/domain/forms/expected-referral-forms";
import { loadExpectedReferralPage } from "@/lib/server/expected-referrals/load-expected-referral-pages";
import { closeExpectedReferralAction } from "../../actions";
import { CloseExpectedReferralForm } from "../../ExpectedReferralForms";

/** Close an expected (or missing) referral with a reason. */
export default async function CloseExpectedReferralPage({ params }: { params: Promise<{ expectedReferralId: string }> }) {
  const user = await requireUser("update:case:any");
  const { expectedReferralId } = await params;
  const line = await loadExpectedReferralPage(user, expectedReferralId);
  return (
    <>
      <BackLink href="/referrals/expected" text="Back to expected referrals" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={closeExpectedReferralAction}>
          <FormHeading caption={`${line.forename} ${line.surname}, call on ${formatLongDate(line.calledOn)}`}>Close the expected referral</FormHeading>
          <CloseExpectedReferralForm
            action={closeExpectedReferralAction}
            expectedReferralId={line.id}
            version={line.version}
            reasons={EXPECTED_REFERRAL_CLOSE_REASONS.map((reason) => ({ value: reason.value, text: reason.text }))}
          />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
