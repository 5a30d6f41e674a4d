import type { UseCaseActor } from "../assert-can";
import { loadPage } from "../load-page";
import { offerMfaEnrolment } from "./mfa-enrolment";

/** The set-up page (app/sign-in/two-factor/set-up): a fresh secret and QR code, or null when already set up. */
export function loadMfaEnrolmentPage(actor: UseCaseActor) {
  return loadPage((db) => offerMfaEnrolment(db, actor));
}
