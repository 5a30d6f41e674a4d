"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { FormErrors } from "@/components/forms/FormErrors";
import { Radios } from "@/components/forms/Radios";
import { Textarea } from "@/components/forms/Textarea";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

export function TransferForm({ action, caseId, version, sites }: { action: Action; caseId: string; version: number; sites: readonly { id: string; name: string; nation: string }[] }) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <Radios
          name="siteId"
          label="Which site is the case moving to?"
          labelSize="m"
          hint="The site’s nation decides the working days every deadline counts."
          items={sites.map((site) => ({ value: site.id, text: site.name, hint: `${site.nation} working days` }))}
          error={state.fieldErrors.siteId}
          defaultValue={state.values.siteId}
        />
        <Textarea name="reason" label="Why is the case moving?" labelSize="m" rows={3} maxLength={1000} error={state.fieldErrors.reason} defaultValue={state.values.reason} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Move the case
        </Button>
      </form>
    </>
  );
}
