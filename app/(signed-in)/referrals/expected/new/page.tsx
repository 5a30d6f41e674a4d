import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { loadSiteOptions } from "@/lib/server/sites/load-site-options";
import { recordExpectedReferralAction } from "../actions";
import { ExpectedReferralForm } from "../ExpectedReferralForms";

/** Record a Warm Handover call before its PRaP referral arrives (3.05). */
export default async function NewExpectedReferralPage() {
  const user = await requireUser("create:referral:any");
  const sites = await loadSiteOptions(user);
  const defaultSiteId = sites.some((site) => site.id === user.siteId) ? (user.siteId ?? "") : "";
  return (
    <>
      <BackLink href="/referrals/expected" text="Back to expected referrals" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordExpectedReferralAction}>
          <FormHeading caption="Expected referral">Record a Warm Handover call</FormHeading>
          <ExpectedReferralForm action={recordExpectedReferralAction} sites={sites} defaultSiteId={defaultSiteId} today={todayInLondon(new Date())} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
