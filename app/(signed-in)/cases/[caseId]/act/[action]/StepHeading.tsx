import { FormTitle } from "@/components/forms/FormActionFrame";
import { casePageTitle } from "@/lib/domain/case-sections";
import type { StepPageHeader } from "@/lib/server/cases/lifecycle/lifecycle-page";

/** The caption (who and which case), the page title (naming the case) and the heading of a step page. */
/** The title starts "Error: " while the page's form shows errors: `error` (known to the server), or the FormActionScope's form. */
export function StepHeading({ header, heading = header.label, error }: { header: StepPageHeader; heading?: string; error?: boolean }) {
  return (
    <>
      <span className="govuk-caption-l">{header.caption}</span>
      {/* The title matches the heading and names the case: "Record the start date – Mrs Leanne Sugden – SES-000014". */}
      <FormTitle error={error}>{casePageTitle(heading, header.claimantName, header.reference)}</FormTitle>
      <h1 className="govuk-heading-l">{heading}</h1>
    </>
  );
}
