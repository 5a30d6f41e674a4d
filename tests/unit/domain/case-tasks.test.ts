import { describe, expect, it } from "vitest";
import type { IsoDate } from "@/lib/calendar/iso-date";
import { caseTasks, type CaseTaskInput } from "@/lib/domain/case-tasks";
import type { Clock, ClockId, ClockState } from "@/lib/domain/deadlines";

const CASE_ID = "11111111-1111-4111-8111-111111111111";

function clock(id: ClockId, state: ClockState, dueOn: IsoDate | null, extra: Partial<Clock> = {}): Clock {
  const remaining = state === "overdue" ? -1 : state === "due_today" ? 0 : 5;
  return {
    id,
    label: `Label of ${id}`,
    paragraphs: ["13.13"],
    dueOn,
    dueAt: null,
    state,
    metOn: state === "met_on_time" || state === "met_late" ? dueOn : null,
    workingDaysRemaining: remaining,
    explanation: [],
    provisional: false,
    ...extra,
  };
}

function input(overrides: Partial<CaseTaskInput> = {}): CaseTaskInput {
  return {
    caseId: CASE_ID,
    ruleset: "ses_2016_uc",
    state: "acknowledged",
    startedOn: null,
    clocks: [],
    next: { actions: [], awaitingStrandReferral: false, onSessro1: false },
    roles: ["caseworker"],
    forms: { uc452ReceivedOn: null, ucpr1Received: false, parts: [], emails: [] },
    ...overrides,
  };
}

