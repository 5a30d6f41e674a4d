import { defineStep } from "../step";
import { businessDate, stepForm } from "../step-form";
import { refuse, transition } from "../transition";

/** 13.26–13.27: the Work Coach's second referral, to the strand, is acknowledged and accepted in PRaP. */
export const acceptStrandReferral = defineStep()({
  action: "accept_strand_referral",
  label: "Accept the strand referral",
  permission: "update:case:any",
  prapVerb: "accepted",
  transitions: [
    transition("two_stage.accept_strand_referral", {
      from: ["recommended"],
      to: "accepted",
      paragraphs: ["13.26", "13.27"],
      requires: ["strand_referral_received"],
      prap: { referral: "strand", status: "accepted" },
      description: "The Work Coach's second referral, to the strand, is acknowledged and accepted in PRaP.",
    }),
  ],
  whyNot: ({ route, hasTransitions, cite, labelOf }) => {
    if (hasTransitions || route !== "prap_single") return null;
    const p = cite(["3.06"]);
    return refuse("not_in_process", p, `In the 2017 process there is one PRaP referral, to SES P2 National: use “${labelOf("accept_referral")}” (${p})`);
  },
  page: {
    explanation: "Accept the strand referral in PRaP, then record it here.",
    form: stepForm({}, () => ({}), null, businessDate("Date you accepted the strand referral in PRaP")),
    writes: {},
  },
});
