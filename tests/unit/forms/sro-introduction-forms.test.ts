import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { todayInLondon } from "@/lib/calendar/iso-date";
import {
  firstMeetingSchemaOn,
  jcpReferralSchemaOn,
  sessro1SentSchemaOn,
  sroIntroductionSchemaOn,
} from "@/lib/domain/forms/sro-introduction-forms";
import { fieldErrorsFrom } from "@/lib/forms/parse-form";

/** The SESSRO1 forms (13.40–13.51, 3.19–3.29), parsed as the server action parses a post. Clock: 10:00 UK, Tue 24 Nov 2026. */

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-24T10:00:00Z"));
});
afterEach(() => vi.useRealTimers());

const CASE_ID = "3f0e8f6a-5a7c-4c56-9a8e-0c1d2e3f4a5b";
const date = (name: string, iso: string) => {
  const [year, month, day] = iso.split("-");
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
};
const blank = (name: string) => ({ [`${name}-day`]: "", [`${name}-month`]: "", [`${name}-year`]: "" });
const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrorsFrom(result.error as Parameters<typeof fieldErrorsFrom>[0]);

describe("the introductory phone call: SESSRO1 Parts 1 and 2 (13.42–13.43, 3.21–3.22)", () => {
  const post = (overrides: Record<string, string> = {}) => ({
    siteId: CASE_ID,
    ...date("introducedOn", "2026-11-24"),
    sroOrganisation: "Aire Valley Community Health Trust",
    sroContactName: "Deborah Lund",
    sroPhone: "0113 496 0611",
    sroEmail: "",
    title: "Ms",
    surname: "Okafor",
    forename: "Grace",
    nino: "jt 12 34 56 a",
    ...date("interviewOn", "2026-06-01"),
    interviewTime: "10:30",
    interviewVenue: "Leeds Central",
    onIncompatibleProgramme: "no",
    ...overrides,
  });

  it("accepts a complete call, normalising the NINO like the PRaP intake and the interview as a UK instant (BST)", () => {
    const result = sroIntroductionSchemaOn(todayInLondon(new Date())).safeParse(post({ ...date("interviewOn", "2026-11-30") }));
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ nino: "JT123456A", sroEmail: null, interviewOn: "2026-11-30", interviewAt: "2026-11-30T10:30:00.000Z" });
    expect(sroIntroductionSchemaOn(todayInLondon(new Date())).safeParse(post({ ...date("introducedOn", "2026-05-20") })).data?.interviewAt).toBe("2026-06-01T09:30:00.000Z");
  });

  // Changed on purpose (docs/decisions/0014-sro-introductions-without-dead-ends.md): someone on an incompatible programme is
  // recorded and closed as not eligible, not refused at the form; the form asks which programme.
  it("records someone on the Work Programme or another incompatible DWP programme, asking which (13.43, 3.22)", () => {
    const schema = sroIntroductionSchemaOn(todayInLondon(new Date()));
    expect(errorsOf(schema.safeParse(post({ onIncompatibleProgramme: "yes" }))).otherProgrammeNamed).toMatch(/which programme/);
    expect(schema.safeParse(post({ ...date("introducedOn", "2026-05-20"), onIncompatibleProgramme: "yes", otherProgrammeNamed: "Work Choice" })).data).toMatchObject({ onIncompatibleProgramme: true, otherProgrammeNamed: "Work Choice" });
    expect(errorsOf(sroIntroductionSchemaOn(todayInLondon(new Date())).safeParse(post({ onIncompatibleProgramme: "" }))).onIncompatibleProgramme).toMatch(/^Select whether/);
  });

  it("validates the NINO as the PRaP intake does, and needs the SRO's details and a time", () => {
    const errors = errorsOf(sroIntroductionSchemaOn(todayInLondon(new Date())).safeParse(post({ nino: "QQ123", sroOrganisation: "", sroPhone: "12", interviewTime: "half ten" })));
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["nino", "sroOrganisation", "sroPhone", "interviewTime"]));
  });

  it("is strict: an unknown field such as state is refused (AC-04)", () => {
    expect(sroIntroductionSchemaOn(todayInLondon(new Date())).safeParse(post({ state: "introduction_accepted" })).success).toBe(false);
  });
});

