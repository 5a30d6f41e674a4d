import { defineStep } from "../step";
import { businessDate, stepForm } from "../step-form";
import { refuse, transition } from "../transition";

/** 3.06: accept the referral to SES P2 National in PRaP; and whenever the DEA/Work Coach does not agree to a rejection (3.11). */
export const acceptReferral = defineStep()({
  action: "accept_referral",
  label: "Accept the referral",
  permission: "update:case:any",
  prapVerb: "accepted",
  transitions: [
    transition("single.accept", {
      from: ["referred"],
      to: "accepted",
      paragraphs: ["3.06", "3.11"],
      prap: { referral: "single", status: "accepted" },
      description: "Accept the referral to SES P2 National in PRaP when it arrives (and whenever the DEA/Work Coach does not agree to a rejection).",
    }),
  ],
  whyNot: ({ route, hasTransitions, cite, labelOf }) => {
    if (hasTransitions || route !== "prap_two_stage") return null;
    const p = cite(["13.18", "13.27"]);
    return refuse(
      "not_in_process",
      p,
      `In the 2016 two-stage process the Initial Assessment referral is only acknowledged, and the strand referral is accepted after the assessment: use “${labelOf("accept_strand_referral")}” (${p})`,
    );
  },
  page: {
    explanation: "Accept the referral in PRaP, then record it here.",
    form: stepForm({}, () => ({}), null, businessDate("Date you accepted the referral in PRaP")),
    writes: {},
  },
});
