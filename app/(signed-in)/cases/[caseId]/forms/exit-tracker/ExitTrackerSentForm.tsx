"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { DateInput } from "@/components/forms/DateInput";
import { FormErrors } from "@/components/forms/FormErrors";
import { dateFieldPropsFrom, fieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { TextInput } from "@/components/forms/TextInput";
import { datePartsInError } from "@/lib/domain/forms/date-parts";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** Record that the tracker was sent (3.16); asks for the DEA/Work Coach's email only when the Warm Handover did not take it (3.05). */
export function ExitTrackerSentForm({ action, caseId, formVersion, needsEmail }: { action: Action; caseId: string; formVersion: number; needsEmail: boolean }) {
  const [state, formAction, pending] = useFormAction(action);
  const sentOn = dateFieldPropsFrom(state, "sentOn");
  const errorParts = sentOn.errorParts.length > 0 ? sentOn.errorParts : datePartsInError(sentOn.error, sentOn.defaultValue);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="formVersion" value={formVersion} />
        {needsEmail && (
          <TextInput
            {...fieldPropsFrom(state, "workCoachEmail")}
            name="workCoachEmail"
            label="Email address of the DEA or Work Coach"
            labelSize="m"
            hint="It was not taken at the Warm Handover call (3.05). It is saved with their contact details."
            type="email"
            autoComplete="off"
            spellCheck={false}
          />
        )}
        <DateInput
          name="sentOn"
          label="When was the Customer Exit Tracker sent?"
          labelSize="m"
          hint="For example, 19 11 2026"
          error={sentOn.error}
          errorParts={errorParts}
          defaultValue={state.status === "error" ? sentOn.defaultValue : {}}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Record that the Customer Exit Tracker was sent
        </Button>
      </form>
    </>
  );
}
