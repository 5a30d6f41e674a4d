import type { ReactNode } from "react";

/** GOV.UK label and legend sizes: govuk-label--<size> / govuk-fieldset__legend--<size>. */
export type LabelSize = "s" | "m" | "l" | "xl";

/** Fixed widths in characters: govuk-input--width-<n>. Only for text-like inputs. */
export type FixedInputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

/** Fluid widths as a share of the container: govuk-!-width-<share>. */
export type FluidWidth = "full" | "three-quarters" | "two-thirds" | "one-half" | "one-third" | "one-quarter";

export type InputWidth = FixedInputWidth | FluidWidth;

/** What every labelled field accepts (GOV.UK label, hint and error message pattern). */
export interface FieldBaseProps {
  /** The form field name; the key of FormState.values and FormState.fieldErrors. */
  name: string;
  /** Defaults to `name`, so error summary links `#<name>` land on the field. */
  id?: string;
  /** The visible label (the legend, for fieldset-based fields). */
  label: string;
  labelSize?: LabelSize;
  /** Wraps the label (or legend) in the page's h1; the size then defaults to "l". */
  isPageHeading?: boolean;
  hint?: ReactNode;
  /** The field's error message, from FormState.fieldErrors. */
  error?: string;
  /** Extra classes on the govuk-form-group wrapper. */
  formGroupClassName?: string;
}

export function widthClass(width: InputWidth | undefined): string | undefined {
  if (width === undefined) return undefined;
  return typeof width === "number" ? `govuk-input--width-${width}` : `govuk-!-width-${width}`;
}

/** The ids that describe a control, in GOV.UK order (hint, then error), or undefined if none. */
export function describedBy(...ids: ReadonlyArray<string | false | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string" && id.length > 0);
  return present.length > 0 ? present.join(" ") : undefined;
}

/** The size a label or legend takes: as given, else "l" when it is the page heading. */
export function headingSize(size: LabelSize | undefined, isPageHeading: boolean | undefined): LabelSize | undefined {
  return size ?? (isPageHeading ? "l" : undefined);
}

/** Ids of a field's hint and error message (`${id}-hint`, `${id}-error`) when they are shown. */
export function hintAndErrorIds(id: string, hint: ReactNode, error: string | undefined) {
  const hasHint = hint !== undefined && hint !== null && hint !== false && hint !== "";
  const hasError = typeof error === "string" && error.length > 0;
  return {
    hintId: hasHint ? `${id}-hint` : undefined,
    errorId: hasError ? `${id}-error` : undefined,
  };
}
