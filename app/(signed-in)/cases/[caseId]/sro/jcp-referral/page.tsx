import { casePageTitle } from "@/lib/domain/case-sections";
import { InsetText } from "@/components/content/InsetText";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { todayInLondon } from "@/lib/calendar/iso-date";
import { recordJcpReferralAction } from "../actions";
import { loadSessro1Page } from "@/lib/server/sro/load-sessro1-page";
import { JcpReferralForm } from "./JcpReferralForm";

export default async function JcpReferralPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("update:case:any");
  const { caseId } = await params;
  const form = await loadSessro1Page(user, caseId);
  const chapter3 = form.ruleset === "ses_2017";
  return (
    <>
      <BackLink href={`/cases/${form.caseId}`} text={`Back to case ${form.reference}`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={recordJcpReferralAction}>
          <FormHeading title={casePageTitle("Record JCP’s PRaP referral", `${form.part2.forename} ${form.part2.surname}`, form.reference)} caption={`Case ${form.reference}, ${form.part2.forename} ${form.part2.surname}`}>Record JCP’s PRaP referral</FormHeading>
          {form.state !== "introduction_accepted" ? (
            <p className="govuk-body">
              JCP’s referral is recorded once the introduction has been accepted and the SESSRO1 sent.{" "}
              <a className="govuk-link" href={`/cases/${form.caseId}#sessro1`}>Back to the SESSRO1 on the case</a>.
            </p>
          ) : (
            <>
              <InsetText>
                {chapter3
                  ? "Having received the SESSRO1, Jobcentre Plus refers them to SES P2 National in PRaP (3.27)."
                  : "Having received the SESSRO1, Jobcentre Plus refers them in PRaP to both the Initial Assessment and the strand (13.49). Record both referrals here: the Initial Assessment was held at the first meeting, so the next step is accepting the strand referral."}{" "}
                It is added to this case, which then follows the normal referral steps.
              </InsetText>
              <JcpReferralForm action={recordJcpReferralAction} caseId={form.caseId} version={form.version} today={todayInLondon(new Date())} withStrand={!chapter3} />
            </>
          )}
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
