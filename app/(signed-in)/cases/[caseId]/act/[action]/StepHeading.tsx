import { DocumentTitle } from "@/components/layout/DocumentTitle";
import type { StepPageHeader } from "@/lib/server/cases/lifecycle/lifecycle-page";

/** The caption (who and which case), the page title and the heading of a step page. */
export function StepHeading({ header, heading = header.label }: { header: StepPageHeader; heading?: string }) {
  return (
    <>
      <span className="govuk-caption-l">{header.caption}</span>
      <DocumentTitle>{header.label}</DocumentTitle>
      <h1 className="govuk-heading-l">{heading}</h1>
    </>
  );
}
