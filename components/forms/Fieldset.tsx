import type { ReactNode } from "react";
import { classNames } from "../class-names";
import { headingSize, type LabelSize } from "./field-types";

export interface FieldsetProps {
  /** Every fieldset has a legend: it is the question a group of controls answers. */
  legend: string;
  legendSize?: LabelSize;
  /** Puts the legend text in the page's h1 (`govuk-fieldset__heading`); size defaults to "l". */
  isPageHeading?: boolean;
  /** Space-separated ids of the hint and error message, in that order. */
  describedBy?: string;
  /** "group" for groups of text inputs (date input), so JAWS reads the description. */
  role?: "group";
  id?: string;
  className?: string;
  children: ReactNode;
}

/** GOV.UK fieldset with a legend, used alone or by Radios, Checkboxes and DateInput. */
export function Fieldset({ legend, legendSize, isPageHeading, describedBy, role, id, className, children }: FieldsetProps) {
  const size = headingSize(legendSize, isPageHeading);
  return (
    <fieldset id={id} className={classNames("govuk-fieldset", className)} role={role} aria-describedby={describedBy}>
      <legend className={classNames("govuk-fieldset__legend", size && `govuk-fieldset__legend--${size}`)}>
        {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
