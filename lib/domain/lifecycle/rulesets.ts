/**
 * Per ruleset: which PRaP process its referrals follow and which chapter of the guidance it cites
 * (docs/rules/states.md). Ch13 "13.x" is the 2016 guidance, Ch3 "3.x" the 2017 guidance; a row
 * shared by both cites both, and a case quotes the paragraphs of its own chapter.
 *
 * Adding a ruleset: add it here (its PRaP process and chapter) and to the `rulesets` of the step
 * transitions it shares (lib/domain/lifecycle/steps/); add transitions only where it differs.
 */
import { formatLongDate, type IsoDate } from "../../calendar/iso-date";
import type { CaseRoute } from "../case-labels";
import type { Ruleset } from "../deadlines";
import type { PurchaseOrderRegime } from "../identifiers";

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
  ses_2017: { prapRoute: "prap_single", chapter: "3", startDateBeforeAnyWork: true },
};

export const RULESETS_2016: readonly Ruleset[] = ["ses_2016_uc"];
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

// ─── Which ruleset a PRaP referral follows (docs/rules/rulesets.md, "How the ruleset is chosen") ───

/** Ch3 (v1.0, September 2017) is "nationally effective from September 2017" (3.01). */
export const CHAPTER_3_FROM: IsoDate = "2017-09-01";

/**
 * One period of the guidance: referrals made from `from` (inclusive) up to the next period's
 * `from`, with a purchase order of `regime` (or either), follow `ruleset`. THE table the intake
 * reads, in date order. Later guidance (for example "Stage 3") is added as a new row here plus
 * its RULESET_LIFECYCLE entry and its clocks and steps — never by guessing what it says
 * (docs/rules/rulesets.md, "New rulesets").
 */
export interface RulesetPeriod {
  from: IsoDate;
  regime: PurchaseOrderRegime | "any";
  ruleset: Ruleset;
  /** Why, in plain words, completing "This referral follows … because …". */
  because: string;
  paragraphs: readonly string[];
}

export const RULESET_PERIODS: readonly RulesetPeriod[] = [
  {
    from: "2015-01-01",
    regime: "uc",
    ruleset: "ses_2016_uc",
    because: "it was made before 1 September 2017 and its purchase order starts with 2 (Universal Credit), so Chapter 13’s two-stage process applies",
    paragraphs: ["13.06", "13.16"],
  },
  {
    from: "2015-01-01",
    regime: "non_uc",
    ruleset: "ses_2017",
    because:
      "it was made before 1 September 2017 with a purchase order starting 1 (another benefit); Chapter 13 describes no process for other benefits, so the single PRaP process applies (docs/decisions/0009-rulesets-by-referral-date.md)",
    paragraphs: ["13.06", "13.16"],
  },
  {
    from: CHAPTER_3_FROM,
    regime: "any",
    ruleset: "ses_2017",
    because: "it was made on or after 1 September 2017, when Chapter 3’s single referral process became effective for every PRaP referral",
    paragraphs: ["3.01", "3.06"],
  },
];

export interface DerivedRuleset {
  ruleset: Ruleset;
  route: Extract<CaseRoute, "prap_two_stage" | "prap_single">;
  /** Plain words: "Referral date 3 October 2016 and purchase order 2…: …". */
  why: string;
  paragraphs: readonly string[];
}

/** The ruleset a PRaP referral follows from its referral date and purchase order regime (13.06, 13.16, 3.01). */
export function deriveRuleset(referralDate: IsoDate, regime: PurchaseOrderRegime): DerivedRuleset {
  const period = [...RULESET_PERIODS]
    .filter((row) => row.from <= referralDate && (row.regime === "any" || row.regime === regime))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .at(-1);
  if (!period) throw new RangeError(`No ruleset covers a referral dated ${referralDate}`);
  const po = regime === "uc" ? "2" : "1";
  return {
    ruleset: period.ruleset,
    route: RULESET_LIFECYCLE[period.ruleset].prapRoute,
    why: `Referral date ${formatLongDate(referralDate)}, purchase order starting ${po}: ${period.because}.`,
    paragraphs: period.paragraphs,
  };
}

/** The ruleset a route runs under, when a caseworker chooses the route (an override, with a reason). */
export function rulesetOfRoute(route: Extract<CaseRoute, "prap_two_stage" | "prap_single">): Ruleset {
  return route === "prap_two_stage" ? "ses_2016_uc" : "ses_2017";
}

/**
 * 13.06, 13.16: a purchase order starting 1 is a non-UC referral and one starting 2 a UC
 * referral. The two-stage process is Chapter 13's Universal Credit process, so a `1…` purchase
 * order on it — or a `2…` where the referral is said to be for another benefit — is a mistyped
 * number or a wrong route: refused, never saved silently. Null when they agree.
 */
export function purchaseOrderRouteProblem(input: {
  regime: PurchaseOrderRegime;
  route: Extract<CaseRoute, "prap_two_stage" | "prap_single">;
  benefit: PurchaseOrderRegime | null;
}): string | null {
  if (input.benefit !== null && input.benefit !== input.regime) {
    return input.benefit === "non_uc"
      ? "Purchase order starts with 2, which is a Universal Credit referral, but the referral is for another benefit: check the purchase order number (13.06, 13.16)"
      : "Purchase order starts with 1, which is a referral for another benefit, but the referral is for Universal Credit: check the purchase order number (13.06, 13.16)";
  }
  if (input.route === "prap_two_stage" && input.regime === "non_uc") {
    return "Purchase order starts with 1, which is a referral for another benefit: the two-stage process is for Universal Credit referrals, whose purchase orders start with 2 (13.06, 13.16)";
  }
  return null;
}
