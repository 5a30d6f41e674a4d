"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { DateInput } from "@/components/forms/DateInput";
import { dateFieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { FormErrors } from "@/components/forms/FormErrors";
import { Radios } from "@/components/forms/Radios";
import { Select } from "@/components/forms/Select";
import { Textarea } from "@/components/forms/Textarea";
import {
  CONTACT_CHANNEL_LABELS,
  CONTACT_ATTEMPT_DATE_LABEL,
  CONTACT_CHANNELS,
  CONTACT_OUTCOME_LABELS,
  CONTACT_OUTCOMES,
  NOTE_MAX_LENGTH,
} from "@/lib/domain/forms/case-work-forms";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

export function AssignCaseForm({
  action,
  caseId,
  version,
  current,
  caseworkers,
}: {
  action: Action;
  caseId: string;
  version: number;
  current: string | null;
  caseworkers: readonly { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <Select
          name="caseworkerId"
          label="Caseworker"
          options={[{ value: "", text: "Unassigned" }, ...caseworkers.map((user) => ({ value: user.id, text: user.name }))]}
          error={state.fieldErrors.caseworkerId}
          defaultValue={state.status === "error" ? state.values.caseworkerId : (current ?? "")}
        />
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          Save caseworker
        </Button>
      </form>
    </>
  );
}

export function AddCaseNoteForm({ action, caseId }: { action: Action; caseId: string }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <Textarea
          name="text"
          label="Add a note"
          hint="Do not record sensitive information, such as details of health conditions, that the case does not need."
          rows={4}
          maxLength={NOTE_MAX_LENGTH}
          error={state.fieldErrors.text}
          defaultValue={state.values.text}
        />
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          Save note
        </Button>
      </form>
    </>
  );
}

export function ContactAttemptForm({ action, caseId, today }: { action: Action; caseId: string; today: string }) {
  const [state, formAction, pending] = useFormAction(action);
  const date = dateFieldPropsFrom(state, "attemptedOn");
  const [year, month, day] = today.split("-");
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <DateInput
          name="attemptedOn"
          label={CONTACT_ATTEMPT_DATE_LABEL}
          labelSize="s"
          hint="It is filled in with today’s date: change it if you tried earlier."
          error={date.error}
          errorParts={date.errorParts}
          defaultValue={state.status === "error" ? date.defaultValue : { day: String(Number(day)), month: String(Number(month)), year }}
        />
        <Radios
          name="channel"
          label="How did you try to contact them?"
          labelSize="s"
          small
          items={CONTACT_CHANNELS.map((value) => ({ value, text: CONTACT_CHANNEL_LABELS[value] }))}
          error={state.fieldErrors.channel}
          defaultValue={state.values.channel}
        />
        <Radios
          name="outcome"
          label="What happened?"
          labelSize="s"
          small
          items={CONTACT_OUTCOMES.map((value) => ({ value, text: CONTACT_OUTCOME_LABELS[value] }))}
          error={state.fieldErrors.outcome}
          defaultValue={state.values.outcome}
        />
        <Textarea name="note" label="Note (optional)" rows={2} maxLength={2000} error={state.fieldErrors.note} defaultValue={state.values.note} />
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          Log contact attempt
        </Button>
      </form>
    </>
  );
}
