export interface ErrorMessageProps {
  id: string;
  message: string;
}

/**
 * GOV.UK error message. The visually hidden "Error:" prefix tells screen reader users that the
 * text is an error, not a hint, because the red styling is not announced.
 */
export function ErrorMessage({ id, message }: ErrorMessageProps) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}
