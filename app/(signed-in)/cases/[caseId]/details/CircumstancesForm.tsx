"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { FormErrors } from "@/components/forms/FormErrors";
import { Radios } from "@/components/forms/Radios";
import { TextInput } from "@/components/forms/TextInput";
import { Textarea } from "@/components/forms/Textarea";
import { DISABILITY_OPTIONS, WELSH_LANGUAGE_OPTIONS } from "@/lib/domain/forms/referral-intake";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/**
 * The change-of-circumstances form. After an error — a stale edit included — it shows what the user
 * typed, so they can check it against the case and save again; the version comes from the page,
 * which the action refreshes, so the second save is checked against the case as it now is.
 */
export function CircumstancesForm({ action, caseId, version, stored }: { action: Action; caseId: string; version: number; stored: Record<string, string> }) {
  const [state, formAction, pending] = useFormAction(action);
  const values = state.status === "error" ? state.values : stored;
  const text = (name: string, label: string, extra: Partial<Parameters<typeof TextInput>[0]> = {}) => (
    <TextInput name={name} label={label} error={state.fieldErrors[name]} defaultValue={values[name] ?? ""} {...extra} />
  );
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <h2 className="govuk-heading-m">Name</h2>
        {text("title", "Title (optional)", { width: 5 })}
        {text("forename", "First name", { autoComplete: "off", spellCheck: false })}
        {text("surname", "Last name", { autoComplete: "off", spellCheck: false })}
        <h2 className="govuk-heading-m">Contact details</h2>
        {text("telephone", "Telephone (optional)", { type: "tel", width: 20 })}
        {text("alternativeTelephone", "Alternative telephone (optional)", { type: "tel", width: 20 })}
        {text("addressLine1", "Address line 1 (optional)")}
        {text("addressLine2", "Address line 2 (optional)")}
        {text("town", "Town or city (optional)", { width: "two-thirds" })}
        {text("postcode", "Postcode (optional)", { width: 10 })}
        <h2 className="govuk-heading-m">Personal details</h2>
        <Radios
          name="disabled"
          label="Is the claimant disabled?"
          labelSize="s"
          hint="Record only whether they are disabled, never what the disability is (13.62)."
          small
          items={DISABILITY_OPTIONS.map((option) => ({ value: option.value, text: option.value === "yes" ? "Yes" : option.text }))}
          error={state.fieldErrors.disabled}
          defaultValue={values.disabled}
        />
        <Checkboxes
          name="vulnerable"
          label="Safeguard"
          labelSize="s"
          small
          items={[{ value: "yes", text: "Vulnerable customer (safeguard)" }]}
          error={state.fieldErrors.vulnerable}
          defaultValue={values.vulnerable}
        />
        <Radios
          name="welshLanguage"
          label="Welsh language (optional)"
          labelSize="s"
          small
          items={WELSH_LANGUAGE_OPTIONS.map((option) => ({ value: option.value, text: option.text }))}
          error={state.fieldErrors.welshLanguage}
          defaultValue={values.welshLanguage}
        />
        <Textarea name="childcareRequirements" label="Childcare (optional)" rows={2} maxLength={500} error={state.fieldErrors.childcareRequirements} defaultValue={values.childcareRequirements} />
        <Radios
          name="disadvantaged"
          label="Disadvantaged marker (optional)"
          labelSize="s"
          hint="If yes, ask the customer to disclose their disadvantages (3.33)."
          small
          items={[
            { value: "yes", text: "Yes" },
            { value: "no", text: "No" },
          ]}
          error={state.fieldErrors.disadvantaged}
          defaultValue={values.disadvantaged}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Save details
        </Button>
      </form>
    </>
  );
}
