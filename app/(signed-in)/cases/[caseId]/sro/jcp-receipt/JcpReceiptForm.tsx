"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { DateInput } from "@/components/forms/DateInput";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { stateFieldProps } from "@/components/forms/stateFieldProps";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** JCP's notification that it received the SESSRO1 copy (13.49, 3.27). Works without JavaScript. */
export function JcpReceiptForm({ action, caseId, version, today }: { action: Action; caseId: string; version: number; today: string }) {
  const [state, formAction, pending] = useFormAction(action);
  const field = stateFieldProps(state);
  return (
    <>
      <ErrorTitle hasErrors={field.echoed} />
      {field.echoed && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <DateInput name="receivedOn" label="Date JCP told you it received the SESSRO1" hint="Today’s date is filled in." {...field.date("receivedOn", today)} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Record JCP’s receipt
        </Button>
      </form>
    </>
  );
}
