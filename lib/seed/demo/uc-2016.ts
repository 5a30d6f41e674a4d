import { reasonLabel } from "../reasons";
import { DEMO_ORGANISATION } from "./people";
import { acknowledge, glasgow, leeds, mobile, openChapter13Case, STANDARD_UCPR1 } from "./story-steps";
import { instant, type DemoWorld } from "./world";

/** Route 1, PRaP two-stage for Universal Credit (Ch13, 2016): the cases still on their way to a start. */
export function ucTwoStageCases(world: DemoWorld): void {
  {
    // Referred yesterday, nobody has picked it up; forms not yet arrived (chase due in 3 working days).
    openChapter13Case(world, {
      key: "uc-referred",
      site: "leeds",
      state: "referred",
      k: 1,
      workCoachName: "Rachel Moorhouse",
      workCoachIndex: 1,
      claimant: {
        title: "Mr",
        forename: "Daniel",
        surname: "Ashworth",
        address: leeds("7 Kestrel Row", "LS9 8QX", "Osmondthorpe"),
        telephone: mobile(101),
        workSearchReview: "Fortnightly, Tuesday 10:20",
        jobs: [["Warehouse operative, parcels depot", 6, 2]],
        qualifications: [["Level 2", "Warehousing and storage", "Achieved", 7]],
      },
    });
  }

  {
    // Acknowledged; UC452 and UCPR1 have not arrived: the SPoC chase falls due today (13.14, 13.67).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-acknowledged",
      site: "leeds",
      state: "acknowledged",
      k: 4,
      workCoachName: "Gavin Lister",
      workCoachIndex: 2,
      claimant: {
        title: "Ms",
        forename: "Shazia",
        surname: "Begum",
        address: leeds("31 Tannery Close", "LS11 6RT", "Holbeck"),
        telephone: mobile(102),
        childcare: "School pick-up at 3pm on weekdays",
        jobs: [
          ["Retail assistant, bakery", 9, 5],
          ["Care assistant (part time)", 4, 1],
        ],
      },
    });
    story.assign("caseworker", "caseworker", story.d(1), "09:05");
    acknowledge(story, iaReferral, story.d(1));
  }

  {
    // Acknowledged, unassigned; the UC452 came but the UCPR1 did not and nobody chased: overdue chase.
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-acknowledged-ucpr1-missing",
      site: "leeds",
      state: "acknowledged",
      k: 7,
      workCoachName: "Rachel Moorhouse",
      workCoachIndex: 1,
      iaAfter: 9,
      claimant: {
        title: "Mr",
        forename: "Kieran",
        surname: "Holroyd",
        address: leeds("2 Aire Bank Terrace", "LS10 1PW", "Hunslet"),
        telephone: mobile(103),
        drivingLicence: "Full (category B)",
      },
    });
    acknowledge(story, iaReferral, story.d(1));
    story.formsReceived(story.d(2), { uc452: true });
  }

  {
    // Initial Assessment booked; forms in; meeting due within 10 working days of receipt (13.17).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-assessment-booked",
      site: "leeds",
      state: "assessment_booked",
      k: 6,
      workCoachName: "Priya Raval",
      workCoachIndex: 3,
      iaAfter: 9,
      claimant: {
        title: "Miss",
        forename: "Megan",
        surname: "Firth",
        address: leeds("18 Hollin Crescent", "LS16 5NB", "Weetwood"),
        telephone: mobile(104),
        qualifications: [
          ["GCSE", "English Language", "Grade 5", 6],
          ["Level 3", "Business Administration", "Achieved", 4],
        ],
      },
    });
    story.assign("caseworker", "manager", story.d(0), "14:00");
    acknowledge(story, iaReferral, story.d(1));
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(2), "11:30", story.d(9), "10:00");
  }

  {
    // Recommended for SESMP: part 6 emailed to both inboxes; waiting for the strand referral (13.25).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-recommended",
      site: "leeds",
      state: "recommended",
      k: 12,
      workCoachName: "Gavin Lister",
      workCoachIndex: 2,
      claimant: {
        title: "Mr",
        forename: "Tomasz",
        surname: "Nowicki",
        address: leeds("44 Beckside Mews", "LS12 3HJ", "Armley"),
        telephone: mobile(105),
        drivingLicence: "Full (category B, C1)",
        jobs: [
          ["Delivery driver", 8, 3],
          ["Forklift driver", 12, 8],
        ],
      },
    });
    story.assign("caseworker", "caseworker", story.d(0), "10:40");
    acknowledge(story, iaReferral, story.d(0));
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(2), "12:00", story.d(7), "10:00");
    story.holdInitialAssessment(story.d(7), "recommended", {
      strand: "sesmp",
      anticipatedStartOn: story.d(16),
      anticipatedEndOn: world.workingDays(story.d(16), 130, "leeds"),
    });
  }

  {
    // Accepted onto SES Start Back; start due in 2 working days: at risk (13.13).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-accepted-at-risk",
      site: "leeds",
      state: "accepted",
      k: 18,
      workCoachName: "Priya Raval",
      workCoachIndex: 3,
      claimant: {
        title: "Mrs",
        forename: "Leanne",
        surname: "Sugden",
        address: leeds("9 Wool Exchange Walk", "LS2 8PL"),
        telephone: mobile(106),
        alternativeTelephone: "0113 496 0876",
        jobs: [["Receptionist, dental practice", 7, 1]],
      },
    });
    story.assign("caseworker", "caseworker", story.d(0), "11:20");
    acknowledge(story, iaReferral, story.d(1));
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(2), "10:00", story.d(8), "09:30");
    const start = story.d(19);
    story.holdInitialAssessment(story.d(8), "recommended", {
      strand: "sessb",
      anticipatedStartOn: start,
      anticipatedEndOn: world.workingDays(start, 65, "leeds"),
    });
    // 13.25–13.27: the Work Coach makes the second referral, to the strand; acknowledge and accept it
    const strandReferral = story.prapReferral("sessb", "uc", story.d(11), story.d(11), "09:50");
    story.prapStatus(strandReferral, "acknowledged", story.d(11), "10:10");
    story.acceptReferral(strandReferral, story.d(12), "09:30", { strand: "sessb" });
  }

  {
    // Accepted but the start date slipped: 20-working-day target missed (overdue). Reassigned.
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-accepted-overdue",
      site: "leeds",
      state: "accepted",
      k: 23,
      workCoachName: "Marcus Delaney",
      workCoachIndex: 4,
      claimant: {
        title: "Mr",
        forename: "Imran",
        surname: "Qureshi",
        address: leeds("63 Kestrel Row", "LS9 8QY", "Osmondthorpe"),
        telephone: mobile(107),
        jobs: [["Kitchen porter", 5, 2]],
      },
    });
    story.assign("caseworker", "manager", story.d(0), "13:00");
    acknowledge(story, iaReferral, story.d(1));
    story.formsReceived(story.d(3), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(3), "10:00", story.d(9), "14:00");
    story.holdInitialAssessment(story.d(9), "recommended", {
      strand: "sesmp",
      anticipatedStartOn: story.d(18),
      anticipatedEndOn: world.workingDays(story.d(18), 130, "leeds"),
    });
    const strandReferral = story.prapReferral("sesmp", "uc", story.d(12), story.d(12), "09:40");
    story.acceptReferral(strandReferral, story.d(13), "09:15", { strand: "sesmp" });
    story.assign("officer", "manager", story.d(16), "09:00");
    story.note(
      story.d(18),
      "11:15",
      "Participant could not attend the agreed start date (hospital appointment). New start date to be agreed with the Work Coach.",
    );
  }

  {
    // Started on time (13.13).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-started",
      site: "leeds",
      state: "started",
      k: 30,
      workCoachName: "Rachel Moorhouse",
      workCoachIndex: 1,
      claimant: {
        title: "Ms",
        forename: "Chloe",
        surname: "Rimmington",
        address: leeds("5 Tannery Close", "LS11 6RS", "Holbeck"),
        telephone: mobile(108),
        qualifications: [["Level 2", "Customer Service", "Achieved", 3]],
      },
    });
    story.assign("caseworker", "caseworker", story.d(0), "11:00");
    acknowledge(story, iaReferral, story.d(0));
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(2), "10:30", story.d(6), "10:00");
    story.holdInitialAssessment(story.d(6), "recommended", {
      strand: "sesmp",
      anticipatedStartOn: story.d(15),
      anticipatedEndOn: world.workingDays(story.d(15), 130, "leeds"),
    });
    const strandReferral = story.prapReferral("sesmp", "uc", story.d(9), story.d(9), "09:20");
    story.acceptReferral(strandReferral, story.d(10), "10:00", { strand: "sesmp" });
    story.start(strandReferral, story.d(15), "09:05");
  }

  {
    // Started late in Glasgow (Scottish calendar): start target missed by 4 working days.
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-started-late",
      site: "glasgow",
      state: "started",
      k: 45,
      workCoachName: "Morag Sinclair",
      workCoachIndex: 1,
      claimant: {
        title: "Mr",
        forename: "Fraser",
        surname: "McAllister",
        address: glasgow("14 Budhill Gardens", "G32 0PX", "Shettleston"),
        telephone: mobile(109),
        jobs: [["Labourer, housing repairs", 10, 4]],
      },
    });
    story.assign("caseworkerGlasgow", "caseworkerGlasgow", story.d(0), "11:30");
    acknowledge(story, iaReferral, story.d(1));
    story.chaseSpoc(story.d(4));
    story.formsReceived(story.d(5), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(5), "10:00", story.d(10), "10:00");
    story.holdInitialAssessment(story.d(10), "recommended", {
      strand: "sesmp",
      anticipatedStartOn: story.d(19),
      anticipatedEndOn: world.workingDays(story.d(19), 130, "glasgow"),
    });
    const strandReferral = story.prapReferral("sesmp", "uc", story.d(14), story.d(14), "09:35");
    story.acceptReferral(strandReferral, story.d(15), "10:20", { strand: "sesmp" });
    story.note(story.d(19), "09:45", "Participant unwell on the planned start date; Work Coach agreed a new start date.");
    story.start(strandReferral, story.d(24), "09:10");
  }

}

