"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { DateInput } from "@/components/forms/DateInput";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { Fieldset } from "@/components/forms/Fieldset";
import { Radios } from "@/components/forms/Radios";
import { stateFieldProps } from "@/components/forms/stateFieldProps";
import { TextInput } from "@/components/forms/TextInput";
import { SECURE_POST_METHODS } from "@/lib/domain/forms/sro-introduction-forms";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** Signed, copy offered, original retained; the copy sent by secure post and the SPoC notified (13.47–13.48, 3.25–3.26). */
export function Sessro1SentForm({ action, caseId, version, today, spoc }: { action: Action; caseId: string; version: number; today: string; spoc: string }) {
  const [state, formAction, pending] = useFormAction(action);
  const field = stateFieldProps(state);
  return (
    <>
      <ErrorTitle hasErrors={field.echoed} />
      {field.echoed && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <Fieldset legend="Signature and copies" legendSize="m">
          <DateInput name="signedOn" label="Date they signed the printed form" {...field.date("signedOn", today)} />
          <DateInput name="copyOfferedOn" label="Date you offered them a copy" {...field.date("copyOfferedOn", today)} />
          <Checkboxes
            name="originalRetained"
            label="Original"
            items={[{ value: "yes", text: "I have retained the signed original" }]}
            {...field.text("originalRetained")}
          />
        </Fieldset>
        <Fieldset legend="Copy sent to the JCP SPoC by secure post" legendSize="m">
          <p className="govuk-body">Send a copy of the complete form, including the consent part, by secure post: a minimum of Track and Trace (13.48, 3.26).</p>
          <DateInput name="postedOn" label="Date posted" {...field.date("postedOn", today)} />
          <Radios name="method" label="How it was sent" items={SECURE_POST_METHODS.map((method) => ({ value: method, text: method }))} {...field.text("method")} />
          <TextInput name="trackingNumber" label="Track and Trace number" autoComplete="off" spellCheck={false} width={20} {...field.text("trackingNumber")} />
          <TextInput name="counterparty" label="Sent to" hint="The JCP SPoC’s name and office." autoComplete="off" {...field.text("counterparty", spoc)} />
        </Fieldset>
        <Fieldset legend="JCP SPoC notified" legendSize="m">
          <DateInput name="spocNotifiedOn" label="Date you told the JCP SPoC the form has been sent" {...field.date("spocNotifiedOn", today)} />
        </Fieldset>
        <Button type="submit" preventDoubleClick disabled={pending}>
          Record the form sent
        </Button>
      </form>
    </>
  );
}
