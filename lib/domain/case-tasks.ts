/**
 * The case page's "What to do next" as one ordered task list: every open clock (each due or
 * overdue deadline, docs/rules/clocks.md), each lifecycle step the state machine offers now
 * (docs/rules/states.md), each UC452 part still to email (docs/rules/forms.md) and each chase,
 * with its due date and a status tag, soonest first. A task that no longer applies is not listed:
 * a chase once both forms arrived or once the start was recorded, and every clock the start ends.
 * Pure: the case page's loader passes in the clocks it computed and the state machine's answer.
 */
import { todayInLondon, type IsoDate } from "../calendar/iso-date";
import { clockTagColour, clockTagDetail, clockTagText, type ClockTagColour } from "./clock-presentation";
import type { Clock, ClockId, Ruleset } from "./deadlines";
import { actionSlug, type LifecycleFormAction } from "./forms/lifecycle-forms";
import type { WhatToDoNext } from "./lifecycle/step-pages";
import { ACTION_LABELS, stepFor } from "./lifecycle/steps";
import { can, type Role } from "./permissions";
import { INBOX_LABELS, inboxesFor, isEmailedPart, type Inbox, type Uc452Part } from "./uc452/template";

export interface CaseTask {
  /** Stable key: `clock:<id>`, `step:<action>`, `email:<part>:<inbox>`, `strand-referral`. */
  id: string;
  label: string;
  /** Where the user does it; null when this user may not (a manager sees the task, not the link). */
  href: string | null;
  /** The date it is due by; null for a step with no clock of its own. */
  dueOn: IsoDate | null;
  /** The urgency scheme's words and colour (lib/domain/urgency.ts), and for an open clock how late or how long is left. */
  status: { text: string; colour: ClockTagColour; detail?: string | null };
  /** The guidance paragraphs the task comes from. */
  paragraphs: string[];
}

export interface CaseTaskInput {
  caseId: string;
  ruleset: Ruleset;
  state: string;
  /** The start date, once recorded: the start ends every clock before it (13.13, 3.07). */
  startedOn: IsoDate | null;
  clocks: readonly Clock[];
  /** The state machine's answer for this case (null when the user may take no lifecycle step). */
  next: WhatToDoNext | null;
  roles: readonly Role[];
  /** The UC paper trail (UC Universal Credit cases, not SCR); null for any other case. */
  forms: {
    uc452ReceivedOn: IsoDate | null;
    ucpr1Received: boolean;
    parts: readonly { part: Uc452Part; completedOn: IsoDate | null }[];
    emails: readonly { part: Uc452Part; inbox: Inbox }[];
  } | null;
}

/** A clock is a task while it runs: not yet met, not closed out. */
const OPEN_STATES = new Set(["not_yet_due", "due_soon", "due_today", "overdue"]);

/**
 * The clocks the start ends: once the participant has started, a missing form is no longer
 * chased (13.14, 13.67), the first meeting has happened (13.17), the welcome call's moment has
 * passed (3.07) and the start itself is met (13.13, 3.07).
 */
const ENDED_BY_START: ReadonlySet<ClockId> = new Set(["forms_chase", "ucpr1_duplicate", "meet_participant", "welcome_call", "start"]);

/** The lifecycle step that does what a clock asks, when the state machine offers it. */
const STEP_FOR_CLOCK: Readonly<Partial<Record<ClockId, readonly LifecycleFormAction[]>>> = {
  start: ["record_start"],
  welcome_call: ["record_welcome_call"],
  back_out_cancel: ["cancel_after_back_out"],
  meet_participant: ["record_assessment_recommended", "book_initial_assessment"],
};

/** Tasks with no clock: "To do" (GOV.UK task list: the status names what is left). */
const TO_DO = { text: "To do", colour: "blue" as const };

function clockTask(clock: Clock, input: CaseTaskInput, offered: ReadonlySet<LifecycleFormAction>, mayWork: boolean): CaseTask {
  const base = `/cases/${input.caseId}`;
  let href: string | null = null;
  let label = clock.label;
  const step = (STEP_FOR_CLOCK[clock.id] ?? []).find((action) => offered.has(action));
  if (step) {
    href = `${base}/act/${actionSlug(step)}`;
    label = ACTION_LABELS[step];
  } else if (mayWork) {
    switch (clock.id) {
      case "forms_chase":
        // 13.14: chase the JCP SPoC for the form(s) that have not arrived.
        href = `${base}/forms/spoc-chased`;
        label = `Chase the JCP SPoC for ${missingForms(input).join(" and ") || "the UC452 and UCPR1"}`;
        break;
      case "ucpr1_duplicate":
        // 13.67: ask for a duplicate UCPR1.
        href = `${base}/forms/ucpr1-duplicate-requested`;
        break;
      case "exit_notice":
        // 3.16: the Customer Exit Tracker; 13.21 note, 13.36, 13.37: UC452 part 8a or 8b.
        if (input.ruleset === "ses_2017") {
          href = `${base}/forms/exit-tracker`;
          label = "Send the Customer Exit Tracker to the DEA or Work Coach";
        } else {
          const part = input.state === "left_early" ? "8a" : "8b";
          href = `${base}/forms/uc452/part_${part}/email`;
          label = `Email UC452 part ${part} to the UC Service Centre`;
        }
        break;
      default:
        break;
    }
  }
  return {
    id: `clock:${clock.id}`,
    label,
    href,
    dueOn: clock.dueOn ?? (clock.dueAt ? todayInLondon(new Date(clock.dueAt)) : null),
    status: { text: clockTagText(clock), colour: clockTagColour(clock), detail: clockTagDetail(clock) },
    paragraphs: [...clock.paragraphs],
  };
}

