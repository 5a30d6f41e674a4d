import type { HTMLInputAutoCompleteAttribute } from "react";
import { classNames } from "../class-names";
import { describedBy, hintAndErrorIds, widthClass, type FieldBaseProps, type FluidWidth } from "./field-types";
import { FieldIntro } from "./FieldIntro";
import { Hint } from "./Hint";
import { FormGroup } from "./FormGroup";

export interface TextareaProps extends FieldBaseProps {
  defaultValue?: string;
  rows?: number;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  spellCheck?: boolean;
  width?: FluidWidth;
  /**
   * The limit the server action enforces (IV-01). Renders GOV.UK character-count markup with the
   * static message "You can enter up to N characters", which needs no JavaScript (and is made live
   * by govuk-frontend's CharacterCount if that script runs). Deliberately NOT the native
   * `maxlength` attribute: GOV.UK advises against it because it silently truncates pasted text.
   */
  maxLength?: number;
  /** Set false for a plain textarea with no count message even though `maxLength` is known. Default true. */
  characterCount?: boolean;
  disabled?: boolean;
  className?: string;
}

/** GOV.UK textarea, or character count when `maxLength` is given. */
export function Textarea({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  formGroupClassName,
  defaultValue,
  rows = 5,
  autoComplete,
  spellCheck,
  width,
  maxLength,
  characterCount = true,
  disabled,
  className,
}: TextareaProps) {
  const { hintId, errorId } = hintAndErrorIds(id, hint, error);
  const counted = maxLength !== undefined && characterCount;
  const infoId = counted ? `${id}-info` : undefined;
  return (
    <FormGroup
      hasError={errorId !== undefined}
      className={classNames(counted && "govuk-character-count", formGroupClassName)}
      dataAttributes={counted ? { "data-module": "govuk-character-count", "data-maxlength": String(maxLength) } : undefined}
    >
      <FieldIntro id={id} label={label} labelSize={labelSize} isPageHeading={isPageHeading} hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <textarea
        className={classNames(
          "govuk-textarea",
          errorId && "govuk-textarea--error",
          counted && "govuk-js-character-count",
          widthClass(width),
          className,
        )}
        id={id}
        name={name}
        rows={rows}
        spellCheck={spellCheck}
        disabled={disabled}
        aria-describedby={describedBy(infoId, hintId, errorId)}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
      />
      {infoId && maxLength !== undefined && (
        <Hint id={infoId} className="govuk-character-count__message">
          {`You can enter up to ${maxLength.toLocaleString("en-GB")} characters`}
        </Hint>
      )}
    </FormGroup>
  );
}
