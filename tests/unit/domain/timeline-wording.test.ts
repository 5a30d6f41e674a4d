import { describe, expect, it } from "vitest";
import { beforeAfterLines, timelineWording, type TimelineEvent } from "@/lib/domain/timeline-wording";

const names = {
  users: new Map([
    ["u-amira", "Amira Hussain"],
    ["u-dominic", "Dominic Okafor"],
  ]),
  notes: new Map([["note-1", "Rang twice, will try the alternative number."]]),
};

function event(action: string, before: unknown, after: unknown, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return { action, entityId: "case-1", before, after, reason: null, ...extra };
}

describe("the timeline in plain words", () => {
  it("names who a case was assigned from and to", () => {
    expect(timelineWording(event("case.assigned", { assignedCaseworkerId: "u-amira" }, { assignedCaseworkerId: "u-dominic" }), names)).toEqual({
      title: "Caseworker assigned",
      details: ["From Amira Hussain to Dominic Okafor."],
    });
    expect(timelineWording(event("case.assigned", { assignedCaseworkerId: null }, { assignedCaseworkerId: "u-amira" }), names).details).toEqual([
      "From unassigned to Amira Hussain.",
    ]);
  });

  it("names the UC452 part and the inbox it was emailed to, with the business date (13.21)", () => {
    const wording = timelineWording(event("uc452.emailed", null, { part: "part_6", inbox: "ses_policy", recipient: "ses.policy@dwp.example", sentOn: "2026-12-02" }), names);
    expect(wording).toEqual({ title: "UC452 part 6 emailed", details: ["To the SES Policy inbox (ses.policy@dwp.example).", "Sent Wednesday 2 December 2026."] });
  });

  it("gives the contact attempt's channel, outcome and business date (3.08)", () => {
    const wording = timelineWording(event("contact_attempt.recorded", null, { channel: "telephone", outcome: "no_answer", businessDate: "2026-12-01" }), names);
    expect(wording).toEqual({ title: "Contact attempt logged", details: ["Telephone: no answer.", "On Tuesday 1 December 2026."] });
  });

  it("shows a note's text only when the reader's names include it", () => {
    expect(timelineWording(event("note.added", null, null, { entityId: "note-1" }), names).details).toEqual(["Rang twice, will try the alternative number."]);
    expect(timelineWording(event("note.added", null, null, { entityId: "note-1" }), { ...names, notes: new Map() }).details).toEqual([]);
  });

  it("words a lifecycle step with its states and the DEA or Work Coach's agreement (3.08)", () => {
    const wording = timelineWording(
      event("case.rejected", { state: "referred" }, { state: "rejected", action: "reject", workCoachAgreed: true, workCoachName: "Sam Patel" }),
      names,
    );
    expect(wording.title).toBe("Step recorded: reject the referral");
    expect(wording.details).toEqual(["State: Referred → Rejected.", "Sam Patel agreed."]);
  });

  it("lists before and after of a change of circumstances", () => {
    const wording = timelineWording(
      event("case.circumstances_changed", { telephone: "01234 567890", vulnerable: false, version: 3 }, { telephone: "07700 900123", vulnerable: true, version: 4 }),
      names,
    );
    expect(wording).toEqual({ title: "Contact and personal details changed", details: ["Telephone: 01234 567890 → 07700 900123", "Safeguard (vulnerable customer): No → Yes"] });
  });

  it("explains a transfer: the site and each due date that moved, and why", () => {
    const wording = timelineWording(
      event("case.transferred", { site: "Glasgow East (Scotland)", startDueOn: "2026-12-29" }, { site: "Leeds (England)", startDueOn: "2026-12-30" }, { reason: "Moved house" }),
      names,
    );
    expect(wording.details).toEqual([
      "Site: Glasgow East (Scotland) → Leeds (England)",
      "Start within 20 working days due: Tuesday 29 December 2026 → Wednesday 30 December 2026",
      "Reason: Moved house",
    ]);
  });

  it("never shows a raw event name", () => {
    for (const action of ["case.created", "spoc.chased", "ucpr1.received", "uc452.received", "sl2.page1_returned", "mappa_annex.read", "something.new_event"]) {
      const { title } = timelineWording(event(action, {}, {}), names);
      expect(title).not.toContain("_");
      expect(title).not.toMatch(/[a-z]\.[a-z]/);
      expect(title.charAt(0)).toBe(title.charAt(0).toUpperCase());
    }
  });

  it("ignores fields that did not change", () => {
    expect(beforeAfterLines({ town: "Leeds" }, { town: "Leeds" })).toEqual([]);
  });
});
