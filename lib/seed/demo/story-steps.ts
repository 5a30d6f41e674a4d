import type { IsoDate } from "@/lib/calendar/index";
import type { CaseState, RestrictionTier } from "@/lib/db/prisma";
import { CaseStory, type Ucpr1Content } from "./case-story";
import { siteOf, type DemoSiteKey, type DemoUserKey } from "./people";
import type { ClaimantSpec, DemoWorld, PersonDetails } from "./world";

/** Steps shared by the routes' stories: the people and paper of a referral, told the same way each time. */

export function ucpr1(jobAims: string, jobPreferences: string, preferredHours: string, specialArrangements: string): Ucpr1Content {
  return {
    jobAims,
    jobPreferences,
    preferredHours,
    availabilityRestrictions: "None agreed with JCP",
    specialArrangements,
    // Complex needs are recorded without describing any condition (13.61, 13.62)
    complexNeeds: "See UC452; discuss at the Initial Assessment",
  };
}

export function workCoach(site: DemoSiteKey, name: string, n: number): PersonDetails {
  const [forename, surname] = name.toLowerCase().split(" ");
  return {
    name,
    organisation: siteOf(site).spoc.organisation,
    phone: site === "leeds" ? `0113 496 0${String(300 + n)}` : `0141 496 0${String(300 + n)}`,
    email: `${forename}.${surname}@jobcentre.example.test`,
  };
}

export function mobile(n: number): string {
  return `07700 900${String(n).padStart(3, "0")}`;
}

export function leeds(line1: string, postcode: string, line2?: string) {
  return { line1, line2, town: "Leeds", postcode };
}

export function glasgow(line1: string, postcode: string, line2?: string) {
  return { line1, line2, town: "Glasgow", postcode };
}

/** The opening common to every Chapter 13 PRaP case: Warm Handover, then the IA referral (13.11–13.18). */
export function openChapter13Case(
  world: DemoWorld,
  spec: {
    key: string;
    site: DemoSiteKey;
    state: CaseState;
    k: number;
    claimant: ClaimantSpec;
    workCoachName: string;
    workCoachIndex: number;
    restrictionTier?: RestrictionTier;
    iaAfter?: number;
  },
): { story: CaseStory; iaReferral: string } {
  const site = spec.site;
  const referralDate = world.ago(spec.k, site);
  const createdBy: DemoUserKey = site === "leeds" ? "caseworker" : "caseworkerGlasgow";
  const story = new CaseStory(world, {
    key: spec.key,
    site,
    route: "prap_two_stage",
    ruleset: "ses_2016_uc",
    restrictionTier: spec.restrictionTier,
    initialState: "referred",
    expectedState: spec.state,
    claimant: spec.claimant,
    createdBy,
    createdOn: referralDate,
    createdTime: "10:15",
  });
  story.set({ referralDate, referralReceivedOn: referralDate, warmHandoverOn: referralDate, initialAssessmentOn: world.workingDays(referralDate, spec.iaAfter ?? 7, site) });
  // 13.11: the Work Coach's details, taken on the Warm Handover call with the claimant present
  story.contact("work_coach", workCoach(site, spec.workCoachName, spec.workCoachIndex), referralDate, "10:20", "Warm Handover call (13.11)");
  const iaReferral = story.prapReferral("ia_opportunity", "uc", referralDate, referralDate, "10:30");
  return { story, iaReferral };
}

export function acknowledge(story: CaseStory, iaReferral: string, on: IsoDate): void {
  // 13.18: acknowledge the IA referral in PRaP
  story.prapStatus(iaReferral, "acknowledged", on, "11:00");
  story.transition("acknowledged", on, "11:01");
}

export const STANDARD_UCPR1 = ucpr1(
  "Return to warehouse or stores work",
  "Day shifts, close to home",
  "Up to 25 hours a week",
  "Ground-floor room; extra time to read documents",
);

/** The Ch3 additions to the referral (3.33): the customer's aims, preferences and hours. */
export function ch3(aims: string, jobPreferences: string, preferredHours: string, extra: { vulnerable?: boolean; disadvantaged?: boolean } = {}) {
  return {
    aims,
    jobPreferences,
    preferredHours,
    claimPattern: "Monthly",
    availabilityRestrictions: "None agreed with JCP",
    ...extra,
  };
}
