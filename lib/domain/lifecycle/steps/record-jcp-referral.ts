import type { IsoDate } from "../../../calendar/iso-date";
import { defineStep } from "../step";
import { transition } from "../transition";

/**
 * JCP's PRaP referral after the SESSRO1 copy arrived: from here the case follows its ruleset's PRaP
 * process (13.49, 3.27).
 * - Ch13: JCP refers "to both the Initial Assessment and the specific strand" (13.49). The first
 *   meeting was the Initial Assessment, so both referrals are attached and the case goes straight
 *   to "recommended" with its strand referral received: the next step is accepting the strand
 *   referral, with no duplicate acknowledgement, booking or assessment.
 * - Ch3: the single referral to SES P2 National (3.27), then the normal single-referral steps.
 */
export const recordJcpReferral = defineStep<{ referralDate: IsoDate }>()({
  action: "record_jcp_referral",
  label: "Record JCP’s PRaP referral",
  permission: "update:case:any",
  transitions: [
    transition("introduction_2016.jcp_referral", {
      from: ["introduction_accepted"],
      to: "recommended",
      paragraphs: ["13.49"],
      description: "JCP referred to both the Initial Assessment and the strand: both are attached and the Initial Assessment held at the first meeting is not repeated.",
    }),
    transition("introduction_2017.jcp_referral", {
      from: ["introduction_accepted"],
      to: "referred",
      paragraphs: ["3.27"],
      description: "JCP received the SESSRO1 copy and made the single PRaP referral; from here the case follows the single-referral process.",
    }),
  ],
  checkInput: (input, checks) => checks.pastOnly(input.referralDate, "referralDate", "The referral date"),
  // Recorded on the SESSRO1 JCP-referral page.
  page: null,
});
