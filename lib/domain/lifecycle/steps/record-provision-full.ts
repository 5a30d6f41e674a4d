import type { IsoDate } from "../../../calendar/iso-date";
import { nonEmpty } from "../input-checks";
import { defineStep } from "../step";
import { NOTHING, transition } from "../transition";

/**
 * Eligible and suitable, but the site's provision is full (13.47, 3.25): the caseworker records it
 * with the date and the reason. The capacity an administrator records is a check, not a
 * precondition: when it shows places free, the step is allowed with a warning and a flag in the
 * audit row (docs/rules/routes.md route 3, "Provision full").
 */
export const recordProvisionFull = defineStep<{ metOn: IsoDate; reason: string }>()({
  action: "record_provision_full",
  label: "Record that the provision is full",
  permission: "update:case:any",
  transitions: [
    transition("introduction.provision_full", {
      from: ["introduced"],
      to: "provision_full",
      paragraphs: ["13.47", "3.25"],
      description: "Eligible and suitable, but the provision is full: the date and the reason.",
    }),
  ],
  checkInput: (input, checks) => {
    const metOn = checks.past(input.metOn, "metOn", "The date of the first meeting");
    if (typeof metOn !== "string") return metOn;
    if (!nonEmpty(input.reason)) return checks.invalid("provisionFullReason", "Enter why the provision is full");
    if (checks.snapshot.provisionFull === false) {
      return {
        flags: ["capacity_shows_places_free"],
        warnings: [`The site's recorded capacity still shows places free: check it with an administrator (${checks.p})`],
      };
    }
    return NOTHING;
  },
  // Recorded on the SESSRO1 first-meeting page.
  page: null,
});