describe("the first meeting: SESSRO1 Part 3 and the outcome (13.44–13.51, 3.23–3.29)", () => {
  const post = (overrides: Record<string, string> = {}) => ({
    caseId: CASE_ID,
    version: "2",
    ...date("metOn", "2026-11-23"),
    eligible: "yes",
    suitable: "yes",
    previousSes: "no",
    previousSesAppropriate: "",
    otherDwpProgrammes: "",
    outcome: "accept",
    reasonCode: "",
    part4Reason: "",
    ...blank("claimantToldOn"),
    ...blank("sroContactedOn"),
    ...blank("sroToldOn"),
    ...overrides,
  });

  it("accepts an eligible and suitable person (13.47)", () => {
    expect(firstMeetingSchemaOn(todayInLondon(new Date())).safeParse(post()).data).toMatchObject({ outcome: "accept", eligible: true, previousSesAppropriate: null });
  });

  it("asks whether another period on SES is appropriate when they have been on it before, and will not accept if not (13.46)", () => {
    expect(errorsOf(firstMeetingSchemaOn(todayInLondon(new Date())).safeParse(post({ previousSes: "yes" }))).previousSesAppropriate).toMatch(/appropriate/);
    expect(errorsOf(firstMeetingSchemaOn(todayInLondon(new Date())).safeParse(post({ previousSes: "yes", previousSesAppropriate: "no" }))).outcome).toMatch(/not eligible or not suitable/);
  });

  it("needs a Part 4 reason, the date they were told and the copy retained when not eligible (13.51, 3.29)", () => {
    const errors = errorsOf(firstMeetingSchemaOn(todayInLondon(new Date())).safeParse(post({ eligible: "no", outcome: "not_eligible" })));
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["reasonCode", "part4Reason", "claimantToldOn", "copyRetainedForInspection"]));
    const ok = firstMeetingSchemaOn(todayInLondon(new Date())).safeParse(
      post({ eligible: "no", outcome: "not_eligible", reasonCode: "not_eligible", part4Reason: "Not eligible", ...date("claimantToldOn", "2026-11-23"), copyRetainedForInspection: "yes" }),
    );
    expect(ok.success).toBe(true);
  });

  it("will not record 'not eligible' for someone eligible and suitable: they must be accepted (13.47)", () => {
    expect(errorsOf(firstMeetingSchemaOn(todayInLondon(new Date())).safeParse(post({ outcome: "not_eligible" }))).outcome).toMatch(/must accept/);
  });

  it("needs the date the SRO was told when the provision is full", () => {
    expect(errorsOf(firstMeetingSchemaOn(todayInLondon(new Date())).safeParse(post({ outcome: "provision_full" }))).sroToldOn).toMatch(/told the SRO/);
  });

  it("needs the reason the provision is full, in the caseworker's words (13.47, 3.25)", () => {
    const schema = firstMeetingSchemaOn(todayInLondon(new Date()));
    expect(errorsOf(schema.safeParse(post({ outcome: "provision_full" }))).provisionFullReason).toMatch(/why the provision is full/);
    const ok = schema.safeParse(post({ outcome: "provision_full", "sroToldOn-day": "2", "sroToldOn-month": "1", "sroToldOn-year": "2026", "metOn-day": "1", "metOn-month": "1", "metOn-year": "2026", provisionFullReason: "No adviser free until March" }));
    expect(ok.data).toMatchObject({ outcome: "provision_full", provisionFullReason: "No adviser free until March" });
  });
  it("ignores the questions of an outcome not chosen (conditional reveals): a half-typed date there neither refuses nor is saved", () => {
    const parsed = firstMeetingSchemaOn(todayInLondon(new Date())).safeParse(
      post({
        outcome: "accept",
        "sroToldOn-day": "31",
        "sroToldOn-month": "2",
        provisionFullReason: "Typed before changing my mind",
        reasonCode: "not_eligible",
        part4Reason: "Typed too",
        "claimantToldOn-year": "20",
        copyRetainedForInspection: "yes",
      }),
    );
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toMatchObject({ outcome: "accept", sroToldOn: null, provisionFullReason: null, reasonCode: null, part4Reason: null, claimantToldOn: null, copyRetainedForInspection: false });
  });

  it("ignores whether another period is appropriate when they have not been on SES before", () => {
    const parsed = firstMeetingSchemaOn(todayInLondon(new Date())).safeParse(post({ previousSes: "no", previousSesAppropriate: "no" }));
    expect(parsed.data).toMatchObject({ outcome: "accept", previousSesAppropriate: null });
  });
});

