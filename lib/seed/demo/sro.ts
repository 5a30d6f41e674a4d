import type { IsoDate } from "@/lib/calendar/index";
import { isoDateToDb } from "@/lib/db/dates";
import type { CaseState, Prisma, Ruleset } from "@/lib/db/prisma";
import { seedId } from "../ids";
import { CaseStory } from "./case-story";
import { siteOf, type DemoSiteKey, type DemoUserKey } from "./people";
import { ch3, glasgow, leeds, mobile, workCoach } from "./story-steps";
import { instant, type ClaimantSpec, type DemoWorld } from "./world";

/** The steps of an SRO introduction (13.40–13.48, 3.19–3.26), shared by the stories below. */
function introductionSteps(world: DemoWorld) {
  const sroDetails = {
    leeds: { organisation: "Aire Valley Community Health Trust", contact: "Deborah Lund", phone: "0113 496 0611", email: "d.lund@airevalley.example.test" },
    glasgow: { organisation: "Clyde East Housing Support Service", contact: "Scott Hamill", phone: "0141 496 0612", email: "s.hamill@clydeeast.example.test" },
  } as const;

  const openIntroduction = (spec: {
    key: string;
    site: DemoSiteKey;
    state: CaseState;
    ruleset: Ruleset;
    calledOn: IsoDate;
    interviewOn: IsoDate;
    claimant: ClaimantSpec;
  }) => {
    const by: DemoUserKey = spec.site === "leeds" ? "caseworker" : "caseworkerGlasgow";
    const story = new CaseStory(world, {
      key: spec.key,
      site: spec.site,
      route: "sro_introduction",
      ruleset: spec.ruleset,
      initialState: "introduced",
      expectedState: spec.state,
      claimant: spec.claimant,
      createdBy: by,
      createdOn: spec.calledOn,
      createdTime: "11:20",
    });
    const sro = sroDetails[spec.site];
    story.contact("sro", { name: sro.contact, organisation: sro.organisation, phone: sro.phone, email: sro.email }, spec.calledOn, "11:25", "SRO introduction call (13.41, 3.20)");
    story.assign(by, by, spec.calledOn, "11:26");
    const form: Prisma.Sessro1FormCreateManyInput = {
      id: seedId(`case:${spec.key}:sessro1`),
      caseId: story.id,
      // Part 1 (the SRO) and Part 2 (the person) completed during the call (13.42, 3.21)
      sroOrganisation: sro.organisation,
      sroContactName: sro.contact,
      sroPhone: sro.phone,
      sroEmail: sro.email,
      title: spec.claimant.title,
      surname: spec.claimant.surname,
      forename: spec.claimant.forename,
      nino: story.nino,
      interviewAt: instant(spec.interviewOn, "10:30"),
      interviewVenue: siteOf(spec.site).venue,
      // 13.43, 3.22: not on the Work Programme or another incompatible DWP programme
      incompatibleProgrammeChecked: true,
      onIncompatibleProgramme: false,
      createdAt: instant(spec.calledOn, "11:30"),
      updatedAt: instant(spec.calledOn, "11:30"),
      version: 1,
    };
    world.data.sessro1Forms.push(form);
    story.log(spec.calledOn, "11:30", "sessro1.parts_1_2_recorded", { entityType: "sessro1_form", entityId: form.id, after: { interviewAt: instant(spec.interviewOn, "10:30") } });
    return { story, form };
  };

  /** 13.44–13.48, 3.23–3.26: eligible and suitable, provision not full → accept, sign, copy, secure post, notify SPoC. */
  const acceptIntroduction = (story: CaseStory, form: Prisma.Sessro1FormCreateManyInput, metOn: IsoDate, postedOn: IsoDate, trackingNumber: string) => {
    story.set({ firstMetOn: metOn });
    Object.assign(form, {
      eligible: true,
      suitable: true,
      previousSes: false,
      otherDwpProgrammes: "None",
      firstMetOn: isoDateToDb(metOn),
      outcome: "accepted",
      signedOn: isoDateToDb(metOn),
      copyOfferedOn: isoDateToDb(metOn),
      originalRetained: true,
      spocNotifiedOn: isoDateToDb(postedOn),
      updatedAt: instant(postedOn, "14:00"),
      version: 3,
    } satisfies Partial<Prisma.Sessro1FormCreateManyInput>);
    story.log(metOn, "11:45", "sessro1.part3_recorded", { entityType: "sessro1_form", entityId: form.id, after: { eligible: true, suitable: true, previousSes: false } });
    story.transition("introduction_accepted", metOn, "11:50", { signedOn: metOn, copyOfferedOn: metOn, originalRetained: true });
    const spoc = siteOf(story.site).spoc;
    story.securePost({
      on: postedOn,
      time: "09:30",
      direction: "sent",
      document: "sessro1_copy",
      method: "Royal Mail Signed For (Track and Trace)",
      trackingNumber,
      counterparty: `${spoc.name}, JCP SPoC, ${spoc.organisation}`,
    });
    story.log(postedOn, "14:00", "spoc.notified", { after: { spoc: spoc.name }, reason: "SESSRO1 copy sent by secure post (13.48, 3.26)" });
  };

  return { openIntroduction, acceptIntroduction };
}

