"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { Radios } from "@/components/forms/Radios";
import { Textarea } from "@/components/forms/Textarea";
import { TextInput } from "@/components/forms/TextInput";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

export interface EditableSite {
  id: string;
  version: number;
  name: string;
  nation: string;
  address: string | null;
  capacity: number | null;
  active: boolean;
}

const NATIONS = [
  { value: "england_and_wales", text: "England and Wales" },
  { value: "scotland", text: "Scotland" },
  { value: "northern_ireland", text: "Northern Ireland" },
];

/** Add or change a site. Its nation decides the bank holidays in its working-day calendar. */
export function SiteForm({ action, site, submitLabel }: { action: Action; site?: EditableSite; submitLabel: string }) {
  const [state, formAction, pending] = useFormAction(action);
  const hasErrors = state.status === "error";
  const value = (name: keyof EditableSite, stored: string) => (hasErrors ? state.values[name] : stored);
  return (
    <>
      <ErrorTitle hasErrors={hasErrors} />
      {hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        {site && (
          <>
            <input type="hidden" name="siteId" value={site.id} />
            <input type="hidden" name="version" value={site.version} />
          </>
        )}
        <TextInput name="name" label="Site name" error={state.fieldErrors.name} defaultValue={value("name", site?.name ?? "")} />
        <Radios
          name="nation"
          label="Nation where provision is delivered"
          hint="Deadlines count working days using this nation’s bank holidays."
          items={NATIONS}
          error={state.fieldErrors.nation}
          defaultValue={value("nation", site?.nation ?? "")}
        />
        <Textarea name="address" label="Address (optional)" rows={3} maxLength={500} error={state.fieldErrors.address} defaultValue={value("address", site?.address ?? "")} />
        <TextInput
          name="capacity"
          label="Capacity (optional)"
          hint="The number of participants the site can support at once. When recorded, SRO introductions check provision is not full."
          inputMode="numeric"
          width={5}
          error={state.fieldErrors.capacity}
          defaultValue={value("capacity", site?.capacity?.toString() ?? "")}
        />
        {site && (
          <Radios
            name="active"
            label="Status"
            inline
            items={[
              { value: "true", text: "Open" },
              { value: "false", text: "Closed" },
            ]}
            error={state.fieldErrors.active}
            defaultValue={value("active", String(site.active))}
          />
        )}
        <Button type="submit" preventDoubleClick disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
