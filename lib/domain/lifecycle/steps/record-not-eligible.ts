import type { IsoDate } from "../../../calendar/iso-date";
import { nonEmpty } from "../input-checks";
import { defineStep } from "../step";
import { NOTHING, transition } from "../transition";

/** SESSRO1 Part 4: not eligible or not suitable, with the reason from the administrator's list (13.51, 3.29). */
export const recordNotEligible = defineStep<{ metOn: IsoDate; reasonCode: string }>()({
  action: "record_not_eligible",
  label: "Record not eligible or not suitable (SESSRO1 Part 4)",
  permission: "update:case:any",
  transitions: [
    transition("introduction.not_eligible", {
      from: ["introduced"],
      to: "not_eligible",
      paragraphs: ["13.51", "3.29"],
      description: "Not eligible or not suitable: the reason goes in SESSRO1 Part 4; tell the claimant and the SRO.",
    }),
  ],
  checkInput: (input, checks) => {
    const metOn = checks.past(input.metOn, "metOn", "The date of the first meeting");
    if (typeof metOn !== "string") return metOn;
    return nonEmpty(input.reasonCode) ? NOTHING : checks.invalid("reasonCode", "Select the reason for SESSRO1 Part 4");
  },
  // Recorded on the SESSRO1 first-meeting page.
  page: null,
});
