import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FirstMeetingInput, JcpReferralInput, Sessro1SentInput, SroIntroductionInput } from "@/lib/domain/forms/sro-introduction-forms";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { applyLifecycleAction } from "@/lib/server/cases/lifecycle/apply-lifecycle-action";
import { countPlacesTaken } from "@/lib/server/cases/lifecycle/lifecycle-snapshot";
import { recordFirstMeeting } from "@/lib/server/sro/record-first-meeting";
import { recordJcpReferral } from "@/lib/server/sro/record-jcp-referral";
import { recordSessro1Sent } from "@/lib/server/sro/record-sessro1-sent";
import { recordSroIntroduction } from "@/lib/server/sro/record-sro-introduction";
import { UseCaseError } from "@/lib/server/use-case-error";
import { createCase, createProvider, createSiteRow, type Provider } from "@/tests/integration/support/builders";
import { codeOf } from "@/tests/integration/support/outcomes";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

describe("SRO introductions: SESSRO1 from the phone call to JCP's PRaP referral (13.40–13.51, 3.19–3.29)", () => {
  let db: TestDatabase;
  let provider: Provider;
  let caseworker: UseCaseActor;
  let officer: UseCaseActor;
  let leeds: string;
  const today = "2026-11-24";
  const clock = { today, now: new Date("2026-11-24T12:00:00Z") };
  const versionOf = async (caseId: string) => (await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).version;

  let ninoCounter = 10;
  const introduction = (overrides: Partial<SroIntroductionInput> = {}): SroIntroductionInput => ({
    siteId: leeds,
    introducedOn: "2026-11-20",
    sroOrganisation: "Aire Valley Community Health Trust",
    sroContactName: "Deborah Lund",
    sroPhone: "0113 496 0611",
    sroEmail: "d.lund@airevalley.example.test",
    title: "Ms",
    surname: "Okafor",
    forename: "Grace",
    nino: `JT${String(ninoCounter++).padStart(6, "0")}A`,
    interviewOn: "2026-11-23",
    interviewAt: "2026-11-23T10:30:00.000Z",
    interviewVenue: "Leeds Central, 1 Park Row",
    onIncompatibleProgramme: false,
    otherProgrammeNamed: null,
    previousSpellReason: null,
    ...overrides,
  });
  const meeting = async (caseId: string, overrides: Partial<FirstMeetingInput> = {}): Promise<FirstMeetingInput> => ({
    caseId,
    version: await versionOf(caseId),
    metOn: "2026-11-23",
    eligible: true,
    suitable: true,
    previousSes: false,
    previousSesAppropriate: null,
    otherDwpProgrammes: "None",
    outcome: "accept",
    reasonCode: null,
    part4Reason: null,
    claimantToldOn: null,
    sroContactedOn: null,
    copyRetainedForInspection: false,
    sroToldOn: null,
    provisionFullReason: null,
    previousSpellReason: null,
    ...overrides,
  });
  const sent = async (caseId: string, overrides: Partial<Sessro1SentInput> = {}): Promise<Sessro1SentInput> => ({
    caseId,
    version: await versionOf(caseId),
    signedOn: "2026-11-23",
    copyOfferedOn: "2026-11-23",
    originalRetained: true,
    postedOn: "2026-11-23",
    method: "Royal Mail Tracked (Track and Trace)",
    trackingNumber: "TT 1234 5678 9GB",
    counterparty: "Sandra Pike, JCP SPoC, Leeds",
    spocNotifiedOn: "2026-11-24",
    ...overrides,
  });
  const jcpReferral = async (caseId: string, overrides: Partial<JcpReferralInput> = {}): Promise<JcpReferralInput> => ({
    caseId,
    version: await versionOf(caseId),
    purchaseOrderNumber: "100765432",
    referralId: "PRAP-SRO-0001",
    provisionId: "SES-P2-NAT",
    referralDate: "2026-11-24",
    referralReceivedOn: "2026-11-24",
    strand: null,
    strandPurchaseOrderNumber: null,
    strandReferralId: null,
    strandProvisionId: null,
    ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
    ({ caseworker, officer } = provider.actors);
    leeds = provider.sites.england.id;
  });
  afterAll(() => db.close());

  it("records the introductory call as a case 'introduced' (not referred) with its SESSRO1 Parts 1 and 2 and one audit row (13.42–13.44, 3.21–3.23)", async () => {
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction({ nino: "JT000001A" }), clock.now);
    const theCase = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { sessro1: true, claimant: true, prapReferrals: true } });
    expect(theCase).toMatchObject({ route: "sro_introduction", state: "introduced", ruleset: "ses_2017", assignedCaseworkerId: caseworker.id });
    expect(theCase.prapReferrals).toEqual([]);
    expect(theCase.claimant).toMatchObject({ nino: "JT000001A", surname: "Okafor" });
    expect(theCase.sessro1).toMatchObject({
      sroOrganisation: "Aire Valley Community Health Trust",
      sroContactName: "Deborah Lund",
      nino: "JT000001A",
      interviewVenue: "Leeds Central, 1 Park Row",
      incompatibleProgrammeChecked: true,
      onIncompatibleProgramme: false,
    });
    expect(theCase.sessro1?.interviewAt?.toISOString()).toBe("2026-11-23T10:30:00.000Z");
    expect(await db.prisma.auditEvent.count({ where: { caseId, action: "case.created" } })).toBe(1);
  });

  it("chooses the 2016 (Ch13) ruleset for an introduction before September 2017", async () => {
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction({ introducedOn: "2017-03-01", interviewOn: "2017-03-06" }), clock.now);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).ruleset).toBe("ses_2016_uc");
  });

  it("is safe against a double submission: the same person is not introduced twice while their case is open", async () => {
    const input = introduction();
    const before = await db.prisma.case.count();
    const results = await Promise.all([codeOf(recordSroIntroduction(db.prisma, caseworker, input)), codeOf(recordSroIntroduction(db.prisma, caseworker, input))]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    expect(await db.prisma.case.count()).toBe(before + 1);
  });

  it("refuses to accept when the site's recorded capacity is reached, and lets 'provision full' be recorded (13.47, 3.25)", async () => {
    // A site of its own, so no other test's places count against its capacity.
    const site = await createSiteRow(db.prisma, provider.organisation.id, { nation: "england_and_wales", capacity: 60 });
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction({ siteId: site.id }));
    const taken = await countPlacesTaken(db.prisma, site.id);
    await db.prisma.site.update({ where: { id: site.id }, data: { capacity: taken } });
    const refused = await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId), clock).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UseCaseError);
    expect((refused as UseCaseError).fieldErrors.outcome).toMatch(/provision at this site is full/);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("introduced");
    // Changed on purpose: provision full now needs its reason (13.47, 3.25).
    await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId, { outcome: "provision_full", sroToldOn: "2026-11-24", provisionFullReason: "Every place is taken" }), clock);
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { sessro1: true } });
    expect(after.state).toBe("provision_full");
    expect(after.sessro1).toMatchObject({ outcome: "provision_full", provisionFullReason: "Every place is taken" });
    expect(after.sessro1?.sroContactedOn?.toISOString().slice(0, 10)).toBe("2026-11-24");
  });

  it("lets the caseworker record 'provision full' with the date and reason where capacity shows places free: a check, not a precondition (13.47, 3.25)", async () => {
    const site = await createSiteRow(db.prisma, provider.organisation.id, { nation: "england_and_wales", capacity: 500 });
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction({ siteId: site.id }));
    const reason = "Both advisers at this site are on long-term leave until January";
    await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId, { outcome: "provision_full", sroToldOn: "2026-11-24", provisionFullReason: reason }), clock);
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { sessro1: true } });
    expect(after).toMatchObject({ state: "provision_full", sessro1: { provisionFullReason: reason } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "case.provision_full" } });
    expect(audit.after).toMatchObject({ provisionFullReason: reason, flags: ["capacity_shows_places_free"] });
    expect(audit.reason).toMatch(/capacity still shows places free/);
  });

  it("counts an accepted introduction as holding a place until it ends (13.47)", async () => {
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction());
    const before = await countPlacesTaken(db.prisma, leeds);
    await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId), clock);
    expect(await countPlacesTaken(db.prisma, leeds)).toBe(before + 1);
  });

  it("records not eligible only with a Part 4 reason from the administrator's list, keeping the form for inspection (13.51, 3.29)", async () => {
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction());
    const notEligible = { outcome: "not_eligible" as const, eligible: false, part4Reason: "On the Work and Health Programme", claimantToldOn: "2026-11-23", sroContactedOn: "2026-11-24", copyRetainedForInspection: true };
    expect(await codeOf(recordFirstMeeting(db.prisma, caseworker, await meeting(caseId, { ...notEligible, reasonCode: "no_such_reason" }), clock))).toBe("INVALID");
    expect(await codeOf(recordFirstMeeting(db.prisma, caseworker, await meeting(caseId, { ...notEligible, reasonCode: null }), clock))).toBe("INVALID");
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("introduced");
    await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId, { ...notEligible, reasonCode: "incompatible_programme" }), clock);
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { sessro1: true, closureReason: true } });
    expect(after).toMatchObject({ state: "not_eligible", closureReason: { kind: "not_eligible", code: "incompatible_programme" } });
    expect(after.closedAt).not.toBeNull();
    expect(after.sessro1).toMatchObject({ outcome: "not_eligible_or_suitable", part4Reason: "On the Work and Health Programme", copyRetainedForInspection: true });
    expect(await db.prisma.auditEvent.count({ where: { caseId, action: "case.not_eligible" } })).toBe(1);
  });

  it("takes an accepted introduction through secure post (tracking number required) to JCP's referral on the SAME case, now 'referred' (13.47–13.49, 3.25–3.27)", async () => {
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction());
    await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId), clock);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("introduction_accepted");

    // JCP refers once it has the form: not before the secure post is logged (13.49)
    expect(await codeOf(recordJcpReferral(db.prisma, caseworker, await jcpReferral(caseId), clock))).toBe("INVALID");

    await recordSessro1Sent(db.prisma, caseworker, await sent(caseId));
    const post = await db.prisma.securePostLog.findFirstOrThrow({ where: { caseId } });
    expect(post).toMatchObject({ direction: "sent", document: "sessro1_copy", trackingNumber: "TT 1234 5678 9GB", method: "Royal Mail Tracked (Track and Trace)" });
    const form = await db.prisma.sessro1Form.findUniqueOrThrow({ where: { caseId } });
    expect(form).toMatchObject({ originalRetained: true });
    expect(form.spocNotifiedOn?.toISOString().slice(0, 10)).toBe("2026-11-24");

    const cases = await db.prisma.case.count();
    await recordJcpReferral(db.prisma, caseworker, await jcpReferral(caseId), clock);
    expect(await db.prisma.case.count()).toBe(cases);
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { prapReferrals: true } });
    expect(after).toMatchObject({ state: "referred", route: "sro_introduction", ruleset: "ses_2017" });
    expect(after.referralDate?.toISOString().slice(0, 10)).toBe("2026-11-24");
    expect(after.prapReferrals).toMatchObject([{ purchaseOrderNumber: "100765432", provision: "ses_p2_national", regime: "non_uc", status: "received" }]);
  });

  // Changed on purpose: 13.49 says JCP refers a 2016 introduction to "both the Initial Assessment
  // and the specific strand", so both are attached and the case skips the duplicate IA steps,
  // instead of joining the two-stage process at the IA referral.
  it("attaches both the IA and the strand referral to a 2016 UC introduction, skipping the IA steps (13.06, 13.16, 13.49)", async () => {
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction({ introducedOn: "2017-03-01", interviewOn: "2017-03-06" }), clock.now);
    await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId, { metOn: "2017-03-06" }), clock);
    await recordSessro1Sent(db.prisma, caseworker, await sent(caseId, { signedOn: "2017-03-06", copyOfferedOn: "2017-03-06", postedOn: "2017-03-06", spocNotifiedOn: "2017-03-07" }));
    const both = { purchaseOrderNumber: "200765433", referralId: "PRAP-SRO-2016", referralDate: "2017-03-10", referralReceivedOn: "2017-03-10" };
    // The strand referral is required for a 2016 UC introduction.
    const missing = await recordJcpReferral(db.prisma, caseworker, await jcpReferral(caseId, both), clock).catch((error: unknown) => error);
    expect((missing as UseCaseError).fieldErrors).toHaveProperty("strandPurchaseOrderNumber");
    await recordJcpReferral(
      db.prisma,
      caseworker,
      await jcpReferral(caseId, { ...both, strand: "sesmp", strandPurchaseOrderNumber: "200765434", strandReferralId: "PRAP-SRO-2016-S", strandProvisionId: "SESMP-1" }),
      clock,
    );
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { prapReferrals: { orderBy: { createdAt: "asc" } } } });
    expect(after).toMatchObject({ state: "recommended", ruleset: "ses_2016_uc", strand: "sesmp" });
    expect(after.prapReferrals).toMatchObject([
      { provision: "ia_opportunity", regime: "uc", status: "acknowledged" },
      { provision: "sesmp", regime: "uc", status: "received", purchaseOrderNumber: "200765434" },
    ]);
    // Next: accept the strand referral, with no duplicate acknowledgement, booking or assessment.
    await applyLifecycleAction(db.prisma, caseworker, { caseId, version: await versionOf(caseId), action: "accept_strand_referral", input: {} }, clock);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("accepted");
  });

  // Changed on purpose: a non-UC referral runs the single process whatever its date
  // (docs/decisions/0009-rulesets-by-referral-date.md).
  it("settles a 2016 introduction's ruleset from JCP's referral date and purchase order: non-UC joins the single process (13.06, 13.49)", async () => {
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction({ introducedOn: "2017-03-01", interviewOn: "2017-03-06" }), clock.now);
    await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId, { metOn: "2017-03-06" }), clock);
    await recordSessro1Sent(db.prisma, caseworker, await sent(caseId, { signedOn: "2017-03-06", copyOfferedOn: "2017-03-06", postedOn: "2017-03-06", spocNotifiedOn: "2017-03-07" }));
    await recordJcpReferral(db.prisma, caseworker, await jcpReferral(caseId, { purchaseOrderNumber: "100765436", referralId: "PRAP-SRO-2016-NUC", referralDate: "2017-03-10", referralReceivedOn: "2017-03-10" }), clock);
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { prapReferrals: true } });
    expect(after).toMatchObject({ state: "referred", ruleset: "ses_2017" });
    expect(after.prapReferrals).toMatchObject([{ provision: "ses_p2_national", regime: "non_uc", status: "received" }]);
  });

  it("attaches the single referral to a 2017 introduction (3.27)", async () => {
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction());
    await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId), clock);
    await recordSessro1Sent(db.prisma, caseworker, await sent(caseId));
    await recordJcpReferral(db.prisma, caseworker, await jcpReferral(caseId, { purchaseOrderNumber: "200765435", referralId: "PRAP-SRO-2017-1" }), clock);
    const after = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { prapReferrals: true } });
    expect(after).toMatchObject({ state: "referred", ruleset: "ses_2017" });
    expect(after.prapReferrals).toMatchObject([{ provision: "ses_p2_national", status: "received" }]);
  });

  it("refuses a JCP referral whose purchase order or referral ID is already recorded", async () => {
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction());
    await recordFirstMeeting(db.prisma, caseworker, await meeting(caseId), clock);
    await recordSessro1Sent(db.prisma, caseworker, await sent(caseId));
    const [existing] = (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" })).prapReferrals;
    expect(await codeOf(recordJcpReferral(db.prisma, caseworker, await jcpReferral(caseId, { purchaseOrderNumber: existing.purchaseOrderNumber, referralId: "NEW-REF-1" }), clock))).toBe("CONFLICT");
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("introduction_accepted");
  });

  it("refuses a stale version and writes nothing", async () => {
    const { caseId } = await recordSroIntroduction(db.prisma, caseworker, introduction());
    const stale = await meeting(caseId);
    await db.prisma.case.update({ where: { id: caseId }, data: { version: { increment: 1 } } });
    expect(await codeOf(recordFirstMeeting(db.prisma, caseworker, stale, clock))).toBe("STALE");
    expect(await db.prisma.sessro1Form.findUniqueOrThrow({ where: { caseId } })).toMatchObject({ outcome: null, eligible: null });
  });

  it("gives a caseworker NOT_FOUND for an SCR case id, as for a random id, and changes nothing (AC-01, AC-05)", async () => {
    const scr = (await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer })).id;
    const version = await versionOf(scr);
    const onScr = { caseId: scr, version };
    expect(await codeOf(recordFirstMeeting(db.prisma, caseworker, { ...(await meeting(scr)), ...onScr }, clock))).toBe("NOT_FOUND");
    expect(await codeOf(recordSessro1Sent(db.prisma, caseworker, { ...(await sent(scr)), ...onScr }))).toBe("NOT_FOUND");
    expect(await codeOf(recordJcpReferral(db.prisma, caseworker, { ...(await jcpReferral(scr)), ...onScr }, clock))).toBe("NOT_FOUND");
    expect(await codeOf(recordFirstMeeting(db.prisma, caseworker, { ...(await meeting(scr)), caseId: "7b0c8a52-2f6a-4d0e-9a61-1f4f2a3b9c10" }, clock))).toBe("NOT_FOUND");
    expect(await versionOf(scr)).toBe(version);
    // The nominated officer sees the case; it has no SESSRO1, so it is still not an introduction.
    expect(await codeOf(recordFirstMeeting(db.prisma, officer, { ...(await meeting(scr)), ...onScr }, clock))).toBe("NOT_FOUND");
  });
});
