"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import type { ReactNode } from "react";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { Radios } from "@/components/forms/Radios";
import { TextInput } from "@/components/forms/TextInput";
import { PRAP_REASONS, PRAP_REASON_LABELS, SITE_CONTACT_ROLES, SITE_CONTACT_ROLE_LABELS } from "@/lib/domain/forms/settings-forms";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/**
 * One form with the GOV.UK error pattern; `fields` draws its inputs from the state. `scopeKey`: the
 * form's name in its page's FormActionsScope, on a page with several forms.
 */
function AdminForm({ action, hidden, submitLabel, variant, fields, scopeKey }: { action: Action; hidden: Record<string, string>; submitLabel: string; variant?: "secondary" | "warning"; fields?: (state: FormState, value: (name: string, stored: string) => string) => ReactNode; scopeKey?: string }) {
  const [state, formAction, pending] = useFormAction(action, scopeKey);
  const hasErrors = state.status === "error";
  const value = (name: string, stored: string) => (hasErrors ? (state.values[name] ?? "") : stored);
  return (
    <>
      <ErrorTitle hasErrors={hasErrors} />
      {hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        {Object.entries(hidden).map(([name, stored]) => (
          <input key={name} type="hidden" name={name} value={stored} />
        ))}
        {fields?.(state, value)}
        <Button type="submit" variant={variant} preventDoubleClick disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}

/** Any entry of SETTINGS, drawn from its kind: a number box or yes/no (lib/domain/settings.ts). */
export function SettingForm({ action, settingKey, label, kind, inputText }: { action: Action; settingKey: string; label: string; kind: "number" | "boolean"; inputText: string }) {
  return (
    <AdminForm
      action={action}
      hidden={{ key: settingKey, shown: inputText }}
      submitLabel="Save setting"
      fields={(state, value) =>
        kind === "boolean" ? (
          <Radios name="value" label={label} labelSize="m" inline items={[{ value: "true", text: "Yes" }, { value: "false", text: "No" }]} error={state.fieldErrors.value} defaultValue={value("value", inputText)} />
        ) : (
          <TextInput name="value" label={label} labelSize="m" inputMode="numeric" width={3} spellCheck={false} error={state.fieldErrors.value} defaultValue={value("value", inputText)} />
        )
      }
    />
  );
}

export interface ProviderDetails {
  version: number;
  contactPhone: string | null;
  contactEmail: string | null;
  ucServiceCentreEmail: string | null;
  sesPolicyEmail: string | null;
}

/** Part-7 contact details (13.31) and the two DWP inboxes (13.21–13.22). */
export function ProviderContactsForm({ action, provider }: { action: Action; provider: ProviderDetails }) {
  return (
    <AdminForm
      action={action}
      hidden={{ version: String(provider.version) }}
      submitLabel="Save contact details"
      fields={(state, value) => (
        <>
          <TextInput name="contactPhone" type="tel" label="Provider telephone number (UC452 part 7)" autoComplete="tel" width={20} error={state.fieldErrors.contactPhone} defaultValue={value("contactPhone", provider.contactPhone ?? "")} />
          <TextInput name="contactEmail" type="email" label="Provider email address (UC452 part 7)" spellCheck={false} error={state.fieldErrors.contactEmail} defaultValue={value("contactEmail", provider.contactEmail ?? "")} />
          <TextInput name="ucServiceCentreEmail" type="email" label="UC Service Centre inbox" hint="UC452 parts are e-mailed here, one form per e-mail (13.21)." spellCheck={false} error={state.fieldErrors.ucServiceCentreEmail} defaultValue={value("ucServiceCentreEmail", provider.ucServiceCentreEmail ?? "")} />
          <TextInput name="sesPolicyEmail" type="email" label="SES Policy inbox" hint="UC452 part 7 is copied here (13.22)." spellCheck={false} error={state.fieldErrors.sesPolicyEmail} defaultValue={value("sesPolicyEmail", provider.sesPolicyEmail ?? "")} />
        </>
      )}
    />
  );
}

/** A site's JCP SPoC or DEA/Work Coach (13.14, 13.67, 3.05). */
export function AddSiteContactForm({ action, siteId }: { action: Action; siteId: string }) {
  return (
    <AdminForm scopeKey="add"
      action={action}
      hidden={{ siteId }}
      submitLabel="Add contact"
      fields={(state, value) => (
        <>
          <Radios name="role" label="Who is the contact?" labelSize="s" items={SITE_CONTACT_ROLES.map((role) => ({ value: role, text: SITE_CONTACT_ROLE_LABELS[role] }))} error={state.fieldErrors.role} defaultValue={value("role", "")} />
          <TextInput name="name" label="Name" autoComplete="off" error={state.fieldErrors.name} defaultValue={value("name", "")} />
          <TextInput name="organisation" label="Jobcentre or office (optional)" error={state.fieldErrors.organisation} defaultValue={value("organisation", "")} />
          <TextInput name="phone" type="tel" label="Telephone number" hint="Enter a telephone number, an email address, or both." width={20} error={state.fieldErrors.phone} defaultValue={value("phone", "")} />
          <TextInput name="email" type="email" label="Email address" spellCheck={false} error={state.fieldErrors.email} defaultValue={value("email", "")} />
        </>
      )}
    />
  );
}

export function RemoveSiteContactForm({ action, siteId, contactId }: { action: Action; siteId: string; contactId: string }) {
  return <AdminForm action={action} hidden={{ siteId, contactId }} submitLabel="Remove" variant="warning" />;
}

/** A new entry at the end of a reason list; rejections and cancellations need their PRaP label. */
export function AddReasonForm({ action, kind, needsPrapLabel }: { action: Action; kind: string; needsPrapLabel: boolean }) {
  return (
    <AdminForm
      action={action}
      hidden={{ kind }}
      submitLabel="Add reason"
      fields={(state, value) => (
        <>
          <TextInput name="label" label="New reason" hint="As caseworkers will see it." error={state.fieldErrors.label} defaultValue={value("label", "")} />
          {needsPrapLabel && (
            <Radios name="prapLabel" label="PRaP reason it is recorded as" labelSize="s" items={PRAP_REASONS.map((prap) => ({ value: prap, text: PRAP_REASON_LABELS[prap] }))} error={state.fieldErrors.prapLabel} defaultValue={value("prapLabel", "")} />
          )}
        </>
      )}
    />
  );
}

export function RenameReasonForm({ action, reasonId, label }: { action: Action; reasonId: string; label: string }) {
  return (
    <AdminForm scopeKey="rename"
      action={action}
      hidden={{ reasonId, shown: label }}
      submitLabel="Save wording"
      fields={(state, value) => <TextInput name="label" label="Wording" hint="The code and the PRaP reason stay the same, so cases closed with it keep their meaning." error={state.fieldErrors.label} defaultValue={value("label", label)} />}
    />
  );
}

export function SetReasonActiveForm({ action, reasonId, active }: { action: Action; reasonId: string; active: boolean }) {
  return <AdminForm scopeKey="active" action={action} hidden={{ reasonId, active: active ? "false" : "true" }} submitLabel={active ? "Retire this reason" : "Offer this reason again"} variant={active ? "warning" : "secondary"} />;
}
