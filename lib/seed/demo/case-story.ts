import type { IsoDate, WorkingDayCalendar } from "@/lib/calendar/index";
import { isoDateToDb } from "@/lib/db/dates";
import type {
  AssessmentOutcome,
  CaseState,
  ContactChannel,
  ContactOutcome,
  ContactRole,
  InboxKind,
  Prisma,
  PrapReason,
  PrapReferralStatus,
  ProvisionType,
  ReasonKind,
  SecurePostDirection,
  SecurePostDocument,
  Strand,
  Uc452Part,
} from "@/lib/db/prisma";
import { regimeOfPurchaseOrder } from "@/lib/domain/identifiers";
import { CHAPTER_3_FROM } from "@/lib/domain/lifecycle/rulesets";
import { dueDateColumnsFor, type ClockInputRow } from "@/lib/server/cases/recompute-due-dates";
import { seedId } from "../ids";
import { reasonId, reasonLabel, type ReasonKey } from "../reasons";
import { DEMO_ORGANISATION, DEMO_ORGANISATION_ID, DEMO_ORGANISATION_NAME, siteId, siteOf, userId, userOf, type DemoSiteKey, type DemoUserKey } from "./people";
import { addMinutes, demoCaseId, instant, type AuditDetails, type CaseDateField, type CaseInstantField, type ClaimantSpec, type DemoWorld, type Instant, type OpenCase, type PersonDetails } from "./world";

/** Why a demo case runs Chapter 13's two-stage process although its date gives Chapter 3's. */
export const DEMO_CONTRACT_VARIANT =
  "Demo contract variant: this provider's contract keeps Chapter 13's two-stage process for Universal Credit referrals";

/**
 * One case, written as the story of what happened to it: each step changes the case's
 * columns, adds its paper-trail rows and appends the audit event the timeline shows.
 */
export class CaseStory {
  readonly id: string;
  readonly key: string;
  readonly site: DemoSiteKey;
  readonly claimantId: string;
  readonly nino: string;
  readonly createdAt: Instant;
  reference = "";
  state: CaseState;
  assignedTo: DemoUserKey | null = null;
  strand: Strand | null = null;
  closureReason: ReasonKey | null = null;
  closureNote: string | null = null;
  private readonly dates: Partial<Record<CaseDateField, IsoDate>> = {};
  private readonly instants: Partial<Record<CaseInstantField, Instant>> = {};
  private lastAt: Instant;
  private eventCount = 0;
  private readonly referrals = new Map<string, Prisma.PrapReferralCreateManyInput>();
  private readonly createdEvent: Prisma.AuditEventCreateManyInput;
  private readonly spec: OpenCase;
  private childCount = 0;
  /** 3.07: what the welcome call arranged (Case.welcomeCall). */
  private welcomeCallDetails: Prisma.InputJsonValue | null = null;
  private readonly rulesetOverrideReason: string | null;

  private overrideDetails() {
    return this.rulesetOverrideReason ? { derivedRuleset: "ses_2017", rulesetOverrideReason: this.rulesetOverrideReason } : {};
  }

  constructor(
    private readonly world: DemoWorld,
    spec: OpenCase,
  ) {
    this.spec = spec;
    this.key = spec.key;
    this.id = demoCaseId(spec.key);
    this.site = spec.site;
    this.state = spec.initialState;
    this.createdAt = instant(spec.createdOn, spec.createdTime);
    this.lastAt = this.createdAt;
    const claimant = world.addClaimant(spec.key, spec.claimant, this.createdAt);
    this.claimantId = claimant.id;
    this.nino = claimant.nino;
    // The demo is dated near today, so a Chapter 13 case is a contract variant: an override of the
    // ruleset its date gives, with a reason and who chose it (docs/rules/rulesets.md).
    this.rulesetOverrideReason =
      spec.ruleset === "ses_2016_uc" && spec.createdOn >= CHAPTER_3_FROM ? (spec.rulesetOverrideReason ?? DEMO_CONTRACT_VARIANT) : null;
    this.createdEvent = world.audit(this.createdAt, spec.createdBy, this.id, "case.created", {
      after: { route: spec.route, ruleset: spec.ruleset, state: spec.initialState, site: siteOf(spec.site).name, ...this.overrideDetails() },
    });
    this.eventCount = 1;
    world.stories.push(this);
  }

