"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { DateInput } from "@/components/forms/DateInput";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { Fieldset } from "@/components/forms/Fieldset";
import { Radios } from "@/components/forms/Radios";
import { stateFieldProps } from "@/components/forms/stateFieldProps";
import { TextInput } from "@/components/forms/TextInput";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** JCP's PRaP referral of the accepted introduction (13.49, 3.27), as the PRaP intake records a referral. */
export function JcpReferralForm({
  action,
  caseId,
  version,
  today,
  withStrand = false,
}: {
  action: Action;
  caseId: string;
  version: number;
  today: string;
  /** Ch13 (13.49): JCP refers to both the Initial Assessment and the strand; ask for the strand referral too. */
  withStrand?: boolean;
}) {
  const [state, formAction, pending] = useFormAction(action);
  const field = stateFieldProps(state);
  return (
    <>
      <ErrorTitle hasErrors={field.echoed} />
      {field.echoed && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <TextInput
          name="purchaseOrderNumber"
          label="Purchase order number"
          hint="9 digits. Starts with 2 for Universal Credit, like 200123456, or 1 for other benefits, like 100123456 (13.06, 13.16)."
          inputMode="numeric"
          spellCheck={false}
          autoComplete="off"
          width={10}
          {...field.text("purchaseOrderNumber")}
        />
        <TextInput name="referralId" label="Referral ID" spellCheck={false} autoComplete="off" width={20} {...field.text("referralId")} />
        <TextInput name="provisionId" label="Provision ID" hint="The opportunity the referral is to, as PRaP shows it." spellCheck={false} autoComplete="off" width={20} {...field.text("provisionId")} />
        <DateInput name="referralDate" label="Referral date" hint="The business date on which the referral was made (13.61). The deadlines count from it." {...field.date("referralDate")} />
        <DateInput name="referralReceivedOn" label="Date the referral was received" hint="Today’s date is filled in." {...field.date("referralReceivedOn", today)} />
        {withStrand && (
          <Fieldset legend="The strand referral (13.49)" legendSize="m">
            <Radios
              name="strand"
              label="Strand JCP referred them to"
              items={[
                { value: "sesmp", text: "SES Main Provision" },
                { value: "sessb", text: "SES Start Back" },
              ]}
              {...field.text("strand")}
            />
            <TextInput
              name="strandPurchaseOrderNumber"
              label="Purchase order number of the strand referral"
              hint="9 digits, starting with the same number as the Initial Assessment referral’s."
              inputMode="numeric"
              spellCheck={false}
              autoComplete="off"
              width={10}
              {...field.text("strandPurchaseOrderNumber")}
            />
            <TextInput name="strandReferralId" label="Referral ID of the strand referral" spellCheck={false} autoComplete="off" width={20} {...field.text("strandReferralId")} />
            <TextInput name="strandProvisionId" label="Provision ID of the strand referral" spellCheck={false} autoComplete="off" width={20} {...field.text("strandProvisionId")} />
          </Fieldset>
        )}
        <Button type="submit" preventDoubleClick disabled={pending}>
          Record JCP’s PRaP referral
        </Button>
      </form>
    </>
  );
}
