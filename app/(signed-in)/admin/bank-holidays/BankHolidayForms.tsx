"use client";

import { useFormAction } from "@/components/forms/FormActionFrame";
import { Button } from "@/components/forms/Button";
import { ButtonGroup } from "@/components/forms/ButtonGroup";
import { DateInput, type DateParts } from "@/components/forms/DateInput";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { FormErrors } from "@/components/forms/FormErrors";
import { dateFieldPropsFrom } from "@/components/forms/fieldPropsFrom";
import { Radios } from "@/components/forms/Radios";
import { TextInput } from "@/components/forms/TextInput";
import { datePartsInError } from "@/lib/domain/forms/date-parts";
import type { FormState } from "@/lib/forms/form-state";
import { NATION_OPTIONS } from "./bank-holiday-text";

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

export interface EditableBankHoliday {
  id: string;
  version: number;
  nation: string;
  date: string;
  title: string;
  notes: string | null;
}

/** What a new holiday's form starts with (e.g. from "add Scotland's 2028 holidays"). */
export interface BankHolidayPrefill {
  nation?: string;
  year?: string;
}

/** Add or change a bank holiday: nation, date (GOV.UK date input), name and notes. */
export function BankHolidayForm({
  action,
  holiday,
  prefill,
  submitLabel,
}: {
  action: Action;
  holiday?: EditableBankHoliday;
  prefill?: BankHolidayPrefill;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useFormAction(action, "change");
  const echoed = state.status === "error";
  const date = dateFieldPropsFrom(state, "date");
  const storedDate: DateParts | string = holiday?.date ?? { year: prefill?.year };
  const errorParts = date.errorParts.length > 0 ? date.errorParts : datePartsInError(date.error, date.defaultValue);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction} noValidate>
        {holiday && (
          <>
            <input type="hidden" name="bankHolidayId" value={holiday.id} />
            <input type="hidden" name="version" value={holiday.version} />
          </>
        )}
        <Radios
          name="nation"
          label="Nation"
          labelSize="m"
          hint="Each nation has its own bank holidays. For a holiday in more than one nation, add it to each."
          items={NATION_OPTIONS}
          error={state.fieldErrors.nation}
          defaultValue={echoed ? state.values.nation : (holiday?.nation ?? prefill?.nation ?? "")}
        />
        <DateInput
          name="date"
          label="Date of the bank holiday"
          labelSize="m"
          hint="For example, 30 11 2026. If the holiday falls at a weekend, enter its substitute weekday."
          error={date.error}
          errorParts={errorParts}
          defaultValue={echoed ? date.defaultValue : storedDate}
        />
        <TextInput
          name="title"
          label="Name of the bank holiday"
          labelSize="m"
          hint="As GOV.UK names it, for example St Andrew’s Day"
          error={state.fieldErrors.title}
          defaultValue={echoed ? state.values.title : (holiday?.title ?? "")}
        />
        <TextInput
          name="notes"
          label="Notes (optional)"
          labelSize="m"
          hint="For example, Substitute day or Extra bank holiday"
          error={state.fieldErrors.notes}
          defaultValue={echoed ? state.values.notes : (holiday?.notes ?? "")}
        />
        <Button type="submit" preventDoubleClick disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}

/** Confirm a date computed from the statutory rules: clears the "computed" flag. */
export function ConfirmComputedForm({ action, holiday }: { action: Action; holiday: Pick<EditableBankHoliday, "id" | "version"> }) {
  const [state, formAction, pending] = useFormAction(action, "confirm");
  return (
    <>
      {state.status === "error" && <ErrorSummary errors={state.fieldErrors} message={state.message} />}
      <form action={formAction}>
        <input type="hidden" name="bankHolidayId" value={holiday.id} />
        <input type="hidden" name="version" value={holiday.version} />
        <Button type="submit" variant="secondary" preventDoubleClick disabled={pending}>
          Confirm this computed date
        </Button>
      </form>
    </>
  );
}

/** The last step of removing a holiday, on its check-your-answers page. */
export function RemoveBankHolidayForm({
  action,
  holiday,
  cancelHref,
}: {
  action: Action;
  holiday: Pick<EditableBankHoliday, "id" | "version">;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <>
      <FormErrors state={state} />
      <form action={formAction}>
        <input type="hidden" name="bankHolidayId" value={holiday.id} />
        <input type="hidden" name="version" value={holiday.version} />
        <ButtonGroup>
          <Button type="submit" variant="warning" preventDoubleClick disabled={pending}>
            Remove bank holiday
          </Button>
          <a className="govuk-link" href={cancelHref}>
            Cancel
          </a>
        </ButtonGroup>
      </form>
    </>
  );
}
