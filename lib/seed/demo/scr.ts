import { isoDateToDb } from "@/lib/db/dates";
import type { CaseState, Prisma, Ruleset } from "@/lib/db/prisma";
import { seedId } from "../ids";
import { CaseStory } from "./case-story";
import { DEMO_ORGANISATION_ID, userId } from "./people";
import { leeds, mobile } from "./story-steps";
import { instant, type ClaimantSpec, type DemoWorld } from "./world";

/** Route 4, the clerical SL2 for Special Customer Records (13.52–13.57, 13.74–13.78). */
export function scrCases(world: DemoWorld): void {
  const jcpNominatedOfficer = {
    name: "Graham Tennant",
    organisation: "Jobcentre Plus (nominated officer)",
    phone: "0113 496 0404",
    email: "nominated.officer@jobcentre.example.test",
  };

  const openScr = (spec: { key: string; ruleset: Ruleset; state: CaseState; k: number; claimant: ClaimantSpec }) => {
    // docs/rules/decisions.md (SCR record and clock): the 20-day clock runs from the date the SL2
    // was received (stored as referralDate)
    const receivedOn = world.ago(spec.k, "leeds");
    const story = new CaseStory(world, {
      key: spec.key,
      site: "leeds",
      route: "scr_clerical",
      ruleset: spec.ruleset,
      restrictionTier: "scr",
      initialState: "referred",
      expectedState: spec.state,
      claimant: spec.claimant,
      createdBy: "officer",
      createdOn: receivedOn,
      createdTime: "09:20",
    });
    story.set({ referralDate: receivedOn });
    story.assign("officer", "officer", receivedOn, "09:21");
    story.contact("jcp_nominated_officer", jcpNominatedOfficer, receivedOn, "09:25", "SL2 received from the JCP nominated officer (13.54)");
    story.securePost({
      on: receivedOn,
      time: "09:30",
      direction: "received",
      document: "sl2_page_1",
      method: "Royal Mail Special Delivery (Track and Trace)",
      trackingNumber: `SD 0071 ${String(3300 + spec.k).padStart(4, "0")} 7GB`,
      counterparty: "JCP nominated officer",
    });
    const page1On = story.d(1);
    const sl2: Prisma.Sl2FormCreateManyInput = {
      id: seedId(`case:${spec.key}:sl2`),
      caseId: story.id,
      receivedOn: isoDateToDb(receivedOn),
      // 13.55: provider completes page 1 (marked "SCR participant", 13.77) and returns it; keeps pages 2 and 3
      page1CompletedOn: isoDateToDb(page1On),
      page1ReturnedOn: isoDateToDb(page1On),
      page1ReturnMethod: "Royal Mail Special Delivery (Track and Trace)",
      pages2And3Retained: true,
      createdAt: instant(receivedOn, "09:30"),
      updatedAt: instant(page1On, "15:00"),
      version: 2,
    };
    world.data.sl2Forms.push(sl2);
    story.log(page1On, "14:50", "sl2.page1_completed", { entityType: "sl2_form", entityId: sl2.id, after: { page1CompletedOn: page1On, marked: "SCR participant" } });
    story.securePost({
      on: page1On,
      time: "15:00",
      direction: "sent",
      document: "sl2_page_1",
      method: "Royal Mail Special Delivery (Track and Trace)",
      trackingNumber: `SD 0071 ${String(5500 + spec.k).padStart(4, "0")} 1GB`,
      counterparty: "JCP nominated officer",
    });
    return { story, sl2 };
  };

  {
    openScr({
      key: "scr-referred",
      ruleset: "ses_2017",
      state: "referred",
      k: 3,
      claimant: {
        title: "Mr",
        forename: "Stephen",
        surname: "Harker",
        address: leeds("Flat 2, 19 Tannery Close", "LS11 6RW", "Holbeck"),
        telephone: mobile(128),
      },
    });
  }

  {
    // Started: initial engagement, when the attachment fee is claimed (13.74); referral form returned (13.57).
    const { story, sl2 } = openScr({
      key: "scr-started",
      ruleset: "ses_2016_uc",
      state: "started",
      k: 30,
      claimant: {
        title: "Ms",
        forename: "Rebecca",
        surname: "Ingham",
        address: leeds("47 Beckside Mews", "LS12 3HP", "Armley"),
        telephone: mobile(129),
        jobs: [["Call centre adviser", 8, 5]],
      },
    });
    const heldOn = story.d(5);
    story.set({ firstMetOn: heldOn });
    world.data.initialAssessments.push({
      id: seedId(`case:${story.key}:initial-assessment`),
      caseId: story.id,
      bookedFor: instant(heldOn, "10:00"),
      venue: "Leeds Central, interview room 2",
      heldOn: isoDateToDb(heldOn),
      outcome: "recommended",
      strand: "sesmp",
      recordedById: userId("officer"),
      createdAt: instant(heldOn, "11:00"),
      updatedAt: instant(heldOn, "11:00"),
    });
    story.strand = "sesmp";
    story.log(heldOn, "11:00", "initial_assessment.recorded", { entityType: "initial_assessment", after: { heldOn, outcome: "recommended", strand: "sesmp" } });
    const startedOn = story.d(16);
    story.set({ startedOn });
    story.transition("started", startedOn, "09:30", { startedOn });
    Object.assign(sl2, {
      referralFormReturnedOn: isoDateToDb(startedOn),
      referralFormReturnMethod: "Royal Mail Special Delivery (Track and Trace)",
      updatedAt: instant(startedOn, "15:30"),
      version: 3,
    } satisfies Partial<Prisma.Sl2FormCreateManyInput>);
    story.securePost({
      on: startedOn,
      time: "15:30",
      direction: "sent",
      document: "sl2_referral_form",
      method: "Royal Mail Special Delivery (Track and Trace)",
      trackingNumber: "SD 0071 6612 3GB",
      counterparty: "JCP nominated officer",
    });
  }
}

