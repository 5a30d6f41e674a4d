import { Checkboxes } from "@/components/forms/Checkboxes";
import { DateInput, type DatePart } from "@/components/forms/DateInput";
import { Radios } from "@/components/forms/Radios";
import { TextInput } from "@/components/forms/TextInput";
import { datePartsInError } from "@/lib/domain/forms/date-parts";
import {
  REJECT_REASON_LABELS,
  REJECT_REASONS,
  STRAND_OPTIONS,
  type LifecycleFormAction,
} from "@/lib/domain/forms/lifecycle-forms";
import type { FieldErrors } from "@/lib/forms/form-state";

export interface LifecycleFieldsContext {
  ruleset: "ses_2016_uc" | "ses_2016_non_uc" | "ses_2017";
  earlyLeavingReasons: readonly { code: string; label: string }[];
}

interface FieldsProps {
  action: LifecycleFormAction;
  errors: FieldErrors;
  /** The values as posted or typed: dates as `${name}-day|month|year`. */
  values: Record<string, string | undefined>;
  context: LifecycleFieldsContext;
}

const DATE_HINT = "For example, 27 3 2026";

function DateField({ name, label, hint = DATE_HINT, errors, values }: { name: string; label: string; hint?: string } & Pick<FieldsProps, "errors" | "values">) {
  const typed = { day: values[`${name}-day`], month: values[`${name}-month`], year: values[`${name}-year`] };
  const error = errors[name];
  const errorParts: DatePart[] = datePartsInError(error, typed);
  return <DateInput name={name} label={label} labelSize="s" hint={hint} error={error} errorParts={errorParts} defaultValue={typed} />;
}

/**
 * The questions each lifecycle step asks (one thing per page). Plain markup, no hooks: the same
 * fields render in the check-answers GET form (server) and in the posting form (client).
 */
export function LifecycleFields({ action, errors, values, context }: FieldsProps) {
  const person = context.ruleset === "ses_2017" ? "customer" : "claimant";
  const participant = context.ruleset === "ses_2017" ? "customer" : "participant";
  const shared = { errors, values };
  switch (action) {
    case "book_initial_assessment":
      return <DateField name="assessmentOn" label="Date of the Initial Assessment" hint="The date agreed on the Warm Handover call. For example, 27 3 2026" {...shared} />;
    case "record_assessment_recommended":
      return (
        <>
          <DateField name="heldOn" label="Date of the Initial Assessment" {...shared} />
          <Radios name="strand" label="Strand" labelSize="s" items={STRAND_OPTIONS} error={errors.strand} defaultValue={values.strand} />
          <DateField name="anticipatedStartOn" label="Anticipated start date" {...shared} />
          <DateField name="anticipatedEndOn" label="Anticipated end date" {...shared} />
        </>
      );
    case "record_assessment_not_suitable":
      return (
        <>
          <DateField name="heldOn" label="Date of the Initial Assessment" {...shared} />
          <Checkboxes
            name="fullyDiscussedWithClaimant"
            label="Discussion with the claimant"
            labelSize="s"
            hint="Discuss the suitability issue fully with the claimant and try to resolve it first (13.29, 13.30)."
            items={[{ value: "yes", text: `I discussed it fully with the ${person} and we agreed they are not suitable` }]}
            error={errors.fullyDiscussedWithClaimant}
            defaultValue={values.fullyDiscussedWithClaimant}
          />
          <DateField
            name="spocPhonedOn"
            label="Date you phoned the JCP SPoC"
            hint="Give the reason by telephone. Do not write sensitive information on the UC452 (13.31). For example, 27 3 2026"
            {...shared}
          />
        </>
      );
    case "record_start":
      return <DateField name="startedOn" label="Start date" hint={`The date the ${participant} started on the provision. For example, 27 3 2026`} {...shared} />;
    case "record_completion":
      return <DateField name="endedOn" label="Actual end date" {...shared} />;
    case "record_early_leaving":
      return (
        <>
          <DateField name="leftOn" label="Date they left" {...shared} />
          <Radios
            name="reasonCode"
            label="Reason for leaving early"
            labelSize="s"
            items={context.earlyLeavingReasons.map((reason) => ({ value: reason.code, text: reason.label }))}
            error={errors.reasonCode}
            defaultValue={values.reasonCode}
          />
        </>
      );
    case "reject": {
      const choices = context.ruleset === "ses_2017" ? REJECT_REASONS : (["other"] as const);
      return (
        <>
          <Radios
            name="reason"
            label="Reason for rejecting the referral"
            labelSize="s"
            items={choices.map((value) => ({ value, text: REJECT_REASON_LABELS[value] }))}
            error={errors.reason ?? errors.suitabilityReason}
            defaultValue={values.reason}
          />
          {context.ruleset === "ses_2017" && (
            <>
              <Radios
                name="workCoachAgreed"
                label="If the customer is no longer suitable: did the DEA or work coach agree the referral should be rejected?"
                labelSize="s"
                hint="Not needed for a referral made in error (3.08 to 3.10)."
                inline
                items={[
                  { value: "yes", text: "Yes" },
                  { value: "no", text: "No" },
                ]}
                error={errors.workCoachAgreed}
                defaultValue={values.workCoachAgreed}
              />
              <DateField
                name="workCoachContactedOn"
                label="Date you spoke to the DEA or work coach"
                hint="Not needed for a referral made in error. For example, 27 3 2026"
                {...shared}
              />
            </>
          )}
        </>
      );
    }
    case "record_back_out_email":
      return (
        <>
          <DateField name="receivedOn" label="Date POST’s email arrived" {...shared} />
          <TextInput
            name="receivedTime"
            label="Time POST’s email arrived"
            labelSize="s"
            hint="UK time, 24-hour clock, for example 14:30"
            width={5}
            inputMode="numeric"
            spellCheck={false}
            error={errors.receivedTime}
            defaultValue={values.receivedTime}
          />
        </>
      );
    default:
      return null;
  }
}
