import type { IsoDate } from "../../../calendar/iso-date";
import { defineStep } from "../step";
import { transition } from "../transition";

/** SESSRO1 Part 3 complete: eligible and suitable, and the provision is not full (13.44–13.47, 3.23–3.25). */
export const acceptIntroduction = defineStep<{ metOn: IsoDate }>()({
  action: "accept_introduction",
  label: "Accept the introduction",
  permission: "update:case:any",
  transitions: [
    transition("introduction.accept", {
      from: ["introduced"],
      to: "introduction_accepted",
      paragraphs: ["13.44", "13.47", "3.23", "3.25"],
      requires: ["provision_not_full"],
      description: "Eligible and suitable at the first meeting and the provision is not full: the provider must accept.",
    }),
  ],
  checkInput: (input, checks) => checks.pastOnly(input.metOn, "metOn", "The date of the first meeting"),
  // Recorded on the SESSRO1 first-meeting page (app/(signed-in)/cases/[caseId]/sro).
  page: null,
});
