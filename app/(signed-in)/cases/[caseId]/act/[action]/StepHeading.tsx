import { DocumentTitle } from "@/components/layout/DocumentTitle";
import { casePageTitle } from "@/lib/domain/case-sections";
import type { StepPageHeader } from "@/lib/server/cases/lifecycle/lifecycle-page";

/** The caption (who and which case), the page title (naming the case) and the heading of a step page. */
export function StepHeading({ header, heading = header.label }: { header: StepPageHeader; heading?: string }) {
  return (
    <>
      <span className="govuk-caption-l">{header.caption}</span>
      {/* The title matches the heading and names the case: "Record the start date – Mrs Leanne Sugden – SES-000014". */}
      <DocumentTitle>{casePageTitle(heading, header.claimantName, header.reference)}</DocumentTitle>
      <h1 className="govuk-heading-l">{heading}</h1>
    </>
  );
}
