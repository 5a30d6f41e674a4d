import type { CaseState } from "../../case-states";
import type { Ruleset } from "../../deadlines";
import { actionFromSlug } from "../../forms/lifecycle-forms";

/** What the user does next after a step, in plain English, with the page to do it on. */
export interface NextStep {
  text: string;
  link?: { href: string; text: string };
}

export interface NextStepContext {
  caseId: string;
  ruleset: Ruleset;
  state: CaseState;
  restrictionTier: "none" | "mappa" | "scr";
}

/**
 * The exit notice a leaver or completer needs (docs/rules/clocks.md "Exit notice"): the Customer
 * Exit Tracker to the DEA or Work Coach (3.05, 3.16), or UC452 part 8a (left early, 13.36) or 8b
 * (completed, 13.37) to the UC Service Centre (13.21). The same pages the case's exit-notice task
 * links to.
 */
function exitNotice({ caseId, ruleset, state }: NextStepContext): NextStep {
  if (ruleset === "ses_2017") {
    return {
      text: "Next, send the Customer Exit Tracker to the DEA or Work Coach by the exit notice date on the case (3.05, 3.16).",
      link: { href: `/cases/${caseId}/forms/exit-tracker`, text: "Send the Customer Exit Tracker" },
    };
  }
  const part = state === "left_early" ? "8a" : "8b";
  return {
    text: `Next, send the UC452 part ${part} to the UC Service Centre by the exit notice date on the case (13.21, ${state === "left_early" ? "13.36" : "13.37"}).`,
    link: { href: `/cases/${caseId}/forms/uc452/part_${part}/email`, text: `Send the UC452 part ${part} to the UC Service Centre` },
  };
}

/**
 * After a lifecycle step (`?done=<step slug>` on the case page), what happens next. Null for a step
 * whose next move is already the case page's "What to do next", or for an SCR case (clerical: its
 * SL2 pages say what to return, docs/decisions/0007-scr-clerical-cases.md).
 */
export function whatHappensNext(done: string, context: NextStepContext): NextStep | null {
  const action = actionFromSlug(done);
  if (action === null || context.restrictionTier === "scr") return null;
  switch (action) {
    case "record_early_leaving":
    case "record_completion":
      return exitNotice(context);
    case "record_assessment_recommended":
      return {
        text: "Next, email the UC452 part 6 to both the UC Service Centre inbox and the SES Policy inbox, one form per email (13.21).",
        link: { href: `/cases/${context.caseId}/forms/uc452/part_6/email`, text: "Email the UC452 part 6" },
      };
    case "record_assessment_not_suitable":
      return {
        text: "Next, email the UC452 part 7 to both the UC Service Centre inbox and the SES Policy inbox, with no sensitive information: give the JCP SPoC the reason by phone (13.22, 13.31).",
        link: { href: `/cases/${context.caseId}/forms/uc452/part_7/email`, text: "Email the UC452 part 7" },
      };
    case "record_start":
      return { text: "Next, support the participant on provision. When they finish or leave, record it here and send the exit notice." };
    default:
      return null;
  }
}
