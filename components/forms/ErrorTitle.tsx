"use client";

import { useEffect } from "react";

/** GOV.UK error pattern: while a form shows errors the page title starts "Error: " (UX-03). */
export function ErrorTitle({ hasErrors }: { hasErrors: boolean }) {
  useEffect(() => {
    const base = document.title.replace(/^Error: /, "");
    document.title = hasErrors ? `Error: ${base}` : base;
  }, [hasErrors]);
  return null;
}
