"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** Confirm, then delete what is past retention (docs/security.md DP-02): a warning button, and a box to tick first. */
export function RetentionForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useFormAction(action);
  const hasErrors = state.status === "error";
  return (
    <>
      <ErrorTitle hasErrors={hasErrors} />
      {hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <Checkboxes
          name="confirm"
          label="Confirm the deletion"
          labelSize="m"
          error={state.fieldErrors.confirm}
          items={[{ value: "yes", text: "I understand that the records counted above will be deleted permanently" }]}
        />
        <Button type="submit" variant="warning" preventDoubleClick disabled={pending}>
          Delete records past retention
        </Button>
      </form>
    </>
  );
}
