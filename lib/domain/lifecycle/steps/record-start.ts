import { formatLongDate, type IsoDate } from "../../../calendar/iso-date";
import { personWord, RULESET_LIFECYCLE } from "../rulesets";
import { lifecycleRouteOf } from "../snapshot";
import { defineStep } from "../step";
import { BEFORE_ACCEPTANCE } from "../step-refusals";
import { dateField, stepForm } from "../step-form";
import { NOTHING, refuse, transition } from "../transition";

/** Start fully on provision (attachment): 13.13, 3.07; for an SCR case, initial engagement (13.74, 3.40). */
export const recordStart = defineStep<{ startedOn: IsoDate }>()({
  action: "record_start",
  label: "Record the start date",
  permission: "update:case:any",
  transitions: [
    transition("two_stage.start", {
      from: ["accepted"],
      to: "started",
      paragraphs: ["13.13"],
      prap: { referral: "strand", status: "started" },
      description: "Start fully on provision (attachment); the 20-working-day target runs from the IA referral.",
    }),
    transition("single.start", {
      from: ["accepted"],
      to: "started",
      paragraphs: ["3.07"],
      prap: { referral: "single", status: "started" },
      description: "Enter the start date in PRaP before any work with the customer; start within 20 working days.",
    }),
    transition("clerical.start", {
      // No acceptance step exists for SCR cases: provider action starts at initial engagement.
      from: ["referred", "assessment_booked", "recommended"],
      to: "started",
      paragraphs: ["13.74", "3.40"],
      description: "Initial engagement, when the attachment fee is claimed.",
    }),
  ],
  whyNot: ({ snapshot, route, isPrap, cite, person }) => {
    if (!isPrap || !BEFORE_ACCEPTANCE.has(snapshot.state)) return null;
    if (route === "prap_two_stage") {
      const p = cite(["13.26", "13.27"]);
      return refuse("not_accepted", p, `The ${person(false)} cannot start until the strand referral has been accepted in PRaP (${p})`);
    }
    const p = cite(["3.06", "3.07"]);
    return refuse("not_accepted", p, `Accept the referral in PRaP before recording the start date (${p})`);
  },
  checkInput: (input, checks) => {
    const { snapshot, route, context, p } = checks;
    const futureHint = `: record it on the day the ${personWord(snapshot.ruleset, true)} starts, or later`;
    const startedOn = checks.past(input.startedOn, "startedOn", "The start date", futureHint);
    if (typeof startedOn !== "string") return startedOn;
    const early = checks.notBefore(startedOn, snapshot.referralDate, "startedOn", "The start date", checks.referralBoundLabel);
    if (early) return early;
    if (RULESET_LIFECYCLE[snapshot.ruleset].startDateBeforeAnyWork && route !== "scr_clerical" && startedOn < context.today) {
      return {
        flags: ["start_recorded_after_start_date"],
        warnings: [
          `The start date, ${formatLongDate(startedOn)}, is before today: the start date must be entered in PRaP before any work with the customer, so check none was done before it was entered (${p})`,
        ],
      };
    }
    return NOTHING;
  },
  page: {
    explanation: "Record the date the person started on the provision, as entered in PRaP.",
    form: stepForm(
      { startedOn: dateField("Start date", { hint: ({ ruleset }) => `The date the ${personWord(ruleset, true)} started on the provision.` }) },
      ({ startedOn }) => ({ startedOn }),
    ),
    writes: {
      // 13.74, 3.40: an SCR case starts at initial engagement, which is also the first meeting, so
      // recording it meets the meeting clock when no earlier meeting was recorded
      // (docs/rules/restricted-cases.md "SCR lifecycle").
      case: ({ startedOn }, _now, snapshot) => ({
        dates: lifecycleRouteOf(snapshot) === "scr_clerical" && !snapshot.firstMetOn ? { startedOn, firstMetOn: startedOn } : { startedOn },
      }),
      audit: ({ startedOn }) => ({ startedOn }),
    },
  },
});