  get claimant(): ClaimantSpec {
    return this.spec.claimant;
  }

  /** The n-th working day after the referral date, in the site's calendar. */
  d(n: number): IsoDate {
    const referralDate = this.dates.referralDate;
    if (!referralDate) throw new Error(`${this.key}: no referral date yet`);
    return this.world.workingDays(referralDate, n, this.site);
  }

  get referralDate(): IsoDate {
    const referralDate = this.dates.referralDate;
    if (!referralDate) throw new Error(`${this.key}: no referral date yet`);
    return referralDate;
  }

  private actor(): DemoUserKey {
    return this.assignedTo ?? this.spec.createdBy;
  }

  private childId(kind: string): string {
    this.childCount += 1;
    return seedId(`case:${this.key}:${kind}:${this.childCount}`);
  }

  /**
   * Append an audit event. Steps must be told in date order; within a day, an event at or
   * before the previous one is nudged a minute after it so the timeline keeps its order.
   */
  log(on: IsoDate, time: string, action: string, details: AuditDetails = {}, by: DemoUserKey = this.actor()): Instant {
    let at = instant(on, time);
    if (at <= this.lastAt) {
      if (on < this.lastAt.slice(0, 10)) throw new Error(`${this.key}: ${action} on ${on} is told after an event at ${this.lastAt}`);
      at = addMinutes(this.lastAt, 1);
    }
    this.lastAt = at;
    this.eventCount += 1;
    this.world.audit(at, by, this.id, action, details);
    return at;
  }

  set(fields: Partial<Record<CaseDateField, IsoDate>>): void {
    Object.assign(this.dates, fields);
  }

  setInstant(field: CaseInstantField, at: Instant): void {
    this.instants[field] = at;
  }

  /** The provider accepts a PRaP referral in PRaP, and the case follows a minute later (13.27, 3.06). */
  acceptReferral(referralId: string, on: IsoDate, time: string, after: Record<string, Prisma.InputJsonValue> = {}): void {
    this.prapStatus(referralId, "accepted", on, time);
    this.transition("accepted", on, minuteAfter(time), after);
  }

  /** The start date goes into PRaP before work with the person begins, then the case starts (13.13, 3.07). */
  start(referralId: string, on: IsoDate, time: string): void {
    this.set({ startedOn: on });
    this.prapStatus(referralId, "started", on, time);
    this.transition("started", on, minuteAfter(time), { startedOn: on });
  }

  /** A lifecycle step: the case's state changes and the timeline says so. */
  transition(to: CaseState, on: IsoDate, time: string, after: Record<string, Prisma.InputJsonValue> = {}, by?: DemoUserKey, reason?: string): Instant {
    const before = this.state;
    this.state = to;
    return this.log(on, time, `case.${to}`, { before: { state: before }, after: { state: to, ...after }, reason }, by ?? this.actor());
  }

  assign(to: DemoUserKey, by: DemoUserKey, on: IsoDate, time: string): void {
    const previous = this.assignedTo;
    this.assignedTo = to;
    const at = this.log(on, time, "case.assigned", {
      before: { assignedTo: previous ? userOf(previous).name : null },
      after: { assignedTo: userOf(to).name },
    }, by);
    this.world.data.caseAssignments.push({
      id: this.childId("assignment"),
      caseId: this.id,
      caseworkerId: userId(to),
      assignedById: userId(by),
      assignedAt: at,
    });
  }

