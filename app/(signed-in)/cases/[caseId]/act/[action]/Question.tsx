import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { FormActionScope } from "@/components/forms/FormActionFrame";
import { BackLink } from "@/components/layout/BackLink";
import type { LifecycleStepPage } from "@/lib/server/cases/lifecycle/lifecycle-page";
import { LifecycleActionForm, type StepServerAction } from "./LifecycleForms";
import { StepFields } from "./StepFields";
import { StepHeading } from "./StepHeading";

/**
 * The step's questions. A step that can be put right later posts straight to the server; an
 * irreversible one asks by GET (so it works without JavaScript) and goes on to check your answers.
 */
export function Question({ page, serverAction }: { page: Extract<LifecycleStepPage, { kind: "question" }>; serverAction: StepServerAction }) {
  const { header, errors, message } = page;
  const hasErrors = Object.keys(errors).length > 0 || message !== undefined;
  return (
    <FormActionScope action={serverAction}>
      <BackLink href={header.casePath} text="Back to the case" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {page.next === "check-answers" && hasErrors && <ErrorSummary errors={errors} message={message} />}
          <StepHeading header={header} error={page.next === "check-answers" && hasErrors} />
          <p className="govuk-body">{page.explanation}</p>
          {page.next === "server" ? (
            <LifecycleActionForm questions={page.questions} serverAction={serverAction} caseId={header.caseId} version={page.version} submitLabel={header.label} />
          ) : (
            <form method="get" action={header.pagePath} noValidate>
              <input type="hidden" name="step" value="confirm" />
              <input type="hidden" name="version" value={page.version} />
              <StepFields questions={page.questions} errors={errors} values={page.values} />
              <Button type="submit">Continue</Button>
            </form>
          )}
        </div>
      </div>
    </FormActionScope>
  );
}
