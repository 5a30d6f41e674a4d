"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** "Print" opens the browser's print dialog; without JavaScript it is not shown and the page says how to print. */
export function PrintButton() {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  if (!hydrated) return null;
  return (
    <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => window.print()}>
      Print
    </button>
  );
}
