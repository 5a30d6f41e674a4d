/**
 * English for the messages the domain writes (clock explanations, lifecycle refusals): counts
 * with their noun, and lists joined the way a sentence joins them.
 */

/** "1 hour", "3 hours"; "1 attempt is", "2 attempts are" with an explicit plural. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "a", "a and b", "a, b or c". */
export function listInEnglish(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
