import type { IsoDate } from "@/lib/calendar/index";
import type { CaseState } from "@/lib/db/prisma";
import { reasonLabel } from "../reasons";
import { CaseStory } from "./case-story";
import type { DemoSiteKey } from "./people";
import { ch3, glasgow, leeds, mobile, workCoach } from "./story-steps";
import type { ClaimantSpec, DemoWorld } from "./world";

/** Route 2, the PRaP single referral to SES P2 National (Ch3, from September 2017). */
export function singleReferralCases(world: DemoWorld): void {
  const open2017 = (spec: {
    key: string;
    site: DemoSiteKey;
    state: CaseState;
    k: number;
    claimant: ClaimantSpec;
    adviser: string;
    adviserIndex: number;
    regime: "uc" | "non_uc";
  }) => {
    const referralDate = world.ago(spec.k, spec.site);
    const story = new CaseStory(world, {
      key: spec.key,
      site: spec.site,
      route: "prap_single",
      ruleset: "ses_2017",
      initialState: "referred",
      expectedState: spec.state,
      claimant: spec.claimant,
      createdBy: spec.site === "leeds" ? "caseworker" : "caseworkerGlasgow",
      createdOn: referralDate,
      createdTime: "10:40",
    });
    story.set({ referralDate, referralReceivedOn: referralDate, warmHandoverOn: referralDate });
    // 3.05: the DEA's phone number and email, taken on the Warm Handover call (needed at exit)
    story.contact("disability_employment_adviser", workCoach(spec.site, spec.adviser, spec.adviserIndex + 20), referralDate, "10:45", "Warm Handover call (3.05)");
    // 3.06: referral to the "SES P2 National" opportunity
    const referral = story.prapReferral("ses_p2_national", spec.regime, referralDate, referralDate, "10:50");
    return { story, referral };
  };

  // 3.06: accept the referral in PRaP
  const accept2017 = (story: CaseStory, referral: string, on: IsoDate) => story.acceptReferral(referral, on, "11:20");

  // 3.07: the start date is entered in PRaP before working with the customer
  const start2017 = (story: CaseStory, referral: string, on: IsoDate) => story.start(referral, on, "09:00");

  {
    // Referred two working days ago; welcome call due within 5 working days (3.07). Unassigned.
    open2017({
      key: "s17-referred",
      site: "leeds",
      state: "referred",
      k: 2,
      adviser: "Joanne Sykes",
      adviserIndex: 1,
      regime: "uc",
      claimant: {
        title: "Ms",
        forename: "Sophie",
        surname: "Lumb",
        address: leeds("21 Beckside Mews", "LS12 3HN", "Armley"),
        telephone: mobile(117),
        ch3: ch3("Office administration", "Part-time admin near home", "16 to 20 hours a week", { disadvantaged: false }),
      },
    });
  }

  {
    // Accepted; welcome call made after one unanswered attempt.
    const { story, referral } = open2017({
      key: "s17-accepted",
      site: "leeds",
      state: "accepted",
      k: 8,
      adviser: "Joanne Sykes",
      adviserIndex: 1,
      regime: "non_uc",
      claimant: {
        title: "Mr",
        forename: "Adebayo",
        surname: "Ogunleye",
        address: leeds("70 Tannery Close", "LS11 6RU", "Holbeck"),
        telephone: mobile(118),
        ch3: ch3("Security officer", "Night or weekend shifts", "Full time", { disadvantaged: true }),
        qualifications: [["Level 2", "Door Supervision", "Achieved", 2]],
      },
    });
    story.assign("caseworker", "manager", story.d(0), "15:00");
    accept2017(story, referral, story.d(1));
    story.attempt(story.d(2), "10:00", "telephone", "no_answer", "No answer; will try again tomorrow");
    story.welcomeCall(story.d(3), "11:30", story.d(9), "Prefers a ground-floor room (knee injury)");
  }

  {
    // Started within 20 working days (3.07).
    const { story, referral } = open2017({
      key: "s17-started",
      site: "leeds",
      state: "started",
      k: 26,
      adviser: "Philip Greaves",
      adviserIndex: 2,
      regime: "uc",
      claimant: {
        title: "Mr",
        forename: "Michael",
        surname: "Dinsdale",
        address: leeds("4 Aire Bank Terrace", "LS10 1PY", "Hunslet"),
        telephone: mobile(119),
        ch3: ch3("Grounds maintenance", "Outdoor work", "Up to 30 hours a week"),
        jobs: [["Gardener, council parks", 6, 3]],
      },
    });
    story.assign("caseworker", "caseworker", story.d(0), "11:00");
    accept2017(story, referral, story.d(1));
    story.welcomeCall(story.d(2), "14:00", story.d(12));
    start2017(story, referral, story.d(12));
  }

  {
    // Glasgow, left early after finding work: Customer Exit Tracker Document (3.16).
    const { story, referral } = open2017({
      key: "s17-left-early",
      site: "glasgow",
      state: "left_early",
      k: 60,
      adviser: "Lorna Baird",
      adviserIndex: 1,
      regime: "uc",
      claimant: {
        title: "Miss",
        forename: "Mhairi",
        surname: "Docherty",
        address: glasgow("39 Carntyne Loan", "G32 6QU", "Carntyne"),
        telephone: mobile(120),
        ch3: ch3("Retail", "Supermarket or shop floor", "20 to 30 hours a week"),
        jobs: [["Sales assistant", 4, 2]],
      },
    });
    story.assign("caseworkerGlasgow", "caseworkerGlasgow", story.d(0), "11:00");
    accept2017(story, referral, story.d(0));
    story.welcomeCall(story.d(4), "10:30", story.d(15));
    start2017(story, referral, story.d(15));
    const leftOn = world.ago(5, "glasgow");
    story.set({ endedOn: leftOn });
    story.uc452Part("part_8a", { leavingOn: leftOn, reason: reasonLabel("early_leaving:found_work") }, leftOn, "14:30", "customer-exit-tracker-2017");
    story.prapStatus(referral, "left_early", leftOn, "14:40");
    // The Customer Exit Tracker is composed but not yet sent to the DEA: its exit notice is overdue (3.05, 3.16).
    story.closeWith("found_work", "left_early", leftOn, "14:41", "Started work as a sales assistant (20 hours a week); exit tracker to send to the DEA.");
  }

  {
    // Glasgow, accepted; start due in 2 working days (at risk); welcome call was a day late.
    const { story, referral } = open2017({
      key: "s17-glasgow-at-risk",
      site: "glasgow",
      state: "accepted",
      k: 18,
      adviser: "Lorna Baird",
      adviserIndex: 1,
      regime: "non_uc",
      claimant: {
        title: "Mr",
        forename: "Connor",
        surname: "Quinn",
        address: glasgow("3 Shettleston Brae", "G32 7QJ", "Shettleston"),
        telephone: mobile(121),
        ch3: ch3("Bus driver", "Public transport", "Full time", { vulnerable: true }),
        qualifications: [["SQA Higher", "Mathematics", "Grade C", 9]],
      },
    });
    story.assign("caseworkerGlasgow", "caseworkerGlasgow", story.d(0), "11:45");
    accept2017(story, referral, story.d(1));
    story.welcomeCall(story.d(6), "15:00");
    story.note(story.d(10), "10:10", "Start date agreed for next week; customer asked for a morning start.");
  }

  {
    // Glasgow, referred, unassigned; two failed attempts and the welcome call is overdue (3.07, 3.08).
    const { story } = open2017({
      key: "s17-glasgow-referred",
      site: "glasgow",
      state: "referred",
      k: 7,
      adviser: "Ewan Gillespie",
      adviserIndex: 2,
      regime: "uc",
      claimant: {
        title: "Mrs",
        forename: "Kirsty",
        surname: "Menzies",
        address: glasgow("11 Budhill Gardens", "G32 0PY", "Shettleston"),
        telephone: mobile(122),
        ch3: ch3("Childcare", "Nursery or after-school club", "School hours"),
      },
    });
    story.attempt(story.d(2), "10:15", "telephone", "no_answer", "No answer");
    story.attempt(story.d(4), "14:20", "telephone", "message_left", "Voicemail left asking the customer to call back");
  }
}