/** Route 3, introductions by a Statutory Referral Organisation on the SESSRO1 (13.40–13.51, 3.19–3.29). */
export function sroIntroductionCases(world: DemoWorld): void {
  const { openIntroduction, acceptIntroduction } = introductionSteps(world);

  {
    // Introduced: interview booked in 3 working days.
    openIntroduction({
      key: "sro-introduced",
      site: "leeds",
      state: "introduced",
      ruleset: "ses_2017",
      calledOn: world.ago(1, "leeds"),
      interviewOn: world.ahead(3, "leeds"),
      claimant: {
        title: "Ms",
        forename: "Harpreet",
        surname: "Sandhu",
        address: leeds("9 Hollin Crescent", "LS16 5NG", "Weetwood"),
        telephone: mobile(123),
      },
    });
  }

  {
    // Accepted and posted to the SPoC; waiting for JCP's PRaP referral (13.49).
    const { story, form } = openIntroduction({
      key: "sro-accepted",
      site: "glasgow",
      state: "introduction_accepted",
      ruleset: "ses_2016_uc",
      calledOn: world.ago(9, "glasgow"),
      interviewOn: world.ago(4, "glasgow"),
      claimant: {
        title: "Mr",
        forename: "Euan",
        surname: "Rennie",
        address: glasgow("25 Tollcross Wynd", "G32 8LR", "Tollcross"),
        telephone: mobile(124),
        jobs: [["Cleaner, leisure centre", 5, 1]],
      },
    });
    acceptIntroduction(story, form, world.ago(4, "glasgow"), world.ago(3, "glasgow"), "TT 0071 2290 4GB");
  }

  {
    // Not eligible: on an incompatible DWP programme; Part 4 reason, claimant told, SRO contacted (13.51, 3.29).
    const { story, form } = openIntroduction({
      key: "sro-not-eligible",
      site: "leeds",
      state: "not_eligible",
      ruleset: "ses_2017",
      calledOn: world.ago(15, "leeds"),
      interviewOn: world.ago(11, "leeds"),
      claimant: {
        title: "Mr",
        forename: "Liam",
        surname: "Dobson",
        address: leeds("58 Kestrel Row", "LS9 8RA", "Osmondthorpe"),
        telephone: mobile(125),
      },
    });
    const metOn = world.ago(11, "leeds");
    story.set({ firstMetOn: metOn });
    Object.assign(form, {
      onIncompatibleProgramme: true,
      eligible: false,
      suitable: null,
      previousSes: false,
      otherDwpProgrammes: "Work and Health Programme (started two months ago)",
      firstMetOn: isoDateToDb(metOn),
      outcome: "not_eligible_or_suitable",
      part4Reason: "Currently on the Work and Health Programme, which is incompatible with SES (13.46, 3.24).",
      claimantToldOn: isoDateToDb(metOn),
      sroContactedOn: isoDateToDb(world.ago(10, "leeds")),
      updatedAt: instant(world.ago(10, "leeds"), "10:00"),
      version: 3,
    } satisfies Partial<Prisma.Sessro1FormCreateManyInput>);
    story.log(metOn, "11:40", "sessro1.part3_recorded", { entityType: "sessro1_form", entityId: form.id, after: { eligible: false } });
    story.closeWith(
      "incompatible_programme",
      "not_eligible",
      metOn,
      "11:45",
      "Part 4 completed and explained to the claimant; copy retained for the DWP Performance Manager (13.51).",
    );
    story.log(world.ago(10, "leeds"), "10:00", "sro.contacted", { reason: "Claimant asked to be referred back to the SRO (13.51)" });
  }

  {
    // Provision full at Glasgow East on the day: eligible and suitable, but no place (13.47, 3.25).
    const { story, form } = openIntroduction({
      key: "sro-provision-full",
      site: "glasgow",
      state: "provision_full",
      ruleset: "ses_2017",
      calledOn: world.ago(40, "glasgow"),
      interviewOn: world.ago(36, "glasgow"),
      claimant: {
        title: "Ms",
        forename: "Lorraine",
        surname: "Baxter",
        address: glasgow("8 Carntyne Loan", "G32 6QW", "Carntyne"),
        telephone: mobile(126),
      },
    });
    const metOn = world.ago(36, "glasgow");
    story.set({ firstMetOn: metOn });
    Object.assign(form, {
      eligible: true,
      suitable: true,
      previousSes: false,
      otherDwpProgrammes: "None",
      firstMetOn: isoDateToDb(metOn),
      outcome: "provision_full",
      claimantToldOn: isoDateToDb(metOn),
      sroContactedOn: isoDateToDb(metOn),
      updatedAt: instant(metOn, "15:00"),
      version: 3,
    } satisfies Partial<Prisma.Sessro1FormCreateManyInput>);
    story.log(metOn, "11:40", "sessro1.part3_recorded", { entityType: "sessro1_form", entityId: form.id, after: { eligible: true, suitable: true } });
    story.closureNote = "Glasgow East was at capacity (40 places). Claimant and SRO told; the SRO may introduce them again when a place is free.";
    const at = story.transition("provision_full", metOn, "11:50", {}, undefined, story.closureNote);
    story.setInstant("closedAt", at);
  }

  {
    // Accepted introduction whose PRaP referral has since arrived: now "referred" like route 2 (13.49, 3.27).
    const calledOn = world.ago(12, "leeds");
    const metOn = world.ago(8, "leeds");
    const { story, form } = openIntroduction({
      key: "sro-referred",
      site: "leeds",
      state: "referred",
      ruleset: "ses_2017",
      calledOn,
      interviewOn: metOn,
      claimant: {
        title: "Mrs",
        forename: "Janet",
        surname: "Crossley",
        address: leeds("36 Wool Exchange Walk", "LS2 8PP"),
        telephone: mobile(127),
        ch3: ch3("Library or museum assistant", "Quiet workplace", "Part time"),
        qualifications: [["Level 4", "Information Management", "Achieved", 15]],
      },
    });
    acceptIntroduction(story, form, metOn, world.ago(7, "leeds"), "TT 0071 2291 8GB");
    const referralDate = world.ago(1, "leeds");
    story.set({ referralDate, referralReceivedOn: referralDate });
    story.contact("disability_employment_adviser", workCoach("leeds", "Philip Greaves", 22), referralDate, "09:50", "DEA who made the PRaP referral (3.05)");
    story.prapReferral("ses_p2_national", "non_uc", referralDate, referralDate, "10:00");
    story.transition("referred", referralDate, "10:01");
  }
}

