"use client";

import { useActionState } from "react";
import { Button } from "@/components/forms/Button";
import { DateInput } from "@/components/forms/DateInput";
import { Fieldset } from "@/components/forms/Fieldset";
import { FormErrors } from "@/components/forms/FormErrors";
import { dateFieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { Select } from "@/components/forms/Select";
import { TextInput } from "@/components/forms/TextInput";
import { datePartsInError } from "@/lib/domain/forms/date-parts";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/**
 * Record a received SL2 as a new SCR case. Plain POST without JavaScript; every value is echoed
 * back after an error. The submission id rendered with the page makes a double submit harmless.
 */
export function ScrCaseForm({
  action,
  sites,
  defaults,
}: {
  action: Action;
  sites: readonly { id: string; name: string }[];
  defaults: { siteId: string; submissionId: string };
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const echoed = state.status === "error";
  const value = (name: string, initial = "") => (echoed ? (state.values[name] ?? "") : initial);
  const text = (name: string) => ({ error: state.fieldErrors[name], defaultValue: value(name) });
  const received = dateFieldPropsFrom(state, "receivedOn");
  const receivedParts = received.errorParts.length > 0 ? received.errorParts : datePartsInError(received.error, received.defaultValue);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="submissionId" value={value("submissionId", defaults.submissionId)} />
        <Fieldset legend="The SL2" legendSize="m">
          <DateInput
            name="receivedOn"
            label="When was the SL2 received?"
            hint="The 20-working-day start target runs from this date. For example, 19 11 2026"
            error={received.error}
            errorParts={receivedParts}
            defaultValue={echoed ? received.defaultValue : {}}
          />
          <Select
            name="siteId"
            label="Site"
            hint="Where the provision is delivered. Its nation’s bank holidays decide the working days."
            options={[{ value: "", text: "Select a site" }, ...sites.map((site) => ({ value: site.id, text: site.name }))]}
            error={state.fieldErrors.siteId}
            defaultValue={value("siteId", defaults.siteId)}
          />
        </Fieldset>
        <Fieldset legend="The person, from SL2 page 1" legendSize="m">
          <TextInput name="title" label="Title (optional)" width={5} spellCheck={false} {...text("title")} />
          <TextInput name="forename" label="Forename" width="two-thirds" spellCheck={false} autoComplete="off" {...text("forename")} />
          <TextInput name="surname" label="Surname" width="two-thirds" spellCheck={false} autoComplete="off" {...text("surname")} />
          <TextInput
            name="nino"
            label="National Insurance number (optional)"
            hint="It’s on the National Insurance card, benefit letter, payslip or P60. For example, ‘AB 12 34 56 C’."
            width={10}
            spellCheck={false}
            autoCapitalize="characters"
            {...text("nino")}
          />
          <TextInput name="telephone" label="Telephone (optional)" type="tel" width={20} autoComplete="off" {...text("telephone")} />
        </Fieldset>
        <Fieldset legend="The JCP nominated officer who sent it" legendSize="m">
          <TextInput name="jcpOfficerName" label="Name" width="two-thirds" spellCheck={false} autoComplete="off" {...text("jcpOfficerName")} />
          <TextInput name="jcpOfficerOffice" label="Jobcentre or office (optional)" width="two-thirds" {...text("jcpOfficerOffice")} />
          <TextInput name="jcpOfficerPhone" label="Telephone (optional)" type="tel" width={20} autoComplete="off" {...text("jcpOfficerPhone")} />
          <TextInput name="jcpOfficerEmail" label="Email address (optional)" type="email" spellCheck={false} autoComplete="off" {...text("jcpOfficerEmail")} />
        </Fieldset>
        <Button type="submit" preventDoubleClick disabled={pending}>
          Create the SCR case
        </Button>
      </form>
    </>
  );
}
