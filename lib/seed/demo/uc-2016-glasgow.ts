import { acknowledge, glasgow, mobile, openChapter13Case, STANDARD_UCPR1 } from "./story-steps";
import type { DemoWorld } from "./world";

/**
 * The 2016 two-stage route in Glasgow (Scottish calendar). It was a non-UC two-stage case until that
 * invented ruleset was withdrawn (docs/decisions/0009-rulesets-by-referral-date.md): a purchase
 * order starting 1 never runs the two-stage process (13.06, 13.16), so this claimant is on UC.
 */
export function ucTwoStageGlasgowCases(world: DemoWorld): void {
  {
    // Accepted; start target passed yesterday: overdue (Scottish calendar, 13.13).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "glasgow-uc-accepted-overdue",
      site: "glasgow",
      state: "accepted",
      k: 21,
      workCoachName: "Euan Struthers",
      workCoachIndex: 2,
      claimant: {
        title: "Ms",
        forename: "Ailsa",
        surname: "Lindsay",
        address: glasgow("6 Tollcross Wynd", "G32 8LQ", "Tollcross"),
        telephone: mobile(116),
        qualifications: [["SVQ Level 2", "Hospitality", "Achieved", 8]],
      },
    });
    story.assign("caseworkerGlasgow", "caseworkerGlasgow", story.d(0), "10:50");
    acknowledge(story, iaReferral, story.d(0));
    story.formsReceived(story.d(3), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(3), "10:40", story.d(8), "10:30");
    story.holdInitialAssessment(story.d(8), "recommended", {
      strand: "sesmp",
      anticipatedStartOn: story.d(19),
      anticipatedEndOn: world.workingDays(story.d(19), 130, "glasgow"),
    });
    const strandReferral = story.prapReferral("sesmp", "uc", story.d(12), story.d(12), "09:30");
    story.acceptReferral(strandReferral, story.d(13), "09:50", { strand: "sesmp" });
  }
}
