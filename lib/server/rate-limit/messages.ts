const clockTime = new Intl.DateTimeFormat("en-GB", { timeStyle: "medium", timeZone: "Europe/London" });

/** What a user over the search limit is told: when they can search again (docs/security.md RL-01). */
export function tooManySearchesMessage(retryAt: Date): string {
  return `You have searched too many times in a short period. Try again after ${clockTime.format(retryAt)}.`;
}
