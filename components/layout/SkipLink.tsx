export interface SkipLinkProps {
  /** The id of the page's <main>, with '#'. */
  href?: string;
  text?: string;
}

/** GOV.UK skip link: the first focusable element on every page (UX-02). */
export function SkipLink({ href = "#main-content", text = "Skip to main content" }: SkipLinkProps) {
  return (
    <a href={href} className="govuk-skip-link" data-module="govuk-skip-link">
      {text}
    </a>
  );
}