/**
 * Accepted 14 working days ago and JCP's PRaP referral never came: past the
 * `sro.jcpReferralMissingWorkingDays` setting (default 10), so it shows "JCP referral missing" in
 * the work queue (lib/domain/sro/jcp-referral-missing.ts; docs/rules/routes.md route 3). Told after
 * every other story, so that no earlier NINO changes.
 */
export function sroJcpReferralMissingCase(world: DemoWorld): void {
  const { openIntroduction, acceptIntroduction } = introductionSteps(world);
  const calledOn = world.ago(18, "leeds");
  const metOn = world.ago(14, "leeds");
  const { story, form } = openIntroduction({
    key: "sro-jcp-referral-missing",
    site: "leeds",
    state: "introduction_accepted",
    ruleset: "ses_2017",
    calledOn,
    interviewOn: metOn,
    claimant: {
      title: "Mr",
      forename: "Callum",
      surname: "Brearley",
      address: leeds("14 Mill Pond Lane", "LS6 4BD", "Meanwood"),
      telephone: mobile(131),
    },
  });
  acceptIntroduction(story, form, metOn, world.ago(13, "leeds"), "TT 0071 2292 6GB");
  // JCP told us it received the SESSRO1 copy (13.49, 3.27), but its PRaP referral has not come.
  const receiptOn = world.ago(11, "leeds");
  Object.assign(form, { jcpReceiptOn: isoDateToDb(receiptOn), updatedAt: instant(receiptOn, "10:15"), version: 4 } satisfies Partial<Prisma.Sessro1FormCreateManyInput>);
  story.log(receiptOn, "10:15", "sessro1.jcp_receipt_recorded", { entityType: "sessro1_form", entityId: form.id, after: { jcpReceiptOn: receiptOn } });
}
