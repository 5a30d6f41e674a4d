import type { HTMLInputAutoCompleteAttribute } from "react";
import { classNames } from "../class-names";
import { describedBy, hintAndErrorIds, widthClass, type FieldBaseProps, type FluidWidth } from "./field-types";
import { FieldIntro } from "./FieldIntro";
import { FormGroup } from "./FormGroup";

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps extends FieldBaseProps {
  options: readonly SelectOption[];
  /** The option value selected on render, from FormState.values. */
  defaultValue?: string;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  width?: FluidWidth;
  disabled?: boolean;
  className?: string;
}

/** GOV.UK select. Prefer Radios for fewer than about 7 options. */
export function Select({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  formGroupClassName,
  options,
  defaultValue,
  autoComplete,
  width,
  disabled,
  className,
}: SelectProps) {
  const { hintId, errorId } = hintAndErrorIds(id, hint, error);
  return (
    <FormGroup hasError={errorId !== undefined} className={formGroupClassName}>
      <FieldIntro id={id} label={label} labelSize={labelSize} isPageHeading={isPageHeading} hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <select
        className={classNames("govuk-select", widthClass(width), className, errorId && "govuk-select--error")}
        id={id}
        name={name}
        disabled={disabled}
        aria-describedby={describedBy(hintId, errorId)}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} {...(option.disabled ? { disabled: true } : {})}>
            {option.text}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
