/**
 * The intake's offer to attach JCP's referral to an open SRO introduction (13.49, 3.27): the field
 * error's key is `${ATTACH_TO_INTRODUCTION_FIELD}:${caseId}`, so the form can link to the
 * introduction and the error summary to the offer, with no other channel between them.
 */
export const ATTACH_TO_INTRODUCTION_FIELD = "attachToIntroduction";

/** The introduction's case id in an intake's field errors, if the intake offered one. */
export function introductionOffered(fieldErrors: Readonly<Record<string, string>>): { key: string; caseId: string } | null {
  const key = Object.keys(fieldErrors).find((name) => name.startsWith(`${ATTACH_TO_INTRODUCTION_FIELD}:`));
  if (!key) return null;
  const caseId = key.slice(ATTACH_TO_INTRODUCTION_FIELD.length + 1);
  return /^[0-9a-f-]{36}$/.test(caseId) ? { key, caseId } : null;
}
