"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { FormErrors } from "@/components/forms/FormErrors";
import { Radios } from "@/components/forms/Radios";
import { Textarea } from "@/components/forms/Textarea";
import { SCR_DUPLICATE_RESOLUTION_LABELS, SCR_DUPLICATE_RESOLUTIONS, type ScrDuplicateResolutionValue } from "@/lib/domain/forms/scr-forms";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

const HINTS: Record<ScrDuplicateResolutionValue, string> = {
  merged: "The new case's PRaP referrals move to the SCR case and the new case closes",
  kept: "The new case stays open, restricted to nominated officers",
  closed: "The new case closes; nothing moves",
};

export function ScrDuplicateForm({ action, alertId, version }: { action: Action; alertId: string; version: number }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="alertId" value={alertId} />
        <input type="hidden" name="version" value={version} />
        <Radios
          name="resolution"
          label="What should happen to the new case?"
          labelSize="s"
          items={SCR_DUPLICATE_RESOLUTIONS.map((value) => ({ value, text: SCR_DUPLICATE_RESOLUTION_LABELS[value], hint: HINTS[value] }))}
          error={state.fieldErrors.resolution}
          defaultValue={state.values.resolution}
        />
        <Textarea
          name="reason"
          label="Reason for your decision"
          labelSize="s"
          hint="Recorded in both cases' access logs with your name and role"
          rows={3}
          maxLength={2000}
          error={state.fieldErrors.reason}
          defaultValue={state.values.reason}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save the decision
        </Button>
      </form>
    </>
  );
}