/**
 * A caseworker's PRaP referral that came with the NINO of an SCR participant (Rebecca Ingham,
 * "scr-started"): the intake opened it restricted and unassigned, and the nominated officer sees
 * "possible duplicate of an SCR case" in the restricted queue, with both cases linked, to merge,
 * keep or close (docs/rules/restricted-cases.md). Told after every other story, so that no
 * earlier NINO or purchase order changes.
 */
export function scrPossibleDuplicateCase(world: DemoWorld): void {
  const scrCase = world.stories.find((story) => story.key === "scr-started");
  if (!scrCase) throw new Error("Demo: the SCR case a duplicate points at is missing");
  const referralDate = world.ago(1, "leeds");
  const story = new CaseStory(world, {
    key: "scr-possible-duplicate",
    site: "leeds",
    route: "prap_single",
    ruleset: "ses_2017",
    restrictionTier: "scr",
    initialState: "referred",
    expectedState: "referred",
    claimant: {
      title: "Ms",
      forename: "Rebecca",
      surname: "Ingham",
      nino: scrCase.nino,
      address: leeds("47 Beckside Mews", "LS12 3HP", "Armley"),
      telephone: mobile(129),
    },
    createdBy: "caseworker",
    createdOn: referralDate,
    createdTime: "14:10",
  });
  story.set({ referralDate, referralReceivedOn: referralDate, warmHandoverOn: referralDate });
  story.prapReferral("ses_p2_national", "uc", referralDate, referralDate, "14:12");
  const alert: Prisma.ScrDuplicateAlertCreateManyInput = {
    id: seedId(`case:${story.key}:scr-duplicate-alert`),
    organisationId: DEMO_ORGANISATION_ID,
    caseId: story.id,
    scrCaseId: scrCase.id,
    createdAt: instant(referralDate, "14:12"),
  };
  world.data.scrDuplicateAlerts.push(alert);
  story.log(referralDate, "14:12", "case.possible_scr_duplicate", { entityType: "ScrDuplicateAlert", entityId: alert.id, after: { scrCaseId: scrCase.id } });
}
