"use client";

import { useEffect, useRef, type MouseEvent } from "react";
import type { FieldErrors } from "@/lib/forms/form-state";

export interface ErrorSummaryItem {
  /** The id of the field to link to (`#<fieldId>`); for fields here it is the field name. */
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps {
  /** FormState.fieldErrors (in display order) or an explicit list. */
  errors: FieldErrors | readonly ErrorSummaryItem[];
  /** A form-level message, e.g. "This case was changed by someone else". */
  message?: string;
  title?: string;
}

function itemsOf(errors: ErrorSummaryProps["errors"]): readonly ErrorSummaryItem[] {
  if (Array.isArray(errors)) return errors as readonly ErrorSummaryItem[];
  return Object.entries(errors as FieldErrors).map(([fieldId, message]) => ({ fieldId, message }));
}

/** The label or legend that names a field, so it is scrolled into view with the field (GOV.UK). */
function questionFor(field: HTMLElement): HTMLElement {
  const legend = field.closest("fieldset")?.querySelector<HTMLElement>(":scope > legend");
  if (legend) return legend;
  const label = field.id ? document.querySelector<HTMLElement>(`label[for="${CSS.escape(field.id)}"]`) : null;
  return label ?? field;
}

/**
 * GOV.UK error summary (UX-03). It takes focus when it appears (tabIndex -1 makes it focusable
 * without joining the tab order), so screen readers announce it; each error links to `#<fieldId>`.
 * With JavaScript a link click also moves focus into the field and scrolls its question into view;
 * without it the link is a plain in-page anchor. Renders nothing when there is nothing to report.
 */
export function ErrorSummary({ errors, message, title = "There is a problem" }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const items = itemsOf(errors);
  const hasContent = items.length > 0 || Boolean(message);

  // Depends on the errors object itself: each failed submission returns a new FormState, so the
  // summary is focused again even when it stays mounted between submissions.
  useEffect(() => {
    if (hasContent) ref.current?.focus();
  }, [errors, message, hasContent]);

  if (!hasContent) return null;

  function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const field = document.getElementById(fieldId);
    if (!field) return; // let the browser follow the anchor
    event.preventDefault();
    questionFor(field).scrollIntoView();
    field.focus({ preventScroll: true });
  }

  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {message && <p>{message}</p>}
          {items.length > 0 && (
            <ul className="govuk-list govuk-error-summary__list">
              {items.map((item) => (
                <li key={`${item.fieldId}:${item.message}`}>
                  <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId)}>
                    {item.message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
