import { Panel } from "@/components/content/Panel";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { loadExpectedMatchesForRecordedCase } from "@/lib/server/expected-referrals/load-expected-referral-pages";
import { loadRecordedCasePage } from "@/lib/server/referrals/load-recorded-case-page";
import { attachExpectedReferralAction } from "../../expected/actions";
import { AttachExpectedReferralForm } from "../../expected/ExpectedReferralForms";

/**
 * Every intake (PRaP referral, SRO introduction) ends on this confirmation, the same for every new
 * case, so it tells the user nothing more than that the case was recorded and its reference
 * (docs/rules/restricted-cases.md: possible duplicates of an SCR case).
 */
export default async function RecordedCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("create:referral:any");
  const { caseId } = await params;
  const recorded = await loadRecordedCasePage(user, caseId);
  // 3.05: a Warm Handover call recorded ahead of this referral (same NINO, else same name and date of birth) is offered for attaching.
  const expected = recorded.kind === "referral" ? await loadExpectedMatchesForRecordedCase(user, caseId) : [];
  const title = recorded.kind === "introduction" ? "Introduction recorded" : "Referral recorded";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <DocumentTitle>{title}</DocumentTitle>
        <Panel title={title}>
          Case reference
          <br />
          <strong>{recorded.reference}</strong>
        </Panel>
        {expected.length > 0 && (
          <>
            <h2 className="govuk-heading-m">An expected referral matches</h2>
            {expected.map((match) => (
              <div key={match.id}>
                <p className="govuk-body">
                  Warm Handover call on {formatLongDate(match.calledOn)} from {match.handoverName || "an unnamed caller"}
                  {match.jobcentre ? ` (${match.jobcentre})` : ""} for {match.forename} {match.surname}
                  {match.nino ? `, ${match.nino}` : ""}
                  {match.dateOfBirth ? `, born ${formatLongDate(match.dateOfBirth)}` : ""}.{" "}
                  {match.matchedBy === "nino"
                    ? "Same National Insurance number."
                    : match.matchedBy === "name_and_date_of_birth"
                      ? "Same name and date of birth."
                      : "Same name: check it is the same person."}
                </p>
                <AttachExpectedReferralForm
                  action={attachExpectedReferralAction}
                  expectedReferralId={match.id}
                  caseId={recorded.caseId}
                  label={`Attach this call to ${recorded.reference}`}
                />
              </div>
            ))}
          </>
        )}
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">The case is in the work queue. Its deadlines are counted from the dates you entered.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/cases/${recorded.caseId}`}>
            Go to case {recorded.reference}
          </a>
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={recorded.kind === "introduction" ? "/referrals/new/sro" : "/referrals/new"}>
            Record another {recorded.kind}
          </a>
        </p>
      </div>
    </div>
  );
}