describe("the SESSRO1 signed and sent by secure post (13.47–13.48, 3.25–3.26)", () => {
  const post = (overrides: Record<string, string> = {}) => ({
    caseId: CASE_ID,
    version: "3",
    ...date("signedOn", "2026-11-23"),
    ...date("copyOfferedOn", "2026-11-23"),
    originalRetained: "yes",
    ...date("postedOn", "2026-11-23"),
    method: "Royal Mail Tracked (Track and Trace)",
    trackingNumber: "TT 1234 5678 9GB",
    counterparty: "Sandra Pike, JCP SPoC",
    ...date("spocNotifiedOn", "2026-11-24"),
    ...overrides,
  });

  it("accepts a complete record", () => {
    expect(sessro1SentSchemaOn(todayInLondon(new Date())).safeParse(post()).success).toBe(true);
  });

  it("needs the Track and Trace number (13.48)", () => {
    expect(errorsOf(sessro1SentSchemaOn(todayInLondon(new Date())).safeParse(post({ trackingNumber: " " }))).trackingNumber).toBe("Enter the Track and Trace number");
  });

  it("accepts only secure methods, needs the original retained, and the SPoC notified after posting", () => {
    expect(errorsOf(sessro1SentSchemaOn(todayInLondon(new Date())).safeParse(post({ method: "Second class post" }))).method).toMatch(/Track and Trace/);
    // An unticked checkbox posts nothing.
    const { originalRetained: _ticked, ...unticked } = post();
    expect(errorsOf(sessro1SentSchemaOn(todayInLondon(new Date())).safeParse(unticked)).originalRetained).toMatch(/retained/);
    expect(errorsOf(sessro1SentSchemaOn(todayInLondon(new Date())).safeParse(post({ ...date("spocNotifiedOn", "2026-11-22") }))).spocNotifiedOn).toMatch(/on or after/);
  });
});

describe("JCP's PRaP referral of the introduction (13.49, 3.27)", () => {
  const post = (overrides: Record<string, string> = {}) => ({
    caseId: CASE_ID,
    version: "4",
    purchaseOrderNumber: "200 123 456",
    referralId: "PRAP-1",
    provisionId: "SES-IA",
    ...date("referralDate", "2026-11-24"),
    ...date("referralReceivedOn", "2026-11-24"),
    ...overrides,
  });

  it("validates the purchase order like the PRaP intake", () => {
    expect(jcpReferralSchemaOn(todayInLondon(new Date())).safeParse(post()).data?.purchaseOrderNumber).toBe("200123456");
    expect(errorsOf(jcpReferralSchemaOn(todayInLondon(new Date())).safeParse(post({ purchaseOrderNumber: "300123456" }))).purchaseOrderNumber).toMatch(/must start with 2/);
  });

  it("refuses a referral date in the future, and a receipt before the referral date", () => {
    expect(errorsOf(jcpReferralSchemaOn(todayInLondon(new Date())).safeParse(post({ ...date("referralDate", "2026-11-25") }))).referralDate).toMatch(/today or in the past/);
    expect(errorsOf(jcpReferralSchemaOn(todayInLondon(new Date())).safeParse(post({ ...date("referralDate", "2026-11-24"), ...date("referralReceivedOn", "2026-11-23") }))).referralReceivedOn).toMatch(/on or after/);
  });
});
