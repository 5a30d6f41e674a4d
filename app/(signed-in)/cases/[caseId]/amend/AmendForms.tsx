"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { DateInput, type DateParts } from "@/components/forms/DateInput";
import { FormErrors } from "@/components/forms/FormErrors";
import { dateFieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { Radios } from "@/components/forms/Radios";
import { Textarea } from "@/components/forms/Textarea";
import { datePartsInError } from "@/lib/domain/forms/date-parts";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** Correct one recorded date, with a reason (docs/rules/states.md: corrections). */
export function AmendDateForm({ action, caseId, version, dates }: { action: Action; caseId: string; version: number; dates: { field: string; label: string; value: string | null; display: string }[] }) {
  const [state, formAction, pending] = useFormAction(action);
  const echoed = state.status === "error";
  const date = dateFieldPropsFrom(state, "date");
  const errorParts = date.errorParts.length > 0 ? date.errorParts : datePartsInError(date.error, date.defaultValue);
  const recorded = dates.filter((entry) => entry.value !== null);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <Radios
          name="field"
          label="Which date is wrong?"
          labelSize="s"
          items={recorded.map((entry) => ({ value: entry.field, text: entry.label, hint: `Recorded: ${entry.display}` }))}
          error={state.fieldErrors.field}
          defaultValue={echoed ? state.values.field : undefined}
        />
        <DateInput name="date" label="Corrected date" labelSize="s" hint="For example, 19 11 2026" error={date.error} errorParts={errorParts} defaultValue={(echoed ? date.defaultValue : {}) as DateParts} />
        <Textarea name="reason" label="Reason for the correction" hint="Say what was wrong and where the right date comes from. It is kept in the case’s history." rows={3} maxLength={1000} error={state.fieldErrors.reason} defaultValue={echoed ? state.values.reason : ""} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Correct the date
        </Button>
      </form>
    </>
  );
}

/** Undo the case's last step, with a reason. */
export function UndoStepForm({ action, caseId, version, stepEventId }: { action: Action; caseId: string; version: number; stepEventId: string }) {
  const [state, formAction, pending] = useFormAction(action);
  const echoed = state.status === "error";
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="stepEventId" value={stepEventId} />
        <Textarea name="reason" label="Reason for undoing the step" rows={3} maxLength={1000} error={state.fieldErrors.reason} defaultValue={echoed ? state.values.reason : ""} />
        <Button type="submit" variant="warning" preventDoubleClick disabled={pending}>
          Undo the last step
        </Button>
      </form>
    </>
  );
}
