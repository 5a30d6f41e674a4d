import { requireUser } from "@/lib/auth/current-user";
import { loadSiteOptions } from "@/lib/server/sites/load-site-options";
import { recordPrapReferralAction } from "../actions";
import { ReferralIntakeForm } from "../ReferralIntakeForm";

export default async function NewReferralPage() {
  const user = await requireUser("create:referral:any");
  const sites = await loadSiteOptions(user);
  const defaultSiteId = sites.some((site) => site.id === user.siteId) ? (user.siteId ?? "") : "";
  return (
    <ReferralIntakeForm
      action={recordPrapReferralAction}
      sites={sites}
      defaults={{ siteId: defaultSiteId }}
      intro={
        <>
          <p className="govuk-body">
            Enter the referral as it arrived in PRaP, with the details taken on the Warm Handover call. Fields marked
            (optional) can be left blank if the referral did not include them.
          </p>
          <p className="govuk-body">
            A Statutory Referral Organisation phoning to introduce someone?{" "}
            <a className="govuk-link" href="/referrals/new/sro">
              Record an SRO introduction (SESSRO1)
            </a>{" "}
            instead.
          </p>
          <p className="govuk-body">
            Many referrals in a spreadsheet?{" "}
            <a className="govuk-link" href="/referrals/import">
              Import a spreadsheet
            </a>
            .
          </p>
        </>
      }
    />
  );
}
