import { SummaryList } from "@/components/content/SummaryList";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { loadScrDuplicatePage } from "@/lib/server/scr/load-scr-duplicate-page";
import { resolveScrDuplicateAction } from "../../actions";
import { ScrDuplicateForm } from "./ScrDuplicateForm";

/**
 * A possible duplicate of an SCR case (docs/rules/restricted-cases.md): the intake matched an SCR
 * case's National Insurance number, so the new case was opened restricted. Nominated officers only;
 * for anyone else, the 404 page.
 */
export default async function ScrDuplicatePage({ params }: { params: Promise<{ alertId: string }> }) {
  const user = await requireUser("update:restricted-case:any");
  const { alertId } = await params;
  const duplicate = await loadScrDuplicatePage(user, alertId);
  return (
    <>
      <BackLink href="/restricted#possible-duplicates" text="Back to restricted cases" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={resolveScrDuplicateAction}>
          <FormHeading caption="Nominated officer">Possible duplicate of an SCR case</FormHeading>
          <p className="govuk-body">
            A {duplicate.newCase.route === "sro_introduction" ? "SRO introduction" : "PRaP referral"} was recorded with the National Insurance
            number of an SCR case. The person who recorded it was told only what they are told for any new case; the new case is restricted
            until you decide.
          </p>
          <SummaryList
            rows={[
              {
                key: "New case",
                value: (
                  <a className="govuk-link" href={`/cases/${duplicate.newCase.id}`}>
                    {duplicate.newCase.reference}, {duplicate.newCase.claimantName}
                  </a>
                ),
              },
              {
                key: "SCR case",
                value: (
                  <a className="govuk-link" href={`/cases/${duplicate.scrCase.id}`}>
                    {duplicate.scrCase.reference}, {duplicate.scrCase.claimantName}
                  </a>
                ),
              },
            ]}
          />
          <ScrDuplicateForm action={resolveScrDuplicateAction} alertId={duplicate.alertId} version={duplicate.version} />
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
