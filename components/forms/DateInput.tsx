import { classNames } from "../class-names";
import { ErrorMessage } from "./ErrorMessage";
import { describedBy, hintAndErrorIds, type FieldBaseProps } from "./field-types";
import { Fieldset } from "./Fieldset";
import { FormGroup } from "./FormGroup";
import { Hint } from "./Hint";
import { Label } from "./Label";

export type DatePart = "day" | "month" | "year";

export interface DateParts {
  day?: string;
  month?: string;
  year?: string;
}

export interface DateInputProps extends FieldBaseProps {
  /**
   * The parts as typed (from FormState.values[`${name}-day`] etc., see `dateFieldPropsFrom`), or an
   * ISO calendar date "YYYY-MM-DD" when editing a stored date (shown as e.g. 7 3 2025).
   */
  defaultValue?: DateParts | string;
  /**
   * Which parts to mark in error. With an `error` and no parts, all three are marked (GOV.UK: "if
   * the error relates to the whole date, highlight all the fields").
   */
  errorParts?: readonly DatePart[];
  /** "bday" gives the parts autocomplete="bday-day", "bday-month" and "bday-year". */
  autoComplete?: "bday";
}

const PARTS: ReadonlyArray<{ part: DatePart; label: string; width: 2 | 4 }> = [
  { part: "day", label: "Day", width: 2 },
  { part: "month", label: "Month", width: 2 },
  { part: "year", label: "Year", width: 4 },
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsOf(value: DateParts | string | undefined): DateParts {
  if (value === undefined) return {};
  if (typeof value !== "string") return value;
  const match = ISO_DATE.exec(value);
  if (!match) return {};
  // GOV.UK shows dates as typed, without leading zeros: "27 3 2007".
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] };
}

/** The input id of each part: the day takes the field id itself, so `#<name>` error links land on it. */
export function datePartId(id: string, part: DatePart): string {
  return part === "day" ? id : `${id}-${part}`;
}

/**
 * GOV.UK date input: three text inputs named `${name}-day`, `${name}-month`, `${name}-year` in a
 * fieldset (role="group") whose legend is `label`.
 */
export function DateInput({
  name,
  id = name,
  label,
  labelSize,
  isPageHeading,
  hint,
  error,
  formGroupClassName,
  defaultValue,
  errorParts,
  autoComplete,
}: DateInputProps) {
  const { hintId, errorId } = hintAndErrorIds(id, hint, error);
  const values = partsOf(defaultValue);
  const partsInError: readonly DatePart[] =
    errorId === undefined ? [] : errorParts && errorParts.length > 0 ? errorParts : ["day", "month", "year"];
  return (
    <FormGroup hasError={errorId !== undefined} className={formGroupClassName}>
      <Fieldset
        legend={label}
        legendSize={labelSize}
        isPageHeading={isPageHeading}
        role="group"
        describedBy={describedBy(hintId, errorId)}
      >
        {hintId && <Hint id={hintId}>{hint}</Hint>}
        {errorId && error && <ErrorMessage id={errorId} message={error} />}
        <div className="govuk-date-input" id={`${id}-date-input`}>
          {PARTS.map(({ part, label: partLabel, width }) => {
            const partId = datePartId(id, part);
            return (
              <div key={part} className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <Label htmlFor={partId} className="govuk-date-input__label">
                    {partLabel}
                  </Label>
                  <input
                    className={classNames(
                      "govuk-input",
                      "govuk-date-input__input",
                      partsInError.includes(part) && "govuk-input--error",
                      `govuk-input--width-${width}`,
                    )}
                    id={partId}
                    name={`${name}-${part}`}
                    type="text"
                    defaultValue={values[part]}
                    inputMode="numeric"
                    autoComplete={autoComplete ? `${autoComplete}-${part}` : undefined}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