describe("the case's task list (What to do next)", () => {
  it("lists the overdue JCP SPoC chase first, above the steps, with its due date and tag (13.14)", () => {
    const tasks = caseTasks(
      input({
        clocks: [clock("start", "not_yet_due", "2026-12-20"), clock("forms_chase", "overdue", "2026-12-01")],
        next: { actions: ["record_assessment_recommended", "reject"], awaitingStrandReferral: false, onSessro1: false },
      }),
    );
    expect(tasks[0]).toMatchObject({
      id: "clock:forms_chase",
      label: "Chase the JCP SPoC for the UC452 and the UCPR1",
      href: `/cases/${CASE_ID}/forms/spoc-chased`,
      dueOn: "2026-12-01",
      status: { text: "Overdue", colour: "red", detail: "by 1 working day" },
    });
    expect(tasks.map((task) => task.id)).toEqual(["clock:forms_chase", "clock:start", "step:record_assessment_recommended", "step:reject"]);
  });

  it("names only the form still missing in the chase (13.14)", () => {
    const [task] = caseTasks(input({ clocks: [clock("forms_chase", "due_today", "2026-12-03")], forms: { uc452ReceivedOn: "2026-12-01", ucpr1Received: false, parts: [], emails: [] } }));
    expect(task.label).toBe("Chase the JCP SPoC for the UCPR1");
  });

  it("drops the chase once both forms have arrived (13.14)", () => {
    const tasks = caseTasks(input({ clocks: [clock("forms_chase", "overdue", "2026-12-01")], forms: { uc452ReceivedOn: "2026-12-01", ucpr1Received: true, parts: [], emails: [] } }));
    expect(tasks).toEqual([]);
  });

  it("drops every clock the start ends once the start is recorded, keeping the exit notice (13.13, 13.14, 13.67, 3.07, 3.16)", () => {
    const tasks = caseTasks(
      input({
        state: "left_early",
        startedOn: "2026-11-20",
        clocks: [
          clock("forms_chase", "overdue", "2026-11-10"),
          clock("ucpr1_duplicate", "overdue", "2026-11-11"),
          clock("meet_participant", "overdue", "2026-11-12"),
          clock("exit_notice", "due_soon", "2026-12-08", { paragraphs: ["13.21"] }),
        ],
      }),
    );
    expect(tasks.map((task) => task.id)).toEqual(["clock:exit_notice"]);
    expect(tasks[0]).toMatchObject({ label: "Email UC452 part 8a to the UC Service Centre", href: `/cases/${CASE_ID}/forms/uc452/part_8a/email` });
  });

  it("sends a 2017 case's exit notice as the Customer Exit Tracker (3.16)", () => {
    const [task] = caseTasks(input({ ruleset: "ses_2017", forms: null, state: "completed", startedOn: "2026-10-01", clocks: [clock("exit_notice", "due_today", "2026-12-03")] }));
    expect(task).toMatchObject({ label: "Send the Customer Exit Tracker to the DEA or Work Coach", href: `/cases/${CASE_ID}/forms/exit-tracker` });
  });

  it("leaves out clocks that are met, missed or not applicable", () => {
    const tasks = caseTasks(
      input({ clocks: [clock("start", "met_on_time", "2026-12-01"), clock("welcome_call", "missed", "2026-11-01"), clock("meet_participant", "not_applicable", null)] }),
    );
    expect(tasks).toEqual([]);
  });

  it("links a clock to the step that meets it and does not list that step twice (13.13)", () => {
    const tasks = caseTasks(input({ state: "accepted", clocks: [clock("start", "due_soon", "2026-12-07")], next: { actions: ["record_start", "record_early_leaving"], awaitingStrandReferral: false, onSessro1: false } }));
    expect(tasks.map((task) => [task.label, task.href])).toEqual([
      ["Record the start date", `/cases/${CASE_ID}/act/record-start`],
      ["Record early leaving", `/cases/${CASE_ID}/act/record-early-leaving`],
    ]);
  });

  it("lists each UC452 part 6 email still to send, one per inbox (13.21)", () => {
    const tasks = caseTasks(
      input({
        forms: { uc452ReceivedOn: "2026-12-01", ucpr1Received: true, parts: [{ part: "part_6", completedOn: "2026-12-02" }], emails: [{ part: "part_6", inbox: "uc_service_centre" }] },
      }),
    );
    expect(tasks).toEqual([
      expect.objectContaining({ id: "email:part_6:ses_policy", label: "Email UC452 part 6 to the SES Policy inbox", status: { text: "To send", colour: "blue" }, paragraphs: ["13.21"] }),
    ]);
  });

  it("orders by due date, then overdue before due today on the same date", () => {
    const tasks = caseTasks(input({ clocks: [clock("start", "not_yet_due", "2026-12-20"), clock("meet_participant", "due_today", "2026-12-03"), clock("ucpr1_duplicate", "overdue", "2026-12-03")] }));
    expect(tasks.map((task) => task.id)).toEqual(["clock:ucpr1_duplicate", "clock:meet_participant", "clock:start"]);
  });

  it("offers the strand referral while it is awaited (13.25–13.27)", () => {
    const tasks = caseTasks(input({ next: { actions: [], awaitingStrandReferral: true, onSessro1: false } }));
    expect(tasks).toEqual([expect.objectContaining({ id: "strand-referral", href: `/cases/${CASE_ID}/strand-referral` })]);
  });

  it("shows a manager the deadlines but no links, and no steps they may not take", () => {
    const tasks = caseTasks(input({ roles: ["manager"], next: null, clocks: [clock("forms_chase", "overdue", "2026-12-01")] }));
    expect(tasks).toEqual([expect.objectContaining({ id: "clock:forms_chase", href: null })]);
  });

  it("dates the 24-hour back-out cancellation by the day it runs out (13.35, 3.15)", () => {
    const [task] = caseTasks(
      input({ clocks: [clock("back_out_cancel", "due_soon", null, { dueAt: "2026-12-03T20:45:00.000Z", workingDaysRemaining: null })], next: { actions: ["cancel_after_back_out"], awaitingStrandReferral: false, onSessro1: false } }),
    );
    expect(task).toMatchObject({ dueOn: "2026-12-03", href: `/cases/${CASE_ID}/act/cancel-after-back-out`, status: { text: "Due soon", detail: "by 8:45pm" } });
  });
});
