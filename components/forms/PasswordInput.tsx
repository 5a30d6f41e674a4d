import { classNames } from "../class-names";
import { describedBy, hintAndErrorIds, widthClass, type FieldBaseProps, type InputWidth } from "./field-types";
import { FieldIntro } from "./FieldIntro";
import { FormGroup } from "./FormGroup";

export interface PasswordInputProps extends FieldBaseProps {
  /** "current-password" to sign in, "new-password" to set one (lets password managers help). */
  autoComplete?: "current-password" | "new-password" | "one-time-code";
  width?: InputWidth;
  className?: string;
}

/**
 * GOV.UK password input. type="password", spellcheck off, no autocapitalisation, and paste allowed
 * (AU-03: nothing blocks pasting from a password manager). There is deliberately no defaultValue:
 * a password is never echoed back into a page. The Show/Hide button is `hidden` until
 * govuk-frontend's PasswordInput script reveals it, so it never shows without JavaScript.
 */
export function PasswordInput({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  formGroupClassName,
  autoComplete = "current-password",
  width,
  className,
}: PasswordInputProps) {
  const { hintId, errorId } = hintAndErrorIds(id, hint, error);
  return (
    <FormGroup
      hasError={errorId !== undefined}
      className={classNames("govuk-password-input", formGroupClassName)}
      dataAttributes={{ "data-module": "govuk-password-input" }}
    >
      <FieldIntro id={id} label={label} labelSize={labelSize} isPageHeading={isPageHeading} hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <div className="govuk-input__wrapper govuk-password-input__wrapper">
        <input
          className={classNames(
            "govuk-input",
            "govuk-password-input__input",
            "govuk-js-password-input-input",
            widthClass(width),
            className,
            errorId && "govuk-input--error",
          )}
          id={id}
          name={name}
          type="password"
          spellCheck={false}
          aria-describedby={describedBy(hintId, errorId)}
          autoComplete={autoComplete}
          autoCapitalize="none"
        />
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle"
          data-module="govuk-button"
          aria-controls={id}
          aria-label="Show password"
          hidden
        >
          Show
        </button>
      </div>
    </FormGroup>
  );
}
