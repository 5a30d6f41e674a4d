"use client";

import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { useFormAction } from "@/components/forms/FormActionFrame";
import { FormErrors } from "@/components/forms/FormErrors";
import { promisesCorrection } from "@/lib/domain/corrections/amend";
import type { AskedQuestion } from "@/lib/domain/lifecycle/step-form";
import type { FormState } from "@/lib/forms/form-state";
import { StepFields } from "./StepFields";

export type StepServerAction = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** A step that can be put right later: the questions and the button, posted straight to the server. */
export function LifecycleActionForm({
  questions,
  serverAction,
  caseId,
  version,
  submitLabel,
}: {
  questions: readonly AskedQuestion[];
  serverAction: StepServerAction;
  caseId: string;
  version: number;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useFormAction(serverAction);
  return (
    <>
      <FormErrors state={state} correctionHref={`/cases/${caseId}/amend`} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <StepFields questions={questions} errors={state.fieldErrors} values={state.values} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}

/**
 * The check-answers page's submission: the answers travel as hidden fields (no JavaScript
 * needed). If the server refuses (someone else changed the case, or the step is no longer
 * possible), the reason shows in the error summary here.
 */
export function LifecycleConfirmForm({
  serverAction,
  caseId,
  version,
  answers,
  submitLabel,
  warning,
}: {
  serverAction: StepServerAction;
  caseId: string;
  version: number;
  answers: Record<string, string>;
  submitLabel: string;
  warning: boolean;
}) {
  const [state, formAction, pending] = useFormAction(serverAction);
  const errors = state.status === "error" ? Object.values(state.fieldErrors) : [];
  return (
    <>
      <ErrorTitle hasErrors={state.status === "error"} />
      {state.status === "error" && (
        <ErrorSummary errors={errors.map((message) => ({ fieldId: "confirm", message }))} message={state.message} />
      )}
      {state.status === "error" && [state.message, ...errors].some(promisesCorrection) && (
        <p className="govuk-body">
          <a className="govuk-link" href={`/cases/${caseId}/amend`}>
            Amend with reason
          </a>
        </p>
      )}
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        {Object.entries(answers).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Button type="submit" id="confirm" variant={warning ? "warning" : "primary"} preventDoubleClick disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
