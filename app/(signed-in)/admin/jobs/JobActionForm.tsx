"use client";

import { useActionState } from "react";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** Retry or cancel one job; the button names the job for screen readers. Works without JavaScript. */
export function JobActionForm({ action, jobId, operation, task }: { action: Action; jobId: string; operation: "retry" | "cancel"; task: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      {state.status === "error" && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="jobId" value={jobId} />
        <input type="hidden" name="operation" value={operation} />
        <Button type="submit" variant={operation === "retry" ? "secondary" : "warning"} preventDoubleClick disabled={pending}>
          {operation === "retry" ? "Retry" : "Cancel"}
          <span className="govuk-visually-hidden">
            {" "}
            job {jobId} ({task})
          </span>
        </Button>
      </form>
    </>
  );
}
