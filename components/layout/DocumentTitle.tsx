export const SERVICE_NAME = "SES Casework";

/** "Users – SES Casework": the page's own words first, then the service (GOV.UK page titles). */
export function documentTitle(pageTitle: string): string {
  return `${pageTitle} – ${SERVICE_NAME}`;
}

/**
 * The document <title>, rendered inside the page's own tree (React hoists it into <head>).
 *
 * Why not Next's `metadata`: for dynamic pages Next delivers metadata apart from the page, and on
 * a client-side navigation (every redirect from a server action) the router commits the new page
 * first and its head in a later render, so for a moment a screen reader announced a page with no
 * title (WCAG 2.4.2). A <title> in the page's tree is committed in the same render as the heading,
 * on full loads and client navigations alike. One per page: PageHeading renders it.
 */
export function DocumentTitle({ children, error }: { children: string; error?: boolean }) {
  // GOV.UK error pattern (UX-03): rendered here, not set by a script, so the prefix is there
  // without JavaScript too. A form that owns its page's heading passes its own error state.
  return <title>{`${error ? "Error: " : ""}${documentTitle(children)}`}</title>;
}
