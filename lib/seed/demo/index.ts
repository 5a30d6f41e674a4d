/**
 * The demo organisation, its people and ~30 cases at every stage of every referral route
 * (docs/rules/routes.md and docs/rules/states.md). Everything is derived from one `today`:
 * business dates are counted back and forth in the working days of each site's nation
 * (referralDate = addWorkingDays(today, -k)), instants are those dates at fixed times, ids come
 * from seedId(name). So the same `today` always gives the same rows, and any `today` gives the
 * same mix on the dashboards: some cases on time, some at risk, some overdue.
 *
 * All people, streets, telephone numbers (Ofcom's drama ranges: 07700 900xxx, 0113 496 0xxx,
 * 0141 496 0xxx) and email domains (.example, .example.test) are fictional.
 *
 * This folder only builds rows (no I/O); seed-demo.ts writes them. One module per route tells
 * that route's cases (uc-2016.ts, mappa.ts, uc-2016-glasgow.ts, single-2017.ts, sro.ts, scr.ts) with
 * the steps in case-story.ts and story-steps.ts; the order they are told in fixes every NINO,
 * purchase order and case reference, so it must not change.
 */
import { mappaCases } from "./mappa";
import { scrCases, scrPossibleDuplicateCase } from "./scr";
import { singleReferralCases } from "./single-2017";
import { sroIntroductionCases, sroJcpReferralMissingCase } from "./sro";
import { ucTwoStageCases, ucTwoStageEndings } from "./uc-2016";
import { ucTwoStageGlasgowCases } from "./uc-2016-glasgow";
import { DemoWorld, type DemoContext, type DemoDataset } from "./world";

export {
  DEMO_EMAIL_DOMAIN,
  DEMO_ORGANISATION,
  DEMO_ORGANISATION_ID,
  DEMO_ORGANISATION_NAME,
  DEMO_PASSWORD,
  DEMO_SIGN_INS,
  DEMO_SITES,
  DEMO_USERS,
  siteId,
  userId,
  type DemoSignIn,
  type DemoSiteKey,
  type DemoUserKey,
} from "./people";
export { REASON_DEFINITIONS, reasonId, type ReasonDefinition, type ReasonKey } from "../reasons";
export { demoCaseId, type DemoContext, type DemoDataset } from "./world";

/** Every row of the demo, for one `today`. Pure: the same context gives the same rows. */
export function buildDemoDataset(context: DemoContext): DemoDataset {
  const world = new DemoWorld(context);
  ucTwoStageCases(world);
  ucTwoStageEndings(world);
  mappaCases(world);
  ucTwoStageGlasgowCases(world);
  singleReferralCases(world);
  sroIntroductionCases(world);
  scrCases(world);
  // Told last, so that they change no earlier NINO or purchase order.
  sroJcpReferralMissingCase(world);
  scrPossibleDuplicateCase(world);
  return world.finish();
}
