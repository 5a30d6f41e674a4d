import type { HTMLInputAutoCompleteAttribute } from "react";
import { classNames } from "../class-names";
import { describedBy, hintAndErrorIds, widthClass, type FieldBaseProps, type InputWidth } from "./field-types";
import { FieldIntro } from "./FieldIntro";
import { FormGroup } from "./FormGroup";

export interface TextInputProps extends FieldBaseProps {
  /** GOV.UK advises against type="number"; use inputMode="numeric" with a pattern instead. */
  type?: "text" | "email" | "tel" | "url" | "search";
  /** From FormState.values, so a bad submission loses nothing. */
  defaultValue?: string;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  /** Set false for names, identifiers (NINO, reference numbers), emails and codes. */
  spellCheck?: boolean;
  width?: InputWidth;
  inputMode?: "text" | "numeric" | "decimal" | "tel" | "email" | "url" | "search" | "none";
  autoCapitalize?: "none" | "off" | "sentences" | "words" | "characters";
  pattern?: string;
  disabled?: boolean;
  /** Short text before or after the input, e.g. "£" (hidden from screen readers; put it in the label too). */
  prefix?: string;
  suffix?: string;
  className?: string;
}

/** GOV.UK text input with label, optional hint and error message. */
export function TextInput({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  formGroupClassName,
  type = "text",
  defaultValue,
  autoComplete,
  spellCheck,
  width,
  inputMode,
  autoCapitalize,
  pattern,
  disabled,
  prefix,
  suffix,
  className,
}: TextInputProps) {
  const { hintId, errorId } = hintAndErrorIds(id, hint, error);
  const input = (
    <input
      className={classNames("govuk-input", widthClass(width), className, errorId && "govuk-input--error")}
      id={id}
      name={name}
      type={type}
      spellCheck={spellCheck}
      defaultValue={defaultValue}
      disabled={disabled}
      aria-describedby={describedBy(hintId, errorId)}
      autoComplete={autoComplete}
      autoCapitalize={autoCapitalize}
      pattern={pattern}
      inputMode={inputMode}
    />
  );
  return (
    <FormGroup hasError={errorId !== undefined} className={formGroupClassName}>
      <FieldIntro id={id} label={label} labelSize={labelSize} isPageHeading={isPageHeading} hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix && (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          )}
          {input}
          {suffix && (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          )}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}
