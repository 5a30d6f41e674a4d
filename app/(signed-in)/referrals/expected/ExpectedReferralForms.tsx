"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { DateInput } from "@/components/forms/DateInput";
import { FormErrors } from "@/components/forms/FormErrors";
import { Radios } from "@/components/forms/Radios";
import { Select } from "@/components/forms/Select";
import { stateFieldProps } from "@/components/forms/stateFieldProps";
import { Textarea } from "@/components/forms/Textarea";
import { TextInput } from "@/components/forms/TextInput";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

const ROLES = [
  { value: "work_coach", text: "JCP Work Coach" },
  { value: "disability_employment_adviser", text: "Disability Employment Adviser (DEA)" },
];

/** A Warm Handover call with no PRaP referral yet (3.05). */
export function ExpectedReferralForm({ action, sites, defaultSiteId, today }: { action: Action; sites: { id: string; name: string }[]; defaultSiteId: string; today: string }) {
  const [state, formAction, pending] = useFormAction(action);
  const field = stateFieldProps(state);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <Select name="siteId" label="Site" options={[{ value: "", text: "Select a site" }, ...sites.map((site) => ({ value: site.id, text: site.name }))]} {...field.text("siteId", defaultSiteId)} />
        <h2 className="govuk-heading-m">Who called</h2>
        <Radios name="handoverRole" label="Who made the Warm Handover call?" items={ROLES} {...field.text("handoverRole")} />
        <TextInput name="handoverName" label="Name of the Work Coach or DEA" {...field.text("handoverName")} />
        <TextInput name="handoverPhone" label="Telephone number of the Work Coach or DEA" type="tel" autoComplete="off" {...field.text("handoverPhone")} />
        <TextInput name="handoverEmail" label="Email address of the Work Coach or DEA" hint="Needed for the exit notice." type="email" autoComplete="off" spellCheck={false} {...field.text("handoverEmail")} />
        <TextInput name="jobcentre" label="Jobcentre (optional)" {...field.text("jobcentre")} />
        <h2 className="govuk-heading-m">The customer</h2>
        <TextInput name="forename" label="Customer’s forename" autoComplete="off" {...field.text("forename")} />
        <TextInput name="surname" label="Customer’s surname" autoComplete="off" {...field.text("surname")} />
        <TextInput name="nino" label="National Insurance number (optional)" hint="If the caller gave it. For example, ‘QQ 12 34 56 C’." width={10} spellCheck={false} {...field.text("nino")} />
        <DateInput name="dateOfBirth" label="Customer’s date of birth (optional)" hint="If the caller gave it. A referral with no National Insurance number is matched on the name and date of birth. For example, 27 3 1980." {...field.date("dateOfBirth")} />
        <h2 className="govuk-heading-m">The call</h2>
        <DateInput name="calledOn" label="Date of the call" hint="Today’s date is filled in." {...field.date("calledOn", today)} />
        <TextInput name="calledAt" label="Time of the call (optional)" hint="For example, 14:30" width={5} {...field.text("calledAt")} />
        <Textarea name="notes" label="Notes (optional)" rows={4} maxLength={2000} {...field.text("notes")} />
        <Button type="submit" disabled={pending}>
          Save the expected referral
        </Button>
      </form>
    </>
  );
}

export function CloseExpectedReferralForm({
  action,
  expectedReferralId,
  version,
  reasons,
}: {
  action: Action;
  expectedReferralId: string;
  version: number;
  reasons: { value: string; text: string }[];
}) {
  const [state, formAction, pending] = useFormAction(action);
  const field = stateFieldProps(state);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="expectedReferralId" value={expectedReferralId} />
        <input type="hidden" name="version" value={version} />
        <Radios name="reason" label="Why is no referral expected now?" labelSize="m" items={reasons} {...field.text("reason")} />
        <Textarea name="note" label="More detail (optional unless ‘Another reason’)" rows={3} maxLength={500} {...field.text("note")} />
        <Button type="submit" disabled={pending}>
          Close the expected referral
        </Button>
      </form>
    </>
  );
}

/** On the intake's confirmation: attach the Warm Handover call this referral matches. */
export function AttachExpectedReferralForm({ action, expectedReferralId, caseId, label }: { action: Action; expectedReferralId: string; caseId: string; label: string }) {
  const [state, formAction, pending] = useFormAction(action);
  if (state.status === "success") return <NotificationBanner type="success" title="Success">{state.message}</NotificationBanner>;
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="expectedReferralId" value={expectedReferralId} />
        <input type="hidden" name="caseId" value={caseId} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {label}
        </Button>
      </form>
    </>
  );
}
