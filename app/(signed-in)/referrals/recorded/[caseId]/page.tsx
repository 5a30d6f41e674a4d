import { Panel } from "@/components/content/Panel";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { requireUser } from "@/lib/auth/current-user";
import { loadRecordedCasePage } from "@/lib/server/referrals/load-recorded-case-page";

/**
 * Every intake (PRaP referral, SRO introduction) ends on this confirmation, the same for every new
 * case, so it tells the user nothing more than that the case was recorded and its reference
 * (docs/rules/restricted-cases.md: possible duplicates of an SCR case).
 */
export default async function RecordedCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("create:referral:any");
  const { caseId } = await params;
  const recorded = await loadRecordedCasePage(user, caseId);
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
