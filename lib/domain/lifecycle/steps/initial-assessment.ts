import type { CaseState } from "../../case-states";

/**
 * Where the Initial Assessment's outcome (recommended or not suitable) can be recorded from. On the
 * UC route from "acknowledged" too: the IA date was agreed on the Warm Handover call (13.15), and an
 * SRO-introduced claimant was assessed at the first meeting, before JCP's referral (13.45). A
 * clerical SCR case is assessed as an electronic referral is, after SL2 page 1 goes back (13.56, 3.31).
 */
export const ASSESSMENT_OUTCOME_FROM: { readonly twoStage: readonly CaseState[]; readonly clerical: readonly CaseState[] } = {
  twoStage: ["acknowledged", "assessment_booked"],
  clerical: ["referred", "assessment_booked"],
};

export const CLERICAL_ASSESSMENT_PARAGRAPHS: readonly string[] = ["13.56", "3.31"];
