import type { IsoDate } from "../../../calendar/iso-date";
import { defineStep } from "../step";
import { transition } from "../transition";

/** Eligible and suitable, but the site's provision is full (13.47, 3.25). */
export const recordProvisionFull = defineStep<{ metOn: IsoDate }>()({
  action: "record_provision_full",
  label: "Record that the provision is full",
  permission: "update:case:any",
  transitions: [
    transition("introduction.provision_full", {
      from: ["introduced"],
      to: "provision_full",
      paragraphs: ["13.47", "3.25"],
      requires: ["provision_not_known_to_have_places"],
      description: "Eligible and suitable, but the provision is full.",
    }),
  ],
  checkInput: (input, checks) => checks.pastOnly(input.metOn, "metOn", "The date of the first meeting"),
  // Recorded on the SESSRO1 first-meeting page.
  page: null,
});