/** Route 1 continued: the UC cases that have ended, or are ending (completed, left early, not suitable, rejected, cancelled, backed out). */
export function ucTwoStageEndings(world: DemoWorld): void {
  const T = world.today;

  {
    // Completed: UC452 part 8b with the actual end date (13.37).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-completed",
      site: "leeds",
      state: "completed",
      k: 170,
      workCoachName: "Marcus Delaney",
      workCoachIndex: 4,
      claimant: {
        title: "Mr",
        forename: "Gareth",
        surname: "Pickles",
        address: leeds("27 Hollin Crescent", "LS16 5NE", "Weetwood"),
        telephone: mobile(110),
        jobs: [
          ["Van driver", 9, 4],
          ["Warehouse picker", 13, 9],
        ],
        qualifications: [["Level 1", "Functional Skills Maths", "Achieved", 1]],
      },
    });
    story.assign("caseworker", "caseworker", story.d(0), "11:00");
    acknowledge(story, iaReferral, story.d(0));
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(2), "10:30", story.d(6), "11:00");
    story.holdInitialAssessment(story.d(6), "recommended", {
      strand: "sesmp",
      anticipatedStartOn: story.d(14),
      anticipatedEndOn: story.d(164),
    });
    const strandReferral = story.prapReferral("sesmp", "uc", story.d(9), story.d(9), "09:20");
    story.acceptReferral(strandReferral, story.d(10), "10:00", { strand: "sesmp" });
    story.start(strandReferral, story.d(14), "09:05");
    story.note(story.d(90), "14:30", "Mid-point review: CV updated, two interviews arranged through the job broker.");
    const endedOn = story.d(164);
    story.set({ endedOn });
    story.uc452Part("part_8b", { actualEndOn: endedOn }, endedOn, "15:00");
    story.prapStatus(strandReferral, "completed", endedOn, "15:10");
    const at = story.transition("completed", endedOn, "15:11", { endedOn });
    story.setInstant("closedAt", at);
    // The exit notice: part 8b e-mailed to the UC Service Centre the next working day (13.21 note, 13.37).
    story.exitNoticeSent("part_8b", "uc_service_centre", DEMO_ORGANISATION.ucServiceCentreEmail, { actualEndOn: endedOn }, "uc452-2016", story.d(165));
  }

  {
    // Left early: UC452 part 8a with the leaving date and reason (13.36).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-left-early",
      site: "leeds",
      state: "left_early",
      k: 80,
      workCoachName: "Gavin Lister",
      workCoachIndex: 2,
      claimant: {
        title: "Ms",
        forename: "Yasmin",
        surname: "Akhtar",
        address: leeds("12 Aire Bank Terrace", "LS10 1PX", "Hunslet"),
        telephone: mobile(111),
        qualifications: [["Level 3", "Health and Social Care", "Achieved", 5]],
      },
    });
    story.assign("caseworker", "caseworker", story.d(0), "10:50");
    acknowledge(story, iaReferral, story.d(1));
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(2), "11:00", story.d(7), "10:00");
    story.holdInitialAssessment(story.d(7), "recommended", {
      strand: "sessb",
      anticipatedStartOn: story.d(17),
      anticipatedEndOn: story.d(82),
    });
    const strandReferral = story.prapReferral("sessb", "uc", story.d(11), story.d(11), "09:30");
    story.acceptReferral(strandReferral, story.d(12), "09:45", { strand: "sessb" });
    story.start(strandReferral, story.d(17), "09:00");
    const leftOn = world.ago(12, "leeds");
    story.set({ endedOn: leftOn });
    story.uc452Part("part_8a", { leavingOn: leftOn, reason: reasonLabel("early_leaving:health") }, leftOn, "14:00");
    story.prapStatus(strandReferral, "left_early", leftOn, "14:10");
    story.closeWith("health", "left_early", leftOn, "14:11", "Left on health grounds; next steps discussed with the Work Coach.");
    // The exit notice: part 8a e-mailed to the UC Service Centre the same day (13.21 note, 13.36).
    story.exitNoticeSent("part_8a", "uc_service_centre", DEMO_ORGANISATION.ucServiceCentreEmail, { leavingOn: leftOn, reason: reasonLabel("early_leaving:health") }, "uc452-2016", leftOn);
  }

  {
    // Not suitable after the IA: part 7, SPoC telephoned, no sensitive detail written (13.28–13.31).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-not-suitable",
      site: "leeds",
      state: "not_suitable",
      k: 14,
      workCoachName: "Priya Raval",
      workCoachIndex: 3,
      claimant: {
        title: "Mr",
        forename: "Lewis",
        surname: "Brearley",
        address: leeds("3 Beckside Mews", "LS12 3HL", "Armley"),
        telephone: mobile(112),
      },
    });
    story.assign("caseworker", "caseworker", story.d(0), "10:45");
    acknowledge(story, iaReferral, story.d(0));
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(2), "12:15", story.d(6), "13:30");
    story.holdInitialAssessment(story.d(6), "not_recommended", { spocPhonedOn: story.d(6) });
  }

  {
    // Rejected in PRaP before acknowledgement: referral made in error, reason "Other" (13.33).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-rejected",
      site: "leeds",
      state: "rejected",
      k: 9,
      workCoachName: "Marcus Delaney",
      workCoachIndex: 4,
      claimant: {
        title: "Ms",
        forename: "Nadia",
        surname: "Haworth",
        address: leeds("50 Wool Exchange Walk", "LS2 8PN"),
        telephone: mobile(113),
      },
    });
    const note = "Work Coach confirmed the referral was made in error (wrong provision selected).";
    story.prapStatus(iaReferral, "rejected", story.d(1), "09:30", { prap: "other", note });
    story.closeWith("other", "rejected", story.d(1), "09:31", note);
  }

  {
    // Cancelled after acceptance, before start: "Did Not Start" (13.34).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-cancelled",
      site: "leeds",
      state: "cancelled",
      k: 28,
      workCoachName: "Rachel Moorhouse",
      workCoachIndex: 1,
      claimant: {
        title: "Mr",
        forename: "Ryan",
        surname: "Oddy",
        address: leeds("88 Hollin Crescent", "LS16 5NF", "Weetwood"),
        telephone: mobile(114),
      },
    });
    story.assign("caseworker", "caseworker", story.d(0), "10:35");
    acknowledge(story, iaReferral, story.d(1));
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(2), "10:10", story.d(7), "11:30");
    story.holdInitialAssessment(story.d(7), "recommended", {
      strand: "sesmp",
      anticipatedStartOn: story.d(17),
      anticipatedEndOn: world.workingDays(story.d(17), 130, "leeds"),
    });
    const strandReferral = story.prapReferral("sesmp", "uc", story.d(11), story.d(11), "09:25");
    story.acceptReferral(strandReferral, story.d(12), "10:05", { strand: "sesmp" });
    const note = "Work Coach confirmed the referral was made in error after acceptance; participant did not start.";
    const cancelledAt = story.prapStatus(strandReferral, "cancelled", story.d(19), "11:00", { prap: "did_not_start", note });
    story.setInstant("cancelledAt", cancelledAt);
    story.closeWith("did_not_start", "cancelled", story.d(19), "11:01", note);
  }

  {
    // Backed out by POST after attachment; cancel within 24 clock hours of the email (13.35).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-backed-out",
      site: "leeds",
      state: "backed_out",
      k: 35,
      workCoachName: "Gavin Lister",
      workCoachIndex: 2,
      claimant: {
        title: "Mrs",
        forename: "Bethany",
        surname: "Crowther",
        address: leeds("16 Kestrel Row", "LS9 8QZ", "Osmondthorpe"),
        telephone: mobile(115),
      },
    });
    story.assign("caseworker", "caseworker", story.d(0), "11:10");
    acknowledge(story, iaReferral, story.d(1));
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(2), "11:40", story.d(8), "10:00");
    story.holdInitialAssessment(story.d(8), "recommended", {
      strand: "sessb",
      anticipatedStartOn: story.d(18),
      anticipatedEndOn: world.workingDays(story.d(18), 65, "leeds"),
    });
    const strandReferral = story.prapReferral("sessb", "uc", story.d(12), story.d(12), "09:15");
    story.acceptReferral(strandReferral, story.d(13), "10:30", { strand: "sessb" });
    story.start(strandReferral, story.d(18), "09:05");
    // POST's email this morning: the 24-hour clock is running (docs/rules/decisions.md: 24 clock hours).
    const backOutEmailAt = instant(T, "08:45");
    story.setInstant("backOutEmailAt", backOutEmailAt);
    story.prapStatus(strandReferral, "backed_out", T, "08:50");
    story.transition("backed_out", T, "08:51", { backOutEmailAt }, undefined, "POST emailed: referral backed out of PRaP at JCP's request");
  }
}
