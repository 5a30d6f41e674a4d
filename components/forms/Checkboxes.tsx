import type { ReactNode } from "react";
import { classNames } from "../class-names";
import { ErrorMessage } from "./ErrorMessage";
import { describedBy, hintAndErrorIds, type FieldBaseProps } from "./field-types";
import { Fieldset } from "./Fieldset";
import { FormGroup } from "./FormGroup";
import { Hint } from "./Hint";
import { Label } from "./Label";

export interface CheckboxOption {
  value: string;
  text: string;
  hint?: ReactNode;
  disabled?: boolean;
  /** Defaults to `${id}` for the first item and `${id}-<position>` for the rest (GOV.UK). */
  id?: string;
  /** A different field name for this box only (e.g. a standalone yes/no flag). Defaults to `name`. */
  name?: string;
}

export interface CheckboxDivider {
  divider: string;
}

export interface CheckboxesProps extends FieldBaseProps {
  items: ReadonlyArray<CheckboxOption | CheckboxDivider>;
  /**
   * The checked value(s). FormState.values holds one string per name, so a page that echoes several
   * ticked values passes them here as an array; a single string checks the one matching box.
   */
  defaultValue?: string | readonly string[];
  small?: boolean;
}

function isDivider(item: CheckboxOption | CheckboxDivider): item is CheckboxDivider {
  return "divider" in item;
}

/**
 * GOV.UK checkboxes in a fieldset whose legend is `label`. The first box's id is the field id, so an
 * error summary link `#<name>` focuses it.
 */
export function Checkboxes({
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
  small,
}: CheckboxesProps) {
  const { hintId, errorId } = hintAndErrorIds(id, hint, error);
  const checkedValues: readonly string[] =
    defaultValue === undefined ? [] : typeof defaultValue === "string" ? [defaultValue] : defaultValue;
  return (
    <FormGroup hasError={errorId !== undefined} className={formGroupClassName}>
      <Fieldset legend={label} legendSize={labelSize} isPageHeading={isPageHeading} describedBy={describedBy(hintId, errorId)}>
        {hintId && <Hint id={hintId}>{hint}</Hint>}
        {errorId && error && <ErrorMessage id={errorId} message={error} />}
        <div className={classNames("govuk-checkboxes", small && "govuk-checkboxes--small")} data-module="govuk-checkboxes">
          {items.map((item, index) => {
            if (isDivider(item)) {
              return (
                <div key={`divider-${index}`} className="govuk-checkboxes__divider">
                  {item.divider}
                </div>
              );
            }
            const itemId = item.id ?? (index === 0 ? id : `${id}-${index + 1}`);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            return (
              <div key={`${item.name ?? name}:${item.value}`} className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={itemId}
                  name={item.name ?? name}
                  type="checkbox"
                  value={item.value}
                  defaultChecked={checkedValues.includes(item.value)}
                  disabled={item.disabled}
                  aria-describedby={itemHintId}
                />
                <Label htmlFor={itemId} className="govuk-checkboxes__label">
                  {item.text}
                </Label>
                {itemHintId && (
                  <Hint id={itemHintId} className="govuk-checkboxes__hint">
                    {item.hint}
                  </Hint>
                )}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
