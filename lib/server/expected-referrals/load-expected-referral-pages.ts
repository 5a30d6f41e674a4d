import { isoDateFromDb } from "@/lib/db/dates";
import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { UseCaseError } from "../use-case-error";
import { matchingExpectedReferrals } from "./attach-expected-referral";
import { countExpectedReferrals, listExpectedReferrals } from "./list-expected-referrals";

/** /referrals/expected: the open expected referrals, missing ones flagged. */
export function loadExpectedReferralsPage(user: UseCaseActor) {
  return loadPage((db, clock) => listExpectedReferrals(db, user, clock.today));
}

/** One open expected referral (its close page), or the 404 page. */
export function loadExpectedReferralPage(user: UseCaseActor, expectedReferralId: string) {
  return loadPage(async (db, clock) => {
    const ok = /^[0-9a-f-]{36}$/i.test(expectedReferralId);
    const [line] = ok ? await listExpectedReferrals(db, user, clock.today, { id: expectedReferralId }) : [];
    if (!line) throw new UseCaseError("NOT_FOUND", "That record could not be found.");
    return line;
  }, ["NOT_FOUND", "FORBIDDEN"]);
}

/** The small counts for the queue's link and the manager's dashboard. */
export function loadExpectedReferralCounts(user: UseCaseActor) {
  return loadPage((db, clock) => countExpectedReferrals(db, user, clock.today), ["NOT_FOUND", "FORBIDDEN"]);
}

/**
 * On the intake's confirmation: the expected referrals (Warm Handover calls, 3.05) this new case
 * may be the PRaP referral for. Read only for the case's recorder, as the confirmation itself.
 */
export function loadExpectedMatchesForRecordedCase(user: UseCaseActor, caseId: string) {
  return loadPage(async (db) => {
    const row = /^[0-9a-f-]{36}$/i.test(caseId)
      ? await db.case.findFirst({
          where: { id: caseId, organisationId: user.organisationId, createdById: user.id },
          select: { claimant: { select: { nino: true, forename: true, surname: true, dateOfBirth: true } } },
        })
      : null;
    if (!row) return [];
    const matches = await matchingExpectedReferrals(db, user, row.claimant);
    return matches.map((match) => ({ ...match, calledOn: isoDateFromDb(match.calledOn), dateOfBirth: match.dateOfBirth ? isoDateFromDb(match.dateOfBirth) : null }));
  });
}
