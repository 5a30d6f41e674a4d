"use client";

import { useActionState } from "react";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** "Mark as read" for one staff notice; the button names the notice for screen readers. Works without JavaScript. */
export function MarkNoticeReadForm({ action, noticeId, message }: { action: Action; noticeId: string; message: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      {state.status === "error" && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="noticeId" value={noticeId} />
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          Mark as read<span className="govuk-visually-hidden">: {message}</span>
        </Button>
      </form>
    </>
  );
}
