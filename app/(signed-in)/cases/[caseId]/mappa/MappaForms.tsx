"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { DateInput, type DateParts } from "@/components/forms/DateInput";
import { FormErrors } from "@/components/forms/FormErrors";
import { dateFieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { Textarea } from "@/components/forms/Textarea";
import { TextInput } from "@/components/forms/TextInput";
import { datePartsInError } from "@/lib/domain/forms/date-parts";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

interface AnnexFormProps {
  action: Action;
  caseId: string;
  annexVersion: number;
}

function AnnexDate({ state, name, label, hint, stored }: { state: FormState; name: string; label: string; hint: string; stored?: string | null }) {
  const date = dateFieldPropsFrom(state, name);
  const errorParts = date.errorParts.length > 0 ? date.errorParts : datePartsInError(date.error, date.defaultValue);
  const value: DateParts | string = state.status === "error" ? date.defaultValue : (stored ?? {});
  return <DateInput name={name} label={label} labelSize="s" hint={hint} error={date.error} errorParts={errorParts} defaultValue={value} />;
}

function Hidden({ caseId, annexVersion }: { caseId: string; annexVersion: number }) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="annexVersion" value={annexVersion} />
    </>
  );
}

const echoedOr = (state: FormState, name: string, stored: string | null) => (state.status === "error" ? state.values[name] : (stored ?? undefined));

/** 13.59, 13.68: the restrictions phoned through by the JCP nominated officer. */
export function MappaRestrictionsForm({
  action,
  caseId,
  annexVersion,
  restrictions,
  phonedOn,
  phonedBy,
}: AnnexFormProps & { restrictions: string | null; phonedOn: string | null; phonedBy: string | null }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <Hidden caseId={caseId} annexVersion={annexVersion} />
        <Textarea
          name="restrictions"
          label="Restrictions"
          labelSize="s"
          hint="As the JCP nominated officer gave them by telephone"
          maxLength={5000}
          rows={8}
          error={state.fieldErrors.restrictions}
          defaultValue={echoedOr(state, "restrictions", restrictions)}
        />
        <AnnexDate state={state} name="restrictionsPhonedOn" label="When did the JCP nominated officer phone?" hint="For example, 19 11 2026" stored={phonedOn} />
        <TextInput
          name="restrictionsPhonedBy"
          label="Who phoned the restrictions through (optional)"
          hint="Their name and Jobcentre, for example Sam Okafor, Leeds Eastgate Jobcentre"
          error={state.fieldErrors.restrictionsPhonedBy}
          defaultValue={echoedOr(state, "restrictionsPhonedBy", phonedBy)}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save restrictions
        </Button>
      </form>
    </>
  );
}

/** 13.59, 13.69: the MAPPA J form received by secure post (minimum Track and Trace). */
export function MappaJReceivedForm({ action, caseId, annexVersion }: AnnexFormProps) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <Hidden caseId={caseId} annexVersion={annexVersion} />
        <AnnexDate state={state} name="receivedOn" label="When did the MAPPA J form arrive?" hint="For example, 19 11 2026" />
        <TextInput
          name="trackingNumber"
          label="Track and Trace number"
          spellCheck={false}
          width={20}
          error={state.fieldErrors.trackingNumber}
          defaultValue={state.values.trackingNumber}
        />
        <TextInput
          name="counterparty"
          label="Who sent it"
          hint="For example, JCP nominated officer, Leeds Eastgate Jobcentre"
          error={state.fieldErrors.counterparty}
          defaultValue={state.values.counterparty ?? "JCP nominated officer"}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Log the MAPPA J form
        </Button>
      </form>
    </>
  );
}

/** 13.70, 3.36: the participant's contact details as the JCP nominated officer gave them, and when. */
export function MappaContactForm({
  action,
  caseId,
  annexVersion,
  contact,
}: AnnexFormProps & {
  contact: { telephone: string | null; alternativeTelephone: string | null; email: string | null; address: string | null; givenOn: string | null };
}) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <Hidden caseId={caseId} annexVersion={annexVersion} />
        <TextInput
          name="contactTelephone"
          label="Telephone number"
          type="tel"
          autoComplete="off"
          width={20}
          error={state.fieldErrors.contactTelephone}
          defaultValue={echoedOr(state, "contactTelephone", contact.telephone)}
        />
        <TextInput
          name="contactAlternativeTelephone"
          label="Alternative telephone number (optional)"
          type="tel"
          autoComplete="off"
          width={20}
          error={state.fieldErrors.contactAlternativeTelephone}
          defaultValue={echoedOr(state, "contactAlternativeTelephone", contact.alternativeTelephone)}
        />
        <TextInput
          name="contactEmail"
          label="Email address (optional)"
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={state.fieldErrors.contactEmail}
          defaultValue={echoedOr(state, "contactEmail", contact.email)}
        />
        <Textarea
          name="contactAddress"
          label="Address"
          labelSize="s"
          rows={4}
          maxLength={500}
          error={state.fieldErrors.contactAddress}
          defaultValue={echoedOr(state, "contactAddress", contact.address)}
        />
        <AnnexDate state={state} name="contactGivenOn" label="When were the contact details given?" hint="For example, 19 11 2026" stored={contact.givenOn} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save contact details
        </Button>
      </form>
    </>
  );
}

/** 13.72, 3.38: a letter JCP's nominated officer sent instead of the provider. */
export function MappaLetterForm({ action, caseId, annexVersion }: AnnexFormProps) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <Hidden caseId={caseId} annexVersion={annexVersion} />
        <AnnexDate state={state} name="sentOn" label="When did JCP send the letter?" hint="For example, 19 11 2026" />
        <Textarea
          name="description"
          label="What was the letter about?"
          labelSize="s"
          hint="For example, the Initial Assessment appointment"
          rows={3}
          maxLength={500}
          error={state.fieldErrors.description}
          defaultValue={state.values.description}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Record the letter
        </Button>
      </form>
    </>
  );
}
