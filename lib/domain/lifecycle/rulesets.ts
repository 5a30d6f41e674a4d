/**
 * Per ruleset: which PRaP process its referrals follow and which chapter of the guidance it cites
 * (docs/rules/states.md). Ch13 "13.x" is the 2016 guidance, Ch3 "3.x" the 2017 guidance; a row
 * shared by both cites both, and a case quotes the paragraphs of its own chapter.
 *
 * Adding a ruleset: add it here (its PRaP process and chapter) and to the `rulesets` of the step
 * transitions it shares (lib/domain/lifecycle/steps/); add transitions only where it differs.
 */
import type { CaseRoute } from "../case-labels";
import type { Ruleset } from "../deadlines";

export type GuidanceChapter = "13" | "3";

export interface RulesetLifecycle {
  /** The PRaP process an SRO introduction joins once JCP's referral arrives (13.49, 3.27). */
  prapRoute: Extract<CaseRoute, "prap_two_stage" | "prap_single">;
  chapter: GuidanceChapter;
  /**
   * 3.07: "You must not start working with the customer until their start date has been entered
   * in PRaP." Ch13 asks only that the start date be input and tracked (13.13).
   */
  startDateBeforeAnyWork: boolean;
}

export const RULESET_LIFECYCLE: Readonly<Record<Ruleset, RulesetLifecycle>> = {
  ses_2016_uc: { prapRoute: "prap_two_stage", chapter: "13", startDateBeforeAnyWork: false },
  ses_2016_non_uc: { prapRoute: "prap_two_stage", chapter: "13", startDateBeforeAnyWork: false },
  ses_2017: { prapRoute: "prap_single", chapter: "3", startDateBeforeAnyWork: true },
};

export const RULESETS_2016: readonly Ruleset[] = ["ses_2016_uc", "ses_2016_non_uc"];
export const RULESETS_2017: readonly Ruleset[] = ["ses_2017"];
export const ALL_RULESETS: readonly Ruleset[] = [...RULESETS_2016, ...RULESETS_2017];

export function isRuleset(value: unknown): value is Ruleset {
  return typeof value === "string" && Object.hasOwn(RULESET_LIFECYCLE, value);
}

/** The chapter a case cites decides which of a row's paragraphs it quotes. */
export function chapterOf(ruleset: Ruleset): GuidanceChapter {
  return RULESET_LIFECYCLE[ruleset].chapter;
}

/** The paragraphs of one chapter, or all of them when none belong to it. */
export function paragraphsFor(paragraphs: readonly string[], ruleset: Ruleset): string[] {
  const prefix = `${chapterOf(ruleset)}.`;
  const cited = paragraphs.filter((paragraph) => paragraph.startsWith(prefix));
  return cited.length > 0 ? cited : [...paragraphs];
}

/** "13.53, 13.74" for a 2016 case, "3.31, 3.40" for a 2017 one. */
export function cite(paragraphs: readonly string[], ruleset: Ruleset): string {
  return paragraphsFor(paragraphs, ruleset).join(", ");
}

/** Ch13 says "claimant" before the start and "participant" after; Ch3 says "customer" throughout. */
export function personWord(ruleset: Ruleset, started: boolean): string {
  if (chapterOf(ruleset) === "3") return "customer";
  return started ? "participant" : "claimant";
}
