"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** The confirmation of bulk reassignment: the chosen cases (id.version) and caseworker, posted once. */
export function BulkReassignForm({ action, cases, caseworkerId, count }: { action: Action; cases: readonly string[]; caseworkerId: string; count: number }) {
  const [state, formAction, pending] = useFormAction(action);
  const hasErrors = state.status === "error";
  return (
    <>
      <ErrorTitle hasErrors={hasErrors} />
      {hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        {cases.map((value) => (
          <input key={value} type="hidden" name="case" value={value} />
        ))}
        <input type="hidden" name="caseworkerId" value={caseworkerId} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          {`Reassign ${count} ${count === 1 ? "case" : "cases"}`}
        </Button>
      </form>
    </>
  );
}
