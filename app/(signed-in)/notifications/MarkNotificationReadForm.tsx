"use client";

import { useActionState } from "react";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** "Mark as read" for one reminder digest; the button names the day for screen readers. Works without JavaScript. */
export function MarkNotificationReadForm({ action, notificationId, day }: { action: Action; notificationId: string; day: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      {state.status === "error" && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="notificationId" value={notificationId} />
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          Mark as read<span className="govuk-visually-hidden">: reminders for {day}</span>
        </Button>
      </form>
    </>
  );
}
