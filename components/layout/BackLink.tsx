export interface BackLinkProps {
  href: string;
  text?: string;
}

/**
 * GOV.UK back link, to a real URL (never `javascript:history.back()`, which needs JavaScript and
 * breaks after a failed POST). Place it before <main>, in the width container.
 */
export function BackLink({ href, text = "Back" }: BackLinkProps) {
  return (
    <a href={href} className="govuk-back-link">
      {text}
    </a>
  );
}
