"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation to a new page, focus goes to the page's heading, as a full page
 * load would announce it (WCAG 2.4.3; GOV.UK: a new page starts at the top). Only when the path
 * changes: a sort link or a form that redisplays with errors keeps its own focus (the error summary
 * takes it). Not on the first load, where the browser starts at the top and the skip link comes first.
 * A success notification banner, when there is one, is what a page says first, so it gets focus.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef<string | null>(null);
  useEffect(() => {
    const first = previous.current === null;
    previous.current = pathname;
    if (first) return;
    const main = document.getElementById("main-content");
    const target = main?.querySelector<HTMLElement>(".govuk-notification-banner--success") ?? main?.querySelector<HTMLElement>("h1");
    if (!target || target.contains(document.activeElement)) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }, [pathname]);
  return null;
}
