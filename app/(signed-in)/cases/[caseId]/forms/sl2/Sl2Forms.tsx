"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { DateInput } from "@/components/forms/DateInput";
import { FormErrors } from "@/components/forms/FormErrors";
import { dateFieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { Radios } from "@/components/forms/Radios";
import { Textarea } from "@/components/forms/Textarea";
import { TextInput } from "@/components/forms/TextInput";
import { datePartsInError } from "@/lib/domain/forms/date-parts";
import { SCR_MARKING_LABELS, SCR_MARKINGS, SECURE_RETURN_METHOD_LABELS, SECURE_RETURN_METHODS } from "@/lib/domain/scr/sl2";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** Secure methods only (13.57, 3.31); post carries its Track and Trace number. */
const METHOD_OPTIONS = SECURE_RETURN_METHODS.map((value) => ({ value, text: SECURE_RETURN_METHOD_LABELS[value] }));

function DateField({ state, name, label }: { state: FormState; name: string; label: string }) {
  const date = dateFieldPropsFrom(state, name);
  const errorParts = date.errorParts.length > 0 ? date.errorParts : datePartsInError(date.error, date.defaultValue);
  return (
    <DateInput
      name={name}
      label={label}
      labelSize="s"
      hint="For example, 19 11 2026"
      error={date.error}
      errorParts={errorParts}
      defaultValue={state.status === "error" ? date.defaultValue : {}}
    />
  );
}

function MethodFields({ state }: { state: FormState }) {
  const echoed = state.status === "error";
  return (
    <>
      <Radios
        name="method"
        label="How was it returned?"
        labelSize="s"
        hint="Only secure methods: never ordinary post or unencrypted email (13.57)."
        items={METHOD_OPTIONS}
        error={state.fieldErrors.method}
        defaultValue={echoed ? state.values.method : undefined}
      />
      <TextInput
        name="trackingNumber"
        label="Track and Trace number (for post)"
        width={20}
        spellCheck={false}
        autoComplete="off"
        error={state.fieldErrors.trackingNumber}
        defaultValue={echoed ? (state.values.trackingNumber ?? "") : ""}
      />
    </>
  );
}

export function Sl2Page1Form({ action, caseId, version }: { action: Action; caseId: string; version: number }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <DateField state={state} name="completedOn" label="When did you complete page 1?" />
        <DateField state={state} name="returnedOn" label="When did you return it to the JCP nominated officer?" />
        <MethodFields state={state} />
        <Checkboxes
          name="pages2And3Retained"
          label="Pages 2 and 3"
          labelSize="s"
          items={[{ value: "yes", text: "I have kept pages 2 and 3, stored securely (13.55, 13.78)" }]}
          error={state.fieldErrors.pages2And3Retained}
          defaultValue={state.status === "error" ? state.values.pages2And3Retained : undefined}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Record the return of page 1
        </Button>
      </form>
    </>
  );
}

export function Sl2ReferralFormForm({ action, caseId, version }: { action: Action; caseId: string; version: number }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <DateField state={state} name="returnedOn" label="When did you return the referral form to the JCP nominated officer?" />
        <MethodFields state={state} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Record the return of the referral form
        </Button>
      </form>
    </>
  );
}

/** 13.77, 3.43: the SL2 marking chosen, with a reason, where the case's ruleset was overridden. */
export function Sl2MarkingForm({ action, caseId, version, current }: { action: Action; caseId: string; version: number; current: string }) {
  const [state, formAction, pending] = useFormAction(action);
  const echoed = state.status === "error";
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <Radios
          name="marking"
          label="Marking at the top of each SL2 page"
          labelSize="s"
          items={SCR_MARKINGS.map((code) => ({ value: code, text: SCR_MARKING_LABELS[code] }))}
          error={state.fieldErrors.marking}
          defaultValue={echoed ? state.values.marking : SCR_MARKINGS.find((code) => SCR_MARKING_LABELS[code] === current)}
        />
        <Textarea
          name="reason"
          label="Reason"
          labelSize="s"
          hint="Recorded in the case's access log with your name and role."
          rows={3}
          maxLength={2000}
          error={state.fieldErrors.reason}
          defaultValue={echoed ? state.values.reason : undefined}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save the marking
        </Button>
      </form>
    </>
  );
}