function missingForms(input: CaseTaskInput): string[] {
  if (!input.forms) return [];
  return [...(input.forms.uc452ReceivedOn ? [] : ["the UC452"]), ...(input.forms.ucpr1Received ? [] : ["the UCPR1"])];
}

/** Urgency of a status for ties on the same date: overdue first. */
function urgency(task: CaseTask): number {
  if (task.status.colour === "red") return 0;
  if (task.status.colour === "orange") return 1;
  if (task.status.colour === "yellow") return 2;
  return 3;
}

/** Every open task of the case, soonest first; undated tasks after the dated ones, in step order. */
export function caseTasks(input: CaseTaskInput): CaseTask[] {
  const mayWork = can(input.roles, "update:case:any");
  const offered = new Set(
    (input.next && !input.next.onSessro1 ? input.next.actions : []).filter((action) => can(input.roles, stepFor(action).permission)),
  );
  const tasks: CaseTask[] = [];
  const linked = new Set<LifecycleFormAction>();

  for (const clock of input.clocks) {
    if (!OPEN_STATES.has(clock.state) || clock.metOn !== null) continue;
    if (input.startedOn && ENDED_BY_START.has(clock.id)) continue;
    // 13.14: the chase is owed only while a form is missing.
    if (clock.id === "forms_chase" && input.forms && missingForms(input).length === 0) continue;
    const task = clockTask(clock, input, offered, mayWork);
    const step = (STEP_FOR_CLOCK[clock.id] ?? []).find((action) => offered.has(action));
    if (step) linked.add(step);
    tasks.push(task);
  }

  // 13.21, 13.22: parts 6 and 7 go to both DWP inboxes; each inbox not yet sent to is a task.
  // Parts 8a and 8b are the exit notice, a clock above.
  for (const part of input.forms?.parts ?? []) {
    if (!isEmailedPart(part.part) || part.part === "part_8a" || part.part === "part_8b" || part.completedOn === null) continue;
    for (const inbox of inboxesFor(part.part)) {
      if (input.forms!.emails.some((email) => email.part === part.part && email.inbox === inbox)) continue;
      const partName = part.part.replace("part_", "");
      tasks.push({
        id: `email:${part.part}:${inbox}`,
        label: `Email UC452 part ${partName} to the ${INBOX_LABELS[inbox].replace(/ inbox$/, "")} inbox`,
        href: mayWork ? `/cases/${input.caseId}/forms/uc452/${part.part}/email` : null,
        dueOn: null,
        status: { text: "To send", colour: "blue" },
        paragraphs: part.part === "part_6" ? ["13.21"] : ["13.22"],
      });
    }
  }

  // 13.25–13.27: the strand referral arrives before it can be accepted.
  if (input.next?.awaitingStrandReferral && mayWork) {
    tasks.push({
      id: "strand-referral",
      label: "Record the strand referral (the second PRaP referral)",
      href: `/cases/${input.caseId}/strand-referral`,
      dueOn: null,
      status: TO_DO,
      paragraphs: ["13.25", "13.26", "13.27"],
    });
  }

  // Every other step the state machine offers now (docs/rules/states.md), each to its own page.
  for (const action of offered) {
    if (linked.has(action)) continue;
    tasks.push({
      id: `step:${action}`,
      label: ACTION_LABELS[action],
      href: `/cases/${input.caseId}/act/${actionSlug(action)}`,
      dueOn: null,
      status: TO_DO,
      paragraphs: [],
    });
  }

  // Soonest first; the same day by urgency; undated last; otherwise the order above (stable sort).
  return tasks
    .map((task, index) => ({ task, index }))
    .sort((a, b) => {
      if (a.task.dueOn !== b.task.dueOn) {
        if (a.task.dueOn === null) return 1;
        if (b.task.dueOn === null) return -1;
        return a.task.dueOn < b.task.dueOn ? -1 : 1;
      }
      return urgency(a.task) - urgency(b.task) || a.index - b.index;
    })
    .map(({ task }) => task);
}
