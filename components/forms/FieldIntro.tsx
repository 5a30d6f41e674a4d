import type { ReactNode } from "react";
import { ErrorMessage } from "./ErrorMessage";
import { headingSize, type LabelSize } from "./field-types";
import { Hint } from "./Hint";
import { Label } from "./Label";

/**
 * What comes before a single control in the GOV.UK pattern, in order: its label (the page heading
 * when asked), its hint and its error message, with the ids the control's aria-describedby names.
 */
export function FieldIntro({
  id,
  label,
  labelSize,
  isPageHeading,
  hint,
  hintId,
  error,
  errorId,
}: {
  id: string;
  label: string;
  labelSize?: LabelSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  hintId: string | undefined;
  error?: string;
  errorId: string | undefined;
}) {
  return (
    <>
      <Label htmlFor={id} size={headingSize(labelSize, isPageHeading)} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hintId && <Hint id={hintId}>{hint}</Hint>}
      {errorId && error && <ErrorMessage id={errorId} message={error} />}
    </>
  );
}
