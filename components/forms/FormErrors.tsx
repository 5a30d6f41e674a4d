import type { FormState } from "@/lib/forms/form-state";
import { ErrorSummary } from "./ErrorSummary";
import { ErrorTitle } from "./ErrorTitle";

/**
 * The GOV.UK error pattern for a form driven by a server action's FormState: the error summary
 * (focused, linking to each field) and the "Error: " title prefix (UX-03), only when there are errors.
 */
export function FormErrors({ state, correctionHref }: { state: FormState; correctionHref?: string }) {
  const hasErrors = state.status === "error";
  return (
    <>
      <ErrorTitle hasErrors={hasErrors} />
      {hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      {/* A refusal that promises a correction links to it (docs/rules/states.md: corrections). */}
      {hasErrors && correctionHref && /amend with reason/i.test(`${state.message ?? ""} ${Object.values(state.fieldErrors).join(" ")}`) && (
        <p className="govuk-body">
          <a className="govuk-link" href={correctionHref}>
            Amend with reason
          </a>
        </p>
      )}
    </>
  );
}
