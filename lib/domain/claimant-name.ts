/** A claimant's name as the case pages, forms and print views show it: title, forename, surname — whichever are recorded. */
export function claimantDisplayName(claimant: { title?: string | null; forename: string; surname: string }): string {
  return [claimant.title, claimant.forename, claimant.surname].filter(Boolean).join(" ");
}
