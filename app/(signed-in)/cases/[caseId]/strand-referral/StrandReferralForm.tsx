"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { DateInput } from "@/components/forms/DateInput";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { dateFieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { TextInput } from "@/components/forms/TextInput";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

export function StrandReferralForm({ action, caseId, version }: { action: Action; caseId: string; version: number }) {
  const [state, formAction, pending] = useFormAction(action);
  const hasErrors = state.status === "error";
  return (
    <>
      <ErrorTitle hasErrors={hasErrors} />
      {hasErrors && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <TextInput
          name="purchaseOrderNumber"
          label="Purchase order number"
          hint="9 digits, starting 2 for Universal Credit or 1 for other benefits"
          inputMode="numeric"
          spellCheck={false}
          width={10}
          error={state.fieldErrors.purchaseOrderNumber}
          defaultValue={state.values.purchaseOrderNumber}
        />
        <TextInput name="referralId" label="PRaP referral ID" spellCheck={false} width={20} error={state.fieldErrors.referralId} defaultValue={state.values.referralId} />
        <TextInput name="provisionId" label="Provision ID" spellCheck={false} width={20} error={state.fieldErrors.provisionId} defaultValue={state.values.provisionId} />
        <DateInput name="referralDate" label="Date of the strand referral" hint="The business date in PRaP, for example 27 3 2026" {...dateFieldPropsFrom(state, "referralDate")} />
        <Button type="submit" preventDoubleClick disabled={pending}>
          Record the strand referral
        </Button>
      </form>
    </>
  );
}
