import type { FormState } from "@/lib/forms/form-state";
import type { DatePart, DateParts } from "./DateInput";

export interface FieldStateProps {
  error: string | undefined;
  defaultValue: string | undefined;
}

/**
 * A field's error and echoed value from a server action's FormState, so a page writes
 * `<TextInput name="surname" label="Surname" {...fieldPropsFrom(state, "surname")} />`.
 * When editing a stored record, put an explicit defaultValue after the spread that prefers the
 * echoed value: `defaultValue={state.values.surname ?? referral.surname}`.
 */
export function fieldPropsFrom(state: FormState, name: string): FieldStateProps {
  return { error: state.fieldErrors[name], defaultValue: state.values[name] };
}

export interface DateFieldStateProps {
  error: string | undefined;
  defaultValue: DateParts;
  errorParts: DatePart[];
}

const DATE_PARTS: readonly DatePart[] = ["day", "month", "year"];

/**
 * The same for a DateInput: values come from `${name}-day|month|year`; the error is the one keyed
 * by `name` (whole date) or else the first keyed by a part, and `errorParts` marks just the parts
 * that have their own error (none listed means all three).
 */
export function dateFieldPropsFrom(state: FormState, name: string): DateFieldStateProps {
  const errorParts = DATE_PARTS.filter((part) => state.fieldErrors[`${name}-${part}`] !== undefined);
  const firstPartError = errorParts.map((part) => state.fieldErrors[`${name}-${part}`]).find(Boolean);
  return {
    error: state.fieldErrors[name] ?? firstPartError,
    defaultValue: {
      day: state.values[`${name}-day`],
      month: state.values[`${name}-month`],
      year: state.values[`${name}-year`],
    },
    errorParts: state.fieldErrors[name] !== undefined ? [] : errorParts,
  };
}
