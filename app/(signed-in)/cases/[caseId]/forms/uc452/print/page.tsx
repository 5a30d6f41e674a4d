import { casePageTitle } from "@/lib/domain/case-sections";
import { SummaryList } from "@/components/content/SummaryList";
import { BackLink } from "@/components/layout/BackLink";
import { requireUser } from "@/lib/auth/current-user";
import { formatLongDate } from "@/lib/calendar/iso-date";
import { loadUc452PrintPage } from "@/lib/server/paper-forms/load-uc452-print-page";
import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { PrintFrame } from "@/components/layout/PrintFrame";

/**
 * The UC452 as completed so far, to print or keep as the copy 13.21 asks for. Plain on purpose:
 * the print stylesheet (components/components.css) hides `.ses-print-hidden`.
 */
export default async function Uc452PrintPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser("read:case:any");
  const { caseId } = await params;
  const form = await loadUc452PrintPage(user, caseId);
  return (
    <>
      <div className="ses-print-hidden">
        <BackLink href={`/cases/${form.caseId}/forms`} text="Back to forms and letters" />
      </div>
      <PrintFrame printedBy={user.name} now={new Date()}>
        <span className="govuk-caption-l">Case {form.reference}</span>
        <DocumentTitle>{casePageTitle("UC452 Claimant Tracker", "", form.reference)}</DocumentTitle>
        <h1 className="govuk-heading-l">UC452 Claimant Tracker</h1>
        {form.mappaMarker && (
          <p className="govuk-body govuk-!-font-weight-bold" data-testid="mappa-marker">
            {form.mappaMarker}
          </p>
        )}
        <p className="govuk-body">
          Template version: {form.partsOneToFour.templateVersion}
          <span className="ses-print-hidden">. Print this page, or save it as a PDF, with the Print button or your browser’s print option.</span>
        </p>

        <h2 className="govuk-heading-m">Parts 1 to 4: claimant and referral details</h2>
        <p className="govuk-body">
          Completed by JCP (13.12).{" "}
          {form.partsOneToFour.receivedOn ? `Received ${formatLongDate(form.partsOneToFour.receivedOn)}.` : "Not received yet."}
        </p>
        <SummaryList rows={form.partsOneToFour.rows.map((row) => ({ key: row.label, value: row.value }))} />

        {form.parts.length === 0 ? (
          <p className="govuk-body">No other part has been completed yet.</p>
        ) : (
          form.parts.map((part) => (
            <section key={part.part} aria-labelledby={`uc452-${part.part}`}>
              <h2 className="govuk-heading-m" id={`uc452-${part.part}`}>
                {part.title}
              </h2>
              <p className="govuk-body">
                {part.completedOn ? `Completed ${formatLongDate(part.completedOn)}. ` : ""}Template version: {part.templateVersion}
              </p>
              {part.known ? (
                <SummaryList rows={part.fields.map((field) => ({ key: field.label, value: field.value }))} />
              ) : (
                <p className="govuk-body">This part uses a template version the service does not know, so its fields are not shown.</p>
              )}
            </section>
          ))
        )}
      </PrintFrame>
    </>
  );
}