  contact(role: ContactRole, person: PersonDetails, on: IsoDate, time: string, why: string): void {
    const id = this.childId("contact");
    const at = this.log(on, time, "contact.added", {
      entityType: "contact",
      entityId: id,
      after: { role, name: person.name },
      reason: why,
    });
    this.world.data.caseContacts.push({
      id,
      caseId: this.id,
      role,
      name: person.name,
      organisation: person.organisation ?? null,
      phone: person.phone ?? null,
      email: person.email ?? null,
      createdAt: at,
    });
  }

  /** A PRaP referral arrives (13.16, 13.61): one per purchase order; the prefix gives the regime. */
  prapReferral(provision: ProvisionType, regime: "uc" | "non_uc", referralDate: IsoDate, receivedOn: IsoDate, time: string): string {
    const purchaseOrderNumber = this.world.nextPurchaseOrder(regime);
    const id = seedId(`prap-referral:${purchaseOrderNumber}`);
    const at = this.log(receivedOn, time, "prap_referral.received", {
      entityType: "prap_referral",
      entityId: id,
      after: { purchaseOrderNumber, provision, referralDate },
    });
    const row: Prisma.PrapReferralCreateManyInput = {
      id,
      caseId: this.id,
      purchaseOrderNumber,
      referralId: `PRAP-${purchaseOrderNumber.slice(3)}-${provision === "ia_opportunity" ? "IA" : "SP"}`,
      provisionId: PROVISION_IDS[provision](this.site),
      provision,
      regime: regimeOfPurchaseOrder(purchaseOrderNumber),
      referralDate: isoDateToDb(referralDate),
      receivedAt: at,
      status: "received",
      statusChangedAt: at,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    this.referrals.set(id, row);
    this.world.data.prapReferrals.push(row);
    return id;
  }

  prapStatus(referralId: string, status: PrapReferralStatus, on: IsoDate, time: string, reason?: { prap: PrapReason; note: string }): Instant {
    const row = this.referrals.get(referralId);
    if (!row) throw new Error(`${this.key}: unknown PRaP referral`);
    const before = row.status;
    const at = this.log(on, time, `prap_referral.${status}`, {
      entityType: "prap_referral",
      entityId: referralId,
      before: { status: before ?? "received" },
      after: { status, ...(reason ? { reason: reason.prap } : {}) },
      reason: reason?.note,
    });
    row.status = status;
    row.statusChangedAt = at;
    row.updatedAt = at;
    row.version = (row.version ?? 1) + 1;
    if (reason) {
      row.reason = reason.prap;
      row.reasonNote = reason.note;
    }
    return at;
  }

  /** UC452 parts 1–4 and UCPR1 by first-class post (13.08, 13.12, 13.14). */
  formsReceived(on: IsoDate, which: { uc452?: boolean; ucpr1?: Ucpr1Content }): void {
    if (which.uc452) {
      this.set({ uc452ReceivedOn: on });
      const id = this.childId("uc452");
      const at = this.log(on, "09:40", "uc452.received", { entityType: "uc452_form", entityId: id, after: { part: "parts_1_to_4", receivedOn: on } });
      // Part 5 and the exact fields of parts 1–4 are not public (docs/rules/decisions.md: form templates): no fields invented.
      this.world.data.uc452Forms.push({ id, caseId: this.id, part: "parts_1_to_4", fields: {}, receivedOn: isoDateToDb(on), createdAt: at, updatedAt: at });
    }
    if (which.ucpr1) {
      this.set({ ucpr1ReceivedOn: on });
      const id = this.childId("ucpr1");
      const at = this.log(on, "09:45", "ucpr1.received", { entityType: "ucpr1_form", entityId: id, after: { receivedOn: on } });
      this.world.data.ucpr1Forms.push({ id, caseId: this.id, receivedOn: isoDateToDb(on), ...which.ucpr1, createdAt: at, updatedAt: at });
    }
  }

  chaseSpoc(on: IsoDate): void {
    this.set({ spocChasedOn: on });
    const spoc = siteOf(this.site).spoc;
    this.log(on, "10:05", "spoc.chased", {
      after: { spoc: spoc.name, spocChasedOn: on },
      reason: "UC452 or UCPR1 not received by the 4th working day: JCP SPoC asked to post a duplicate (13.14, 13.67)",
    });
  }

  bookInitialAssessment(on: IsoDate, time: string, bookedFor: IsoDate, bookedTime: string, venue?: string): void {
    this.set({ initialAssessmentOn: bookedFor });
    const at = instant(on, time);
    this.world.data.initialAssessments.push({
      id: seedId(`case:${this.key}:initial-assessment`),
      caseId: this.id,
      bookedFor: instant(bookedFor, bookedTime),
      venue: venue ?? siteOf(this.site).venue,
      recordedById: userId(this.actor()),
      createdAt: at,
      updatedAt: at,
    });
    this.transition("assessment_booked", on, time, { bookedFor: instant(bookedFor, bookedTime) });
  }

  /** 13.19–13.22 (recommended: part 6) or 13.28–13.31 (not recommended: part 7). */
  holdInitialAssessment(
    on: IsoDate,
    outcome: AssessmentOutcome,
    details: { strand?: Strand; anticipatedStartOn?: IsoDate; anticipatedEndOn?: IsoDate; spocPhonedOn?: IsoDate },
  ): void {
    this.set({ firstMetOn: on });
    const assessment = this.world.data.initialAssessments.find((row) => row.caseId === this.id);
    const at = instant(on, "15:10");
    const fields = {
      heldOn: isoDateToDb(on),
      outcome,
      strand: details.strand ?? null,
      anticipatedStartOn: isoDateToDb(details.anticipatedStartOn),
      anticipatedEndOn: isoDateToDb(details.anticipatedEndOn),
      spocPhonedOn: isoDateToDb(details.spocPhonedOn),
      updatedAt: at,
    };
    if (assessment) Object.assign(assessment, fields);
    else {
      this.world.data.initialAssessments.push({
        id: seedId(`case:${this.key}:initial-assessment`),
        caseId: this.id,
        bookedFor: instant(on, "10:00"),
        venue: siteOf(this.site).venue,
        recordedById: userId(this.actor()),
        createdAt: at,
        ...fields,
      });
    }
    this.log(on, "15:10", "initial_assessment.recorded", {
      entityType: "initial_assessment",
      after: { heldOn: on, outcome, ...(details.strand ? { strand: details.strand } : {}) },
    });
    if (outcome === "recommended") {
      if (!details.strand || !details.anticipatedStartOn || !details.anticipatedEndOn) throw new Error(`${this.key}: part 6 needs strand and dates`);
      this.strand = details.strand;
      this.set({ anticipatedStartOn: details.anticipatedStartOn, anticipatedEndOn: details.anticipatedEndOn });
      const part6 = { strand: details.strand, anticipatedStartOn: details.anticipatedStartOn, anticipatedEndOn: details.anticipatedEndOn };
      this.uc452Part("part_6", part6, on, "15:30");
      this.transition("recommended", on, "15:35", part6);
      this.emailUc452("part_6", part6, on);
    } else {
      // 13.31: provider contact details on part 7; the reason was phoned, never written here.
      const part7 = {
        providerName: DEMO_ORGANISATION_NAME,
        providerPhone: DEMO_ORGANISATION.contactPhone,
        providerEmail: DEMO_ORGANISATION.contactEmail,
      };
      if (details.spocPhonedOn) {
        this.log(details.spocPhonedOn, "15:20", "spoc.phoned", {
          reason: "Outcome of the Initial Assessment given to the JCP SPoC by telephone (13.31)",
          after: { spoc: siteOf(this.site).spoc.name },
        });
      }
      this.uc452Part("part_7", part7, on, "15:40");
      this.closeWith("discussed_with_spoc", "not_suitable", on, "15:45", "Agreed with the claimant after a full discussion; reason given to the JCP SPoC by telephone.");
      this.emailUc452("part_7", part7, on);
    }
  }

  uc452Part(part: Uc452Part, fields: Record<string, Prisma.InputJsonValue>, on: IsoDate, time: string, templateVersion = "uc452-2016"): void {
    const id = this.childId("uc452");
    const at = this.log(on, time, "uc452.completed", { entityType: "uc452_form", entityId: id, after: { part, ...fields } });
    this.world.data.uc452Forms.push({
      id,
      caseId: this.id,
      part,
      templateVersion,
      fields,
      completedAt: at,
      completedById: userId(this.actor()),
      createdAt: at,
      updatedAt: at,
    });
  }

  /** 13.21, 13.22: one form per email, to the UC Service Centre inbox and the SES Policy inbox. */
  emailUc452(part: Uc452Part, snapshot: Record<string, Prisma.InputJsonValue>, on: IsoDate): void {
    const inboxes: [InboxKind, string][] = [
      ["uc_service_centre", DEMO_ORGANISATION.ucServiceCentreEmail],
      ["ses_policy", DEMO_ORGANISATION.sesPolicyEmail],
    ];
    for (const [inbox, recipient] of inboxes) {
      const id = this.childId("uc452-email");
      const at = this.log(on, "16:00", "uc452.emailed", { entityType: "uc452_email", entityId: id, after: { part, inbox, recipient } });
      this.world.data.uc452Emails.push({
        id,
        caseId: this.id,
        part,
        inbox,
        recipient,
        snapshot: { part, ...snapshot },
        sentOn: isoDateToDb(on),
        recordedById: userId(this.actor()),
        createdAt: at,
      });
    }
  }

  /** 3.07: the welcome call, as the app's step records it (lib/domain/lifecycle/steps/record-welcome-call.ts). */
  welcomeCall(on: IsoDate, time: string, firstDayOn: IsoDate | null = null, reasonableAdjustments: string | null = null): void {
    this.set({ welcomeCallOn: on });
    const details = {
      outcome: firstDayOn ? "first_day_arranged" : "first_day_not_arranged",
      firstDayOn,
      firstDayDetails: firstDayOn ? "10am at the provider's office; ask for the SES team at reception" : null,
      whatToBring: firstDayOn ? "Photo ID, bank details and any CV; the first morning is an induction" : null,
      reasonableAdjustments,
    };
    this.welcomeCallDetails = details;
    this.attempt(on, time, "telephone", "successful", "Welcome call: first day on provision and any special needs arranged (3.07)");
    this.log(on, time, "case.record_welcome_call", {
      before: { state: this.state },
      after: { state: this.state, action: "record_welcome_call", welcomeCallOn: on, ...details },
    });
  }

  /**
   * The exit notice sent (docs/rules/clocks.md "Exit notice"): UC452 part 8a/8b to the UC Service
   * Centre (13.21 note) or the Customer Exit Tracker to the DEA/Work Coach (3.05, 3.16).
   */
  exitNoticeSent(part: "part_8a" | "part_8b", inbox: InboxKind, recipient: string, fields: Record<string, Prisma.InputJsonValue>, templateVersion: string, on: IsoDate): void {
    const id = this.childId("exit-notice");
    const action = inbox === "dea_work_coach" ? "exit_tracker.sent" : "uc452.emailed";
    const at = this.log(on, "15:30", action, { entityType: "uc452_email", entityId: id, after: { part, inbox, recipient, sentOn: on } });
    this.world.data.uc452Emails.push({
      id,
      caseId: this.id,
      part,
      inbox,
      recipient,
      snapshot: { part, templateVersion, formVersion: 1, fields },
      sentOn: isoDateToDb(on),
      recordedById: userId(this.actor()),
      createdAt: at,
    });
    if (!this.dates.exitNoticeSentOn) this.set({ exitNoticeSentOn: on });
  }

  attempt(on: IsoDate, time: string, channel: ContactChannel, outcome: ContactOutcome, note: string): void {
    const id = this.childId("contact-attempt");
    const at = instant(on, time);
    this.world.data.contactAttempts.push({
      id,
      caseId: this.id,
      attemptedAt: at,
      channel,
      outcome,
      note,
      recordedById: userId(this.actor()),
      createdAt: at,
    });
    this.log(on, time, "contact_attempt.recorded", { entityType: "contact_attempt", entityId: id, after: { channel, outcome } });
  }

  note(on: IsoDate, time: string, text: string, by: DemoUserKey = this.actor()): void {
    const id = this.childId("note");
    const at = this.log(on, time, "note.added", { entityType: "case_note", entityId: id }, by);
    this.world.data.caseNotes.push({ id, caseId: this.id, authorId: userId(by), text, createdAt: at });
  }

  securePost(post: {
    on: IsoDate;
    time: string;
    direction: SecurePostDirection;
    document: SecurePostDocument;
    method: string;
    trackingNumber?: string;
    counterparty: string;
  }): void {
    const id = this.childId("secure-post");
    const at = this.log(post.on, post.time, "secure_post.logged", {
      entityType: "secure_post",
      entityId: id,
      after: { direction: post.direction, document: post.document, method: post.method, trackingNumber: post.trackingNumber ?? null },
    });
    this.world.data.securePost.push({
      id,
      caseId: this.id,
      direction: post.direction,
      document: post.document,
      method: post.method,
      trackingNumber: post.trackingNumber ?? null,
      counterparty: post.counterparty,
      postedOn: isoDateToDb(post.on),
      recordedById: userId(this.actor()),
      createdAt: at,
    });
  }

  /** A closing transition with its reason from the administrator-editable list. */
  closeWith(code: string, to: CaseState, on: IsoDate, time: string, note: string, kind: ReasonKind = reasonKindFor(to)): Instant {
    const key: ReasonKey = `${kind}:${code}`;
    this.closureReason = key;
    this.closureNote = note;
    const at = this.transition(to, on, time, { reason: reasonLabel(key) }, undefined, note);
    this.setInstant("closedAt", at);
    return at;
  }

  toRow(calendar: WorkingDayCalendar): Prisma.CaseCreateManyInput {
    if (this.state !== this.spec.expectedState) throw new Error(`${this.key}: ended ${this.state}, expected ${this.spec.expectedState}`);
    this.createdEvent.after = {
      reference: this.reference,
      route: this.spec.route,
      ruleset: this.spec.ruleset,
      state: this.spec.initialState,
      site: siteOf(this.site).name,
      ...this.overrideDetails(),
    };
    const date = (field: CaseDateField) => isoDateToDb(this.dates[field] ?? null);
    const when = (field: CaseInstantField) => {
      const value = this.instants[field];
      return value ? new Date(value) : null;
    };
    const site = siteOf(this.site);
    const clockInput: ClockInputRow = {
      ruleset: this.spec.ruleset,
      state: this.state,
      restrictionTier: this.spec.restrictionTier ?? "none",
      site: { nation: site.nation },
      referralDate: date("referralDate"),
      referralReceivedOn: date("referralReceivedOn"),
      uc452ReceivedOn: date("uc452ReceivedOn"),
      ucpr1ReceivedOn: date("ucpr1ReceivedOn"),
      spocChasedOn: date("spocChasedOn"),
      ucpr1DuplicateRequestedOn: date("ucpr1DuplicateRequestedOn"),
      welcomeCallOn: date("welcomeCallOn"),
      firstMetOn: date("firstMetOn"),
      startedOn: date("startedOn"),
      endedOn: date("endedOn"),
      exitNoticeSentOn: date("exitNoticeSentOn"),
      backOutEmailAt: when("backOutEmailAt"),
      cancelledAt: when("cancelledAt"),
    };
    return {
      id: this.id,
      reference: this.reference,
      organisationId: DEMO_ORGANISATION_ID,
      siteId: siteId(this.site),
      claimantId: this.claimantId,
      route: this.spec.route,
      ruleset: this.spec.ruleset,
      rulesetOverrideReason: this.rulesetOverrideReason,
      rulesetOverriddenById: this.rulesetOverrideReason ? userId(this.spec.createdBy) : null,
      state: this.state,
      restrictionTier: this.spec.restrictionTier ?? "none",
      assignedCaseworkerId: this.assignedTo ? userId(this.assignedTo) : null,
      strand: this.strand,
      referralDate: date("referralDate"),
      referralReceivedOn: date("referralReceivedOn"),
      initialAssessmentOn: date("initialAssessmentOn"),
      warmHandoverOn: date("warmHandoverOn"),
      uc452ReceivedOn: date("uc452ReceivedOn"),
      ucpr1ReceivedOn: date("ucpr1ReceivedOn"),
      spocChasedOn: date("spocChasedOn"),
      ucpr1DuplicateRequestedOn: date("ucpr1DuplicateRequestedOn"),
      welcomeCallOn: date("welcomeCallOn"),
      firstMetOn: date("firstMetOn"),
      anticipatedStartOn: date("anticipatedStartOn"),
      anticipatedEndOn: date("anticipatedEndOn"),
      startedOn: date("startedOn"),
      endedOn: date("endedOn"),
      exitNoticeSentOn: date("exitNoticeSentOn"),
      ...(this.welcomeCallDetails ? { welcomeCall: this.welcomeCallDetails } : {}),
      backOutEmailAt: when("backOutEmailAt"),
      cancelledAt: when("cancelledAt"),
      closedAt: when("closedAt"),
      closureReasonId: this.closureReason ? reasonId(...splitReasonKey(this.closureReason)) : null,
      closureNote: this.closureNote,
      mappaMarkedAt: when("mappaMarkedAt"),
      // The stored clocks, from the one function that computes them (recompute-due-dates.ts).
      ...dueDateColumnsFor(clockInput, calendar),
      createdById: userId(this.spec.createdBy),
      createdAt: this.createdAt,
      updatedAt: this.lastAt,
      version: this.eventCount,
    };
  }
}

function reasonKindFor(state: CaseState): ReasonKind {
  switch (state) {
    case "rejected":
      return "rejection";
    case "cancelled":
      return "cancellation";
    case "not_suitable":
      return "not_suitable";
    case "left_early":
      return "early_leaving";
    case "not_eligible":
      return "not_eligible";
    default:
      throw new Error(`No reason list for ${state}`);
  }
}

function splitReasonKey(key: ReasonKey): [ReasonKind, string] {
  const [kind, code] = key.split(":") as [ReasonKind, string];
  return [kind, code];
}

const SITE_CODES: Record<DemoSiteKey, string> = { leeds: "LDS", glasgow: "GLE" };

/** PRaP provision IDs for the demo organisation's opportunities (docs/rules/rulesets.md). */
const PROVISION_IDS: Record<ProvisionType, (site: DemoSiteKey) => string> = {
  ia_opportunity: (site) => `SES-IA-${SITE_CODES[site]}`,
  sesmp: (site) => `SES-MP-${SITE_CODES[site]}`,
  sessb: (site) => `SES-SB-${SITE_CODES[site]}`,
  // 3.06: the single referral is to the "SES P2 National" opportunity
  ses_p2_national: () => "SES-P2-NATIONAL",
};

export interface Ucpr1Content {
  jobAims: string;
  jobPreferences: string;
  preferredHours: string;
  availabilityRestrictions: string;
  specialArrangements: string;
  complexNeeds: string;
}

/** "09:30" → "09:31": the case's own step, logged the minute after the PRaP one. */
function minuteAfter(time: string): string {
  return addMinutes(instant("2000-01-01", time), 1).slice(11, 16);
}
