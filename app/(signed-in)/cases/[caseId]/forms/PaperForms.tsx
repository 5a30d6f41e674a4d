"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { DateInput, type DateParts } from "@/components/forms/DateInput";
import { FormErrors } from "@/components/forms/FormErrors";
import { dateFieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { Textarea } from "@/components/forms/Textarea";
import { datePartsInError } from "@/lib/domain/forms/date-parts";
import { UCPR1_FIELDS, type Ucpr1FieldName } from "@/lib/domain/forms/paper-forms";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** A GOV.UK date input refilled from the post after an error, else from the stored date. */
function BusinessDate({ state, name, label, hint, stored }: { state: FormState; name: string; label: string; hint: string; stored: string | null }) {
  const date = dateFieldPropsFrom(state, name);
  const errorParts = date.errorParts.length > 0 ? date.errorParts : datePartsInError(date.error, date.defaultValue);
  const value: DateParts | string = state.status === "error" ? date.defaultValue : (stored ?? {});
  return <DateInput name={name} label={label} labelSize="m" hint={hint} error={date.error} errorParts={errorParts} defaultValue={value} />;
}

interface CaseFormProps {
  action: Action;
  caseId: string;
  version: number;
}

export function Uc452ReceivedForm({ action, caseId, version, receivedOn }: CaseFormProps & { receivedOn: string | null }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <BusinessDate state={state} name="receivedOn" label="When did the UC452 arrive?" hint="For example, 19 11 2026" stored={receivedOn} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save
        </Button>
      </form>
    </>
  );
}

export function Ucpr1ReceivedForm({
  action,
  caseId,
  version,
  receivedOn,
  stored,
}: CaseFormProps & { receivedOn: string | null; stored: Partial<Record<Ucpr1FieldName, string | null>> }) {
  const [state, formAction, pending] = useFormAction(action);
  const echoed = state.status === "error";
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <BusinessDate state={state} name="receivedOn" label="When did the UCPR1 arrive?" hint="For example, 19 11 2026" stored={receivedOn} />
        {UCPR1_FIELDS.map((field) => (
          <Textarea
            key={field.name}
            name={field.name}
            label={`${field.label} (optional)`}
            hint={
              field.name === "specialArrangements"
                ? "For example, wheelchair access, a translator or specific support needs"
                : field.name === "availabilityRestrictions"
                  ? "As agreed with JCP"
                  : undefined
            }
            rows={3}
            maxLength={field.max}
            error={state.fieldErrors[field.name]}
            defaultValue={echoed ? state.values[field.name] : (stored[field.name] ?? "")}
          />
        ))}
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save
        </Button>
      </form>
    </>
  );
}

export function SpocChasedForm({ action, caseId, version, chasedOn }: CaseFormProps & { chasedOn: string | null }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <BusinessDate state={state} name="chasedOn" label="When did you contact the JCP SPoC?" hint="For example, 19 11 2026" stored={chasedOn} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save
        </Button>
      </form>
    </>
  );
}

export function Ucpr1DuplicateRequestedForm({ action, caseId, version, requestedOn }: CaseFormProps & { requestedOn: string | null }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <BusinessDate
          state={state}
          name="requestedOn"
          label="When did you ask the JCP SPoC for a duplicate UCPR1?"
          hint="For example, 19 11 2026"
          stored={requestedOn}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save
        </Button>
      </form>
    </>
  );
}

export function Uc452EmailSentForm({
  action,
  caseId,
  part,
  inbox,
  formVersion,
}: {
  action: Action;
  caseId: string;
  part: string;
  inbox: string;
  formVersion: number;
}) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="part" value={part} />
        <input type="hidden" name="inbox" value={inbox} />
        <input type="hidden" name="formVersion" value={formVersion} />
        <BusinessDate state={state} name="sentOn" label="When was the email sent?" hint="For example, 19 11 2026" stored={null} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Record that this email was sent
        </Button>
      </form>
    </>
  );
}

/** 13.21: amend part 6's anticipated dates, with the reason. */
export function Uc452Part6AmendForm({
  action,
  caseId,
  formVersion,
  startOn,
  endOn,
}: {
  action: Action;
  caseId: string;
  formVersion: number;
  startOn: string | null;
  endOn: string | null;
}) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="formVersion" value={formVersion} />
        <BusinessDate state={state} name="anticipatedStartOn" label="Anticipated start date" hint="For example, 19 11 2026" stored={startOn} />
        <BusinessDate state={state} name="anticipatedEndOn" label="Anticipated end date" hint="For example, 19 5 2027" stored={endOn} />
        <Textarea
          name="reason"
          label="Why is part 6 being amended?"
          hint="For example, the claimant asked for a later start. Do not include sensitive information (13.31)."
          rows={3}
          maxLength={500}
          error={state.fieldErrors.reason}
          defaultValue={state.values.reason}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save the amended part 6
        </Button>
      </form>
    </>
  );
}
