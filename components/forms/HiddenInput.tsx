export interface HiddenInputProps {
  name: string;
  value: string;
}

/**
 * A hidden field, e.g. the record `version` for optimistic concurrency. Never put anything here
 * that decides scope or permission (AC-05): the server takes those from the session.
 */
export function HiddenInput({ name, value }: HiddenInputProps) {
  return <input type="hidden" name={name} value={value} />;
}
