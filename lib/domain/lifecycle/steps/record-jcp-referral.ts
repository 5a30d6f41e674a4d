import type { IsoDate } from "../../../calendar/iso-date";
import { defineStep } from "../step";
import { transition } from "../transition";

/** JCP's PRaP referral after the SESSRO1 copy arrived: from here the case follows its ruleset's PRaP process (13.49, 3.27). */
export const recordJcpReferral = defineStep<{ referralDate: IsoDate }>()({
  action: "record_jcp_referral",
  label: "Record JCP’s PRaP referral",
  permission: "update:case:any",
  transitions: [
    transition("introduction.jcp_referral", {
      from: ["introduction_accepted"],
      to: "referred",
      paragraphs: ["13.49", "3.27"],
      description: "JCP received the SESSRO1 copy and made the PRaP referral; from here the case follows its ruleset's PRaP process.",
    }),
  ],
  checkInput: (input, checks) => checks.pastOnly(input.referralDate, "referralDate", "The referral date"),
  // Recorded on the SESSRO1 JCP-referral page.
  page: null,
});
