import { casePageTitle } from "@/lib/domain/case-sections";
import { InsetText } from "@/components/content/InsetText";
import { SummaryList } from "@/components/content/SummaryList";
import { BackLink } from "@/components/layout/BackLink";
import { FormActionScope, FormHeading } from "@/components/forms/FormActionFrame";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate, type IsoDate } from "@/lib/calendar/iso-date";
import { loadAmendPage } from "@/lib/server/corrections/load-amend-page";
import { amendCaseDateAction } from "./actions";
import { AmendDateForm } from "./AmendForms";

/**
 * "Amend with reason" (docs/rules/states.md: corrections): an administrator corrects a recorded
 * date or undoes the last step. Refusal messages that promise a correction link here, so anyone who
 * can see the case may open it; only an administrator gets the forms.
 */
export default async function AmendPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const page = await loadAmendPage(user, caseId);
  const dates = page.dates.map((entry) => ({ ...entry, display: entry.value ? formatLongDate(entry.value as IsoDate) : "Not recorded" }));
  return (
    <>
      <BackLink href={`/cases/${page.caseId}`} text="Back to the case" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormActionScope action={amendCaseDateAction}>
          <FormHeading title={casePageTitle("Amend with reason", "", page.reference)} caption={`Case ${page.reference}`}>Amend with reason</FormHeading>
          <p className="govuk-body">
            An administrator can correct a recorded date or undo the case’s last step. Due dates are worked out again, and the case’s history keeps the value before and after, with the reason.
          </p>
          {!page.canAmend ? (
            <InsetText>Only an administrator can amend a case. Ask an administrator to amend case {page.reference}, and tell them what is wrong and why.</InsetText>
          ) : (
            <>
              <h2 className="govuk-heading-m">Correct a recorded date</h2>
              <SummaryList rows={dates.map((entry) => ({ key: entry.label, value: entry.display }))} />
              {dates.some((entry) => entry.value !== null) ? (
                <AmendDateForm action={amendCaseDateAction} caseId={page.caseId} version={page.version} dates={dates} />
              ) : (
                <p className="govuk-body">No date is recorded yet.</p>
              )}
              <h2 className="govuk-heading-m">Undo the last step</h2>
              {page.lastStep ? (
                <>
                  <p className="govuk-body">
                    Last step: <strong>{page.lastStep.label}</strong> ({page.lastStep.fromLabel} → {page.lastStep.toLabel}).
                  </p>
                  {page.lastStep.undoable ? (
                    <p className="govuk-body">
                      <a className="govuk-link" href={`/cases/${page.caseId}/amend/undo`}>
                        Undo “{page.lastStep.label}”
                      </a>
                    </p>
                  ) : (
                    <p className="govuk-body">{page.lastStep.whyNot}</p>
                  )}
                </>
              ) : (
                <p className="govuk-body">No step has been recorded on this case.</p>
              )}
            </>
          )}
          </FormActionScope>
        </div>
      </div>
    </>
  );
}
