"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { Checkboxes } from "@/components/forms/Checkboxes";
import { DateInput } from "@/components/forms/DateInput";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { ErrorTitle } from "@/components/forms/ErrorTitle";
import { Fieldset } from "@/components/forms/Fieldset";
import { Radios } from "@/components/forms/Radios";
import { Select } from "@/components/forms/Select";
import { stateFieldProps } from "@/components/forms/stateFieldProps";
import { Textarea } from "@/components/forms/Textarea";
import { FIRST_MEETING_OUTCOME_OPTIONS } from "@/lib/domain/forms/sro-introduction-forms";
import type { FormState } from "@/lib/forms/form-state";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

const YES_NO = [
  { value: "yes", text: "Yes" },
  { value: "no", text: "No" },
];

/**
 * The rest of SESSRO1 at the first meeting, and its outcome (13.44–13.51, 3.23–3.29). Works without
 * JavaScript. The questions of one outcome sit under it (conditional reveals, FIRST_MEETING_REVEALS).
 */
export function FirstMeetingForm({
  action,
  caseId,
  version,
  today,
  reasons,
}: {
  action: Action;
  caseId: string;
  version: number;
  today: string;
  reasons: readonly { value: string; text: string }[];
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
        <DateInput name="metOn" label="Date of the first meeting" hint="Today’s date is filled in." {...field.date("metOn", today)} />

        <Fieldset legend="Part 3: eligibility and suitability" legendSize="m">
          <Radios name="eligible" label="Are they eligible for SES?" items={YES_NO} inline {...field.text("eligible")} />
          <Radios name="suitable" label="Is SES suitable for them?" items={YES_NO} inline {...field.text("suitable")} />
          <Radios
            name="previousSes"
            label="Have they been on SES before?"
            hint="Ask them (13.46)."
            items={[
              {
                value: "yes",
                text: "Yes",
                conditional: (
                  <Radios name="previousSesAppropriate" label="Is another period on SES appropriate?" hint="13.46" items={YES_NO} inline {...field.text("previousSesAppropriate")} />
                ),
              },
              { value: "no", text: "No" },
            ]}
            {...field.text("previousSes")}
          />
          <Textarea
            name="previousSpellReason"
            label="If they have been on SES before: why another period is appropriate"
            hint="Needed when our records show an earlier SES spell, listed above (13.46, 3.24)."
            rows={3}
            maxLength={2000}
            {...field.text("previousSpellReason")}
          />
          <Textarea
            name="otherDwpProgrammes"
            label="Other DWP programmes they are on (optional)"
            hint="SES is probably not suitable alongside another DWP-funded programme (13.46, 3.24)."
            rows={3}
            maxLength={1000}
            {...field.text("otherDwpProgrammes")}
          />
        </Fieldset>

        <Radios
          name="outcome"
          label="Outcome"
          labelSize="m"
          items={FIRST_MEETING_OUTCOME_OPTIONS.map((option) => ({
            ...option,
            conditional:
              option.value === "provision_full" ? (
                <>
                  <DateInput name="sroToldOn" label="Date you told the SRO" {...field.date("sroToldOn")} />
                  <Textarea
                    name="provisionFullReason"
                    label="Why the provision is full"
                    hint="For example, every adviser’s caseload is full until a date (13.47, 3.25)."
                    rows={3}
                    maxLength={2000}
                    {...field.text("provisionFullReason")}
                  />
                </>
              ) : option.value === "not_eligible" ? (
                <>
                  <Select
                    name="reasonCode"
                    label="Reason not accepted (SESSRO1 Part 4)"
                    options={[{ value: "", text: "Select a reason" }, ...reasons]}
                    error={state.fieldErrors.reasonCode}
                    defaultValue={field.value("reasonCode")}
                  />
                  <Textarea name="part4Reason" label="Reason as written in Part 4" rows={3} maxLength={2000} {...field.text("part4Reason")} />
                  <DateInput name="claimantToldOn" label="Date you explained this to them" {...field.date("claimantToldOn")} />
                  <DateInput
                    name="sroContactedOn"
                    label="Date you contacted the SRO to refer them back (optional)"
                    hint="Only if they wish to be referred back (13.51, 3.29)."
                    {...field.date("sroContactedOn")}
                  />
                  <Checkboxes
                    name="copyRetainedForInspection"
                    label="Copy retained"
                    items={[{ value: "yes", text: "A copy of the form, with the reason, is retained for the DWP Performance Manager" }]}
                    {...field.text("copyRetainedForInspection")}
                  />
                </>
              ) : undefined,
          }))}
          {...field.text("outcome")}
        />

        <Button type="submit" preventDoubleClick disabled={pending}>
          Record the first meeting
        </Button>
      </form>
    </>
  );
}
