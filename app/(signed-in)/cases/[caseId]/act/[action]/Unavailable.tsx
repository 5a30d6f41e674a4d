import { amendPath, promisesCorrection } from "@/lib/domain/corrections/amend";
import { InsetText } from "@/components/content/InsetText";
import { BackLink } from "@/components/layout/BackLink";
import type { StepPageHeader } from "@/lib/server/cases/lifecycle/lifecycle-page";
import { StepHeading } from "./StepHeading";

/** The step is not possible for the case now: why, in the state machine's words, and nothing to submit. */
export function Unavailable({ header, message }: { header: StepPageHeader; message: string }) {
  return (
    <>
      <BackLink href={header.casePath} text="Back to the case" />
      <StepHeading header={header} />
      <InsetText>{message}</InsetText>
      {promisesCorrection(message) && (
        <p className="govuk-body">
          <a className="govuk-link" href={amendPath(header.casePath)}>
            Amend with reason
          </a>
        </p>
      )}
      <p className="govuk-body">
        <a className="govuk-link" href={header.casePath}>
          Return to the case
        </a>
      </p>
    </>
  );
}
