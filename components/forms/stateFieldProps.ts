import { datePartsInError } from "@/lib/domain/forms/date-parts";
import type { FormState } from "@/lib/forms/form-state";
import type { DateParts } from "./DateInput";
import { dateFieldPropsFrom } from "./fieldPropsFrom";

/**
 * Field props for a whole form from its FormState: the error, and the echoed value after an error
 * (so nothing typed is lost) or the initial value before one. Used as `{...field.text("surname")}`
 * and `{...field.date("metOn", today)}`.
 */
export function stateFieldProps(state: FormState) {
  // Answers come back after an error, and after "Change" on a check-your-answers page (status idle).
  const hasErrors = state.status === "error";
  const echoed = hasErrors || (state.status === "idle" && Object.keys(state.values).length > 0);
  const value = (name: string, initial = "") => (echoed ? (state.values[name] ?? "") : initial);
  return {
    echoed,
    hasErrors,
    value,
    text: (name: string, initial = "") => ({ error: state.fieldErrors[name], defaultValue: value(name, initial) }),
    date: (name: string, initial?: DateParts | string) => {
      const props = dateFieldPropsFrom(state, name);
      const errorParts = props.errorParts.length > 0 ? props.errorParts : datePartsInError(props.error, props.defaultValue);
      return { error: props.error, errorParts, defaultValue: echoed ? props.defaultValue : initial };
    },
  };
}
