import { Fragment, type ReactNode } from "react";
import { classNames } from "../class-names";
import { ErrorMessage } from "./ErrorMessage";
import { describedBy, hintAndErrorIds, type FieldBaseProps } from "./field-types";
import { Fieldset } from "./Fieldset";
import { FormGroup } from "./FormGroup";
import { Hint } from "./Hint";
import { Label } from "./Label";

export interface RadioOption {
  value: string;
  text: string;
  hint?: ReactNode;
  disabled?: boolean;
  /** Defaults to `${id}` for the first item and `${id}-<position>` for the rest (GOV.UK). */
  id?: string;
  /**
   * Questions that only apply to this answer (GOV.UK conditional reveal). Without JavaScript they are
   * shown under the answer; components.css hides them while the answer is not chosen, and the server
   * ignores them for any other answer (lib/domain/forms/conditional-fields.ts).
   */
  conditional?: ReactNode;
}

/** A text divider between options, usually "or". */
export interface RadioDivider {
  divider: string;
}

export interface RadiosProps extends FieldBaseProps {
  items: ReadonlyArray<RadioOption | RadioDivider>;
  /** The checked value, from FormState.values. */
  defaultValue?: string;
  /** Side by side; only for 2 short options (e.g. Yes / No). */
  inline?: boolean;
  small?: boolean;
}

function isDivider(item: RadioOption | RadioDivider): item is RadioDivider {
  return "divider" in item;
}

/**
 * GOV.UK radios in a fieldset whose legend is `label`. The first radio's id is the field id, so an
 * error summary link `#<name>` focuses it.
 */
export function Radios({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  formGroupClassName,
  items,
  defaultValue,
  inline,
  small,
}: RadiosProps) {
  const { hintId, errorId } = hintAndErrorIds(id, hint, error);
  return (
    <FormGroup hasError={errorId !== undefined} className={formGroupClassName}>
      <Fieldset legend={label} legendSize={labelSize} isPageHeading={isPageHeading} describedBy={describedBy(hintId, errorId)}>
        {hintId && <Hint id={hintId}>{hint}</Hint>}
        {errorId && error && <ErrorMessage id={errorId} message={error} />}
        <div
          className={classNames("govuk-radios", inline && "govuk-radios--inline", small && "govuk-radios--small")}
          data-module="govuk-radios"
        >
          {items.map((item, index) => {
            if (isDivider(item)) {
              return (
                <div key={`divider-${index}`} className="govuk-radios__divider">
                  {item.divider}
                </div>
              );
            }
            const itemId = item.id ?? (index === 0 ? id : `${id}-${index + 1}`);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            const conditionalId = item.conditional ? `conditional-${itemId}` : undefined;
            const radio = (
              <div key={item.value} className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={itemId}
                  name={name}
                  type="radio"
                  value={item.value}
                  defaultChecked={defaultValue !== undefined && item.value === defaultValue}
                  disabled={item.disabled}
                  aria-describedby={itemHintId}
                  aria-controls={conditionalId}
                />
                <Label htmlFor={itemId} className="govuk-radios__label">
                  {item.text}
                </Label>
                {itemHintId && (
                  <Hint id={itemHintId} className="govuk-radios__hint">
                    {item.hint}
                  </Hint>
                )}
              </div>
            );
            return conditionalId ? (
              <Fragment key={item.value}>
                {radio}
                <div className="govuk-radios__conditional" id={conditionalId}>
                  {item.conditional}
                </div>
              </Fragment>
            ) : (
              radio
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
