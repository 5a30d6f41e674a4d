/**
 * The demo organisation, its people and ~30 cases at every stage of every referral route
 * (docs/rules/routes.md and docs/rules/states.md). Everything is derived from one `today`:
 * business dates are counted back and forth in the working days of each site's nation
 * (referralDate = addWorkingDays(today, -k)), instants are those dates at fixed times, ids come
 * from seedId(name). So the same `today` always gives the same rows, and any `today` gives the
 * same mix on the dashboards: some cases on time, some at risk, some overdue.
 *
 * All people, streets, telephone numbers (Ofcom's drama ranges: 07700 900xxx, 0113 496 0xxx,
 * 0141 496 0xxx) and email domains (.example, .example.test) are fictional.
 *
 * This module only builds rows (no I/O); seed-demo.ts writes them.
 */
import type { IsoDate, Nation as CalendarNation, WorkingDayCalendar } from "@/lib/calendar/index";
import { isoDateToDb } from "@/lib/db/dates";
import type {
  AssessmentOutcome,
  CaseRoute,
  CaseState,
  ContactChannel,
  ContactOutcome,
  ContactRole,
  InboxKind,
  Nation,
  Prisma,
  PrapReason,
  PrapReferralStatus,
  ProvisionType,
  ReasonKind,
  RestrictionTier,
  Role,
  Ruleset,
  SecurePostDirection,
  SecurePostDocument,
  Strand,
  Uc452Part,
} from "@/lib/db/prisma";
import { ninoProblem, normaliseNino, purchaseOrderProblem, regimeOfPurchaseOrder } from "@/lib/domain/identifiers";
import { nationFromCode } from "@/lib/domain/nation";
import { dueDateColumnsFor, type ClockInputRow } from "@/lib/server/cases/recompute-due-dates";
import { seedId } from "./ids";

// ─── Organisation, sites, people ────────────────────────────────────────────────────────

export const DEMO_ORGANISATION_ID = seedId("organisation");
export const DEMO_ORGANISATION_NAME = "Northgate Employment Partnership";
export const DEMO_EMAIL_DOMAIN = "ses.example";

/**
 * The one password of every demo account (printed by the start script). It passes
 * passwordProblem (docs/security.md AU-03); demo accounts are refused in production (AU-05).
 */
export const DEMO_PASSWORD = "Harbour-lantern-2026";

export type DemoSiteKey = "leeds" | "glasgow";
export type DemoUserKey = "caseworker" | "caseworkerGlasgow" | "officer" | "manager" | "admin" | "multi";

interface DemoSite {
  key: DemoSiteKey;
  name: string;
  nation: Nation;
  capacity: number;
  address: string;
  /** The site's standing JCP single point of contact (13.14, 13.31). */
  spoc: { name: string; organisation: string; phone: string; email: string };
  venue: string;
}

export const DEMO_SITES: readonly DemoSite[] = [
  {
    key: "leeds",
    name: "Leeds Central",
    nation: "england_and_wales",
    capacity: 60,
    address: "Unit 4, Tannery Yard, 22 Kirkgate Row, Leeds LS2 7QH",
    spoc: {
      name: "Karen Holloway",
      organisation: "Leeds Eastgate Jobcentre",
      phone: "0113 496 0101",
      email: "leeds.spoc@jobcentre.example.test",
    },
    venue: "Leeds Central, Tannery Yard (ground floor, step-free)",
  },
  {
    key: "glasgow",
    name: "Glasgow East",
    nation: "scotland",
    capacity: 40,
    address: "2nd floor, 118 Carntyne Loan, Glasgow G32 6QT",
    spoc: {
      name: "Iain Cowie",
      organisation: "Glasgow Parkhead Jobcentre",
      phone: "0141 496 0202",
      email: "glasgow.spoc@jobcentre.example.test",
    },
    venue: "Glasgow East, Carntyne Loan (lift to 2nd floor)",
  },
];

interface DemoUser {
  key: DemoUserKey;
  email: string;
  name: string;
  roles: Role[];
  site: DemoSiteKey | null;
  description: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    key: "caseworker",
    email: `caseworker@${DEMO_EMAIL_DOMAIN}`,
    name: "Amira Hussain",
    roles: ["caseworker"],
    site: "leeds",
    description: "Caseworker at Leeds Central: works referrals end to end",
  },
  {
    key: "caseworkerGlasgow",
    email: `caseworker.glasgow@${DEMO_EMAIL_DOMAIN}`,
    name: "Callum Fraser",
    roles: ["caseworker"],
    site: "glasgow",
    description: "Caseworker at Glasgow East (Scottish bank holidays)",
  },
  {
    key: "officer",
    email: `officer@${DEMO_EMAIL_DOMAIN}`,
    name: "Dominic Okafor",
    roles: ["caseworker", "nominated_officer"],
    site: "leeds",
    description: "Nominated officer (and caseworker): the only one who sees SCR cases and MAPPA restrictions",
  },
  {
    key: "manager",
    email: `manager@${DEMO_EMAIL_DOMAIN}`,
    name: "Helen Whitaker",
    roles: ["manager"],
    site: null,
    description: "Manager: start-target performance, caseload, early leavers",
  },
  {
    key: "admin",
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    name: "Samuel Ellery",
    roles: ["administrator"],
    site: null,
    description: "Administrator: users, sites, bank holidays, provider details",
  },
  {
    key: "multi",
    email: `multi@${DEMO_EMAIL_DOMAIN}`,
    name: "Jordan Blake",
    roles: ["manager", "administrator"],
    site: null,
    description: "Manager and administrator in one account",
  },
];

export interface DemoSignIn {
  email: string;
  roles: Role[];
  description: string;
}

/** For the start script to print beside DEMO_PASSWORD. */
export const DEMO_SIGN_INS: readonly DemoSignIn[] = DEMO_USERS.map((user) => ({
  email: user.email,
  roles: [...user.roles],
  description: user.description,
}));

export const DEMO_ORGANISATION = {
  name: DEMO_ORGANISATION_NAME,
  // Printed on UC452 part 7 (13.31)
  contactPhone: "0113 496 0500",
  contactEmail: "ses.referrals@northgate.example.test",
  // UC452 parts 6 and 7 go to both, one form per email (13.21, 13.22)
  ucServiceCentreEmail: "uc-service-centre@dwp.example.test",
  sesPolicyEmail: "ses-policy@dwp.example.test",
} as const;

// ─── Dataset ────────────────────────────────────────────────────────────────────────────

/** Rows in foreign-key order; seed-demo.ts writes each array with one createMany. */
export interface DemoDataset {
  organisation: Prisma.OrganisationCreateManyInput;
  sites: Prisma.SiteCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  siteContacts: Prisma.ContactCreateManyInput[];
  claimants: Prisma.ClaimantCreateManyInput[];
  employmentHistory: Prisma.EmploymentHistoryCreateManyInput[];
  qualifications: Prisma.QualificationCreateManyInput[];
  cases: Prisma.CaseCreateManyInput[];
  caseContacts: Prisma.ContactCreateManyInput[];
  prapReferrals: Prisma.PrapReferralCreateManyInput[];
  caseAssignments: Prisma.CaseAssignmentCreateManyInput[];
  initialAssessments: Prisma.InitialAssessmentCreateManyInput[];
  uc452Forms: Prisma.Uc452FormCreateManyInput[];
  uc452Emails: Prisma.Uc452EmailCreateManyInput[];
  ucpr1Forms: Prisma.Ucpr1FormCreateManyInput[];
  sessro1Forms: Prisma.Sessro1FormCreateManyInput[];
  sl2Forms: Prisma.Sl2FormCreateManyInput[];
  mappaAnnexes: Prisma.MappaAnnexCreateManyInput[];
  mappaLetters: Prisma.MappaLetterCreateManyInput[];
  securePost: Prisma.SecurePostLogCreateManyInput[];
  contactAttempts: Prisma.ContactAttemptCreateManyInput[];
  caseNotes: Prisma.CaseNoteCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
}

export interface DemoContext {
  today: IsoDate;
  calendar: WorkingDayCalendar;
  /** hashPassword(DEMO_PASSWORD), computed once by the caller and shared by every demo user. */
  passwordHash: string;
}

type Instant = string;

/** `${date}T${time}:00.000Z`: instants at fixed times, never the clock. */
function instant(date: IsoDate, time: string): Instant {
  if (!/^\d{2}:\d{2}$/.test(time)) throw new TypeError(`Bad demo time ${time}`);
  return `${date}T${time}:00.000Z`;
}

function addMinutes(at: Instant, minutes: number): Instant {
  return new Date(Date.parse(at) + minutes * 60_000).toISOString();
}

// ─── Reference lists used by the cases (seeded by seedReferenceData) ────────────────────

export type ReasonKey = `${ReasonKind}:${string}`;

export interface ReasonDefinition {
  kind: ReasonKind;
  code: string;
  label: string;
  prapLabel: PrapReason | null;
}

/**
 * Administrator-editable reason lists, each mapped to the label PRaP offers
 * (docs/rules/reasons-and-settings.md; 13.33, 13.34, 3.08, 3.13, 3.14).
 */
export const REASON_DEFINITIONS: readonly ReasonDefinition[] = [
  // 13.33, 3.13: referral made in error, found before acknowledgement/acceptance → "Other"
  { kind: "rejection", code: "other", label: "Referral made in error (Other)", prapLabel: "other" },
  // 3.08: customer no longer suitable, and the DEA/Work Coach agrees (3.10)
  { kind: "rejection", code: "no_longer_wishes", label: "No longer wishes to take part", prapLabel: "customer_no_longer_suitable" },
  { kind: "rejection", code: "unable_to_contact", label: "Unable to contact after 3 attempts", prapLabel: "customer_no_longer_suitable" },
  { kind: "rejection", code: "circumstances_changed", label: "Circumstances have changed", prapLabel: "customer_no_longer_suitable" },
  // 13.34, 13.35, 3.14, 3.15
  { kind: "cancellation", code: "did_not_start", label: "Did Not Start", prapLabel: "did_not_start" },
  // 13.28–13.31: after full discussion with the claimant; the reason is phoned, not written
  { kind: "not_suitable", code: "discussed_with_spoc", label: "Not suitable after full discussion (JCP SPoC told by telephone)", prapLabel: null },
  // 13.36, 3.16: part 8a / exit tracker leaving reason
  { kind: "early_leaving", code: "found_work", label: "Found work", prapLabel: null },
  { kind: "early_leaving", code: "health", label: "Health reasons", prapLabel: null },
  { kind: "early_leaving", code: "moved_away", label: "Moved out of the area", prapLabel: null },
  { kind: "early_leaving", code: "no_longer_wishes", label: "No longer wishes to take part", prapLabel: null },
  { kind: "early_leaving", code: "other", label: "Other reason", prapLabel: null },
  // SESSRO1 Part 4 (13.46, 13.51, 3.24, 3.29)
  { kind: "not_eligible", code: "incompatible_programme", label: "On an incompatible DWP programme", prapLabel: null },
  { kind: "not_eligible", code: "not_eligible", label: "Not eligible for SES", prapLabel: null },
  { kind: "not_eligible", code: "not_suitable", label: "Not suitable for SES", prapLabel: null },
];

export function reasonId(kind: ReasonKind, code: string): string {
  return seedId(`reason:${kind}:${code}`);
}

function reasonLabel(key: ReasonKey): string {
  const found = REASON_DEFINITIONS.find((reason) => `${reason.kind}:${reason.code}` === key);
  if (!found) throw new Error(`Unknown demo reason ${key}`);
  return found.label;
}

// ─── Claimants ──────────────────────────────────────────────────────────────────────────

interface ClaimantSpec {
  title: string;
  forename: string;
  surname: string;
  /** null for MAPPA: the referral arrives without address, postcode and telephone (13.58, 3.32) */
  address: { line1: string; line2?: string; town: string; postcode: string } | null;
  telephone: string | null;
  alternativeTelephone?: string;
  childcare?: string;
  drivingLicence?: string;
  workSearchReview?: string;
  /** Ch3 additions (3.33) */
  ch3?: {
    aims: string;
    jobPreferences: string;
    preferredHours: string;
    claimPattern: string;
    availabilityRestrictions?: string;
    vulnerable?: boolean;
    disadvantaged?: boolean;
  };
  /** [description, years before today the job started, years before today it ended] */
  jobs?: readonly [string, number, number][];
  /** [level, subject, outcome, years before today it ended] */
  qualifications?: readonly [string, string, string, number][];
}

/** Valid-format NINOs (ninoProblem), clearly demo-made: "90" then the claimant's number. */
const NINO_PREFIXES = ["JW", "KR", "LS", "MH", "PE", "RW", "SH", "WT", "YE", "HR", "EJ", "CL"] as const;

function demoNino(index: number): string {
  const prefix = NINO_PREFIXES[index % NINO_PREFIXES.length];
  const middle = `90${String(index + 1).padStart(2, "0")}${String((index * 37 + 11) % 100).padStart(2, "0")}`;
  const nino = `${prefix}${middle}${"ABCD"[index % 4]}`;
  const problem = ninoProblem(nino);
  if (problem) throw new Error(`Demo NINO ${nino} is invalid: ${problem}`);
  return normaliseNino(nino);
}

// ─── The builder ────────────────────────────────────────────────────────────────────────

type CaseDateField =
  | "referralDate"
  | "referralReceivedOn"
  | "initialAssessmentOn"
  | "uc452ReceivedOn"
  | "ucpr1ReceivedOn"
  | "spocChasedOn"
  | "welcomeCallOn"
  | "firstMetOn"
  | "anticipatedStartOn"
  | "anticipatedEndOn"
  | "startedOn"
  | "endedOn";
type CaseInstantField = "backOutEmailAt" | "cancelledAt" | "closedAt" | "mappaMarkedAt";

interface OpenCase {
  key: string;
  site: DemoSiteKey;
  route: CaseRoute;
  ruleset: Ruleset;
  restrictionTier?: RestrictionTier;
  /** The state the case was created in (the first step of its route). */
  initialState: CaseState;
  /** Where its story must end: checked when the rows are built. */
  expectedState: CaseState;
  claimant: ClaimantSpec;
  createdBy: DemoUserKey;
  createdOn: IsoDate;
  createdTime: string;
}

interface PersonDetails {
  name: string;
  organisation?: string;
  phone?: string;
  email?: string;
}

interface AuditDetails {
  entityType?: string;
  entityId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  reason?: string;
}

class DemoWorld {
  readonly data: DemoDataset;
  readonly stories: CaseStory[] = [];
  private readonly events: { at: Instant; order: number; row: Prisma.AuditEventCreateManyInput }[] = [];
  private claimantCount = 0;
  private purchaseOrderCount = 0;
  readonly foundedAt: Instant;

  constructor(readonly context: DemoContext) {
    const { today, passwordHash } = context;
    // The organisation and its people exist well before the oldest demo case.
    this.foundedAt = instant(this.workingDays(today, -230, "leeds"), "08:00");
    const founded = this.foundedAt;
    this.data = {
      organisation: { id: DEMO_ORGANISATION_ID, ...DEMO_ORGANISATION, createdAt: founded, updatedAt: founded },
      sites: DEMO_SITES.map((site) => ({
        id: siteId(site.key),
        organisationId: DEMO_ORGANISATION_ID,
        name: site.name,
        nation: site.nation,
        address: site.address,
        capacity: site.capacity,
        createdAt: founded,
        updatedAt: founded,
      })),
      users: DEMO_USERS.map((user) => ({
        id: userId(user.key),
        organisationId: DEMO_ORGANISATION_ID,
        siteId: user.site ? siteId(user.site) : null,
        email: user.email,
        name: user.name,
        passwordHash,
        roles: [...user.roles],
        isDemo: true,
        passwordChangedAt: founded,
        createdAt: founded,
        updatedAt: founded,
      })),
      siteContacts: DEMO_SITES.map((site) => ({
        id: seedId(`site:${site.key}:jcp-spoc`),
        siteId: siteId(site.key),
        role: "jcp_spoc" as const,
        name: site.spoc.name,
        organisation: site.spoc.organisation,
        phone: site.spoc.phone,
        email: site.spoc.email,
        createdAt: founded,
      })),
      claimants: [],
      employmentHistory: [],
      qualifications: [],
      cases: [],
      caseContacts: [],
      prapReferrals: [],
      caseAssignments: [],
      initialAssessments: [],
      uc452Forms: [],
      uc452Emails: [],
      ucpr1Forms: [],
      sessro1Forms: [],
      sl2Forms: [],
      mappaAnnexes: [],
      mappaLetters: [],
      securePost: [],
      contactAttempts: [],
      caseNotes: [],
      auditEvents: [],
    };
  }

  get today(): IsoDate {
    return this.context.today;
  }

  nation(site: DemoSiteKey): CalendarNation {
    return nationFromCode(siteOf(site).nation);
  }

  workingDays(date: IsoDate, n: number, site: DemoSiteKey): IsoDate {
    return this.context.calendar.addWorkingDays(date, n, this.nation(site));
  }

  /** The k-th working day before today in the site's calendar. */
  ago(k: number, site: DemoSiteKey): IsoDate {
    return this.workingDays(this.today, -k, site);
  }

  /** The n-th working day after today in the site's calendar. */
  ahead(n: number, site: DemoSiteKey): IsoDate {
    return this.workingDays(this.today, n, site);
  }

  /** A date `years` years before today, on a fixed month and day. */
  yearsAgo(years: number, monthDay: string): IsoDate {
    return `${Number(this.today.slice(0, 4)) - years}-${monthDay}`;
  }

  nextPurchaseOrder(regime: "uc" | "non_uc"): string {
    this.purchaseOrderCount += 1;
    // 13.06, 13.16: '2' Universal Credit, '1' other benefits; 9 digits.
    const purchaseOrder = `${regime === "uc" ? "2" : "1"}0070${String(this.purchaseOrderCount).padStart(4, "0")}`;
    const problem = purchaseOrderProblem(purchaseOrder);
    if (problem) throw new Error(`Demo purchase order ${purchaseOrder}: ${problem}`);
    return purchaseOrder;
  }

  addClaimant(key: string, spec: ClaimantSpec, createdAt: Instant): { id: string; nino: string } {
    const index = this.claimantCount++;
    const id = seedId(`claimant:${key}`);
    const nino = demoNino(index);
    this.data.claimants.push({
      id,
      title: spec.title,
      forename: spec.forename,
      surname: spec.surname,
      nino,
      clientNumber: `CN${String(4_710_000 + index * 113).padStart(8, "0")}`,
      telephone: spec.telephone,
      alternativeTelephone: spec.alternativeTelephone ?? null,
      addressLine1: spec.address?.line1 ?? null,
      addressLine2: spec.address?.line2 ?? null,
      town: spec.address?.town ?? null,
      postcode: spec.address?.postcode ?? null,
      // SES is for disabled people: the referral says that they are disabled, never what the disability is (13.62)
      disabled: true,
      workSearchReviewAppointment: spec.workSearchReview ?? null,
      childcareRequirements: spec.childcare ?? null,
      drivingLicence: spec.drivingLicence ?? null,
      aims: spec.ch3?.aims ?? null,
      jobPreferences: spec.ch3?.jobPreferences ?? null,
      preferredHours: spec.ch3?.preferredHours ?? null,
      claimPattern: spec.ch3?.claimPattern ?? null,
      availabilityRestrictions: spec.ch3?.availabilityRestrictions ?? null,
      welshLanguage: spec.ch3 ? "none" : null,
      vulnerable: spec.ch3?.vulnerable ?? false,
      disadvantaged: spec.ch3?.disadvantaged ?? null,
      createdAt,
      updatedAt: createdAt,
    });
    (spec.jobs ?? []).forEach(([description, startedYearsAgo, endedYearsAgo], position) => {
      this.data.employmentHistory.push({
        id: seedId(`claimant:${key}:job:${position + 1}`),
        claimantId: id,
        sequence: position + 1,
        description,
        startDate: isoDateToDb(this.yearsAgo(startedYearsAgo, "03-02")),
        endDate: isoDateToDb(this.yearsAgo(endedYearsAgo, "10-27")),
      });
    });
    (spec.qualifications ?? []).forEach(([level, subject, outcome, endedYearsAgo], position) => {
      this.data.qualifications.push({
        id: seedId(`claimant:${key}:qualification:${position + 1}`),
        claimantId: id,
        sequenceNumber: position + 1,
        level,
        subject,
        outcome,
        startDate: isoDateToDb(this.yearsAgo(endedYearsAgo + 1, "09-07")),
        endDate: isoDateToDb(this.yearsAgo(endedYearsAgo, "06-26")),
      });
    });
    return { id, nino };
  }

  audit(at: Instant, by: DemoUserKey, caseId: string, action: string, details: AuditDetails): Prisma.AuditEventCreateManyInput {
    const row: Prisma.AuditEventCreateManyInput = {
      at,
      actorId: userId(by),
      actorRoles: [...userOf(by).roles],
      action,
      entityType: details.entityType ?? "case",
      entityId: details.entityId ?? caseId,
      caseId,
      restrictedRead: false,
      ...(details.before === undefined ? {} : { before: details.before }),
      ...(details.after === undefined ? {} : { after: details.after }),
      reason: details.reason ?? null,
    };
    this.events.push({ at, order: this.events.length, row });
    return row;
  }

  /** Case references in creation order, due dates, audit events in time order. */
  finish(): DemoDataset {
    const ordered = [...this.stories].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.key < b.key ? -1 : 1));
    ordered.forEach((story, index) => {
      story.reference = `SES-${String(index + 1).padStart(6, "0")}`;
      this.data.cases.push(story.toRow(this.context.calendar));
    });
    const todayEnd = `${this.today}T23:59:59.999Z`;
    this.events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
    for (const { at, row } of this.events) {
      if (at > todayEnd) throw new Error(`Demo audit event ${row.action} at ${at} is after today ${this.today}`);
      this.data.auditEvents.push(row);
    }
    return this.data;
  }
}

function siteOf(key: DemoSiteKey): DemoSite {
  const site = DEMO_SITES.find((candidate) => candidate.key === key);
  if (!site) throw new Error(`Unknown demo site ${key}`);
  return site;
}

function userOf(key: DemoUserKey): DemoUser {
  const user = DEMO_USERS.find((candidate) => candidate.key === key);
  if (!user) throw new Error(`Unknown demo user ${key}`);
  return user;
}

export function siteId(key: DemoSiteKey): string {
  return seedId(`site:${key}`);
}

export function userId(key: DemoUserKey): string {
  return seedId(`user:${key}`);
}

export function demoCaseId(key: string): string {
  return seedId(`case:${key}`);
}

/**
 * One case, written as the story of what happened to it: each step changes the case's
 * columns, adds its paper-trail rows and appends the audit event the timeline shows.
 */
class CaseStory {
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
    this.createdEvent = world.audit(this.createdAt, spec.createdBy, this.id, "case.created", {
      after: { route: spec.route, ruleset: spec.ruleset, state: spec.initialState, site: siteOf(spec.site).name },
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

  welcomeCall(on: IsoDate, time: string): void {
    this.set({ welcomeCallOn: on });
    this.attempt(on, time, "telephone", "successful", "Welcome call: first day on provision and any special needs arranged (3.07)");
    this.log(on, time, "welcome_call.recorded", { after: { welcomeCallOn: on } });
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
      welcomeCallOn: date("welcomeCallOn"),
      firstMetOn: date("firstMetOn"),
      startedOn: date("startedOn"),
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
      state: this.state,
      restrictionTier: this.spec.restrictionTier ?? "none",
      assignedCaseworkerId: this.assignedTo ? userId(this.assignedTo) : null,
      strand: this.strand,
      referralDate: date("referralDate"),
      referralReceivedOn: date("referralReceivedOn"),
      initialAssessmentOn: date("initialAssessmentOn"),
      uc452ReceivedOn: date("uc452ReceivedOn"),
      ucpr1ReceivedOn: date("ucpr1ReceivedOn"),
      spocChasedOn: date("spocChasedOn"),
      welcomeCallOn: date("welcomeCallOn"),
      firstMetOn: date("firstMetOn"),
      anticipatedStartOn: date("anticipatedStartOn"),
      anticipatedEndOn: date("anticipatedEndOn"),
      startedOn: date("startedOn"),
      endedOn: date("endedOn"),
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

interface Ucpr1Content {
  jobAims: string;
  jobPreferences: string;
  preferredHours: string;
  availabilityRestrictions: string;
  specialArrangements: string;
  complexNeeds: string;
}

function ucpr1(jobAims: string, jobPreferences: string, preferredHours: string, specialArrangements: string): Ucpr1Content {
  return {
    jobAims,
    jobPreferences,
    preferredHours,
    availabilityRestrictions: "None agreed with JCP",
    specialArrangements,
    // Complex needs are recorded without describing any condition (13.61, 13.62)
    complexNeeds: "See UC452; discuss at the Initial Assessment",
  };
}

// ─── Scenarios ──────────────────────────────────────────────────────────────────────────

function workCoach(site: DemoSiteKey, name: string, n: number): PersonDetails {
  const [forename, surname] = name.toLowerCase().split(" ");
  return {
    name,
    organisation: siteOf(site).spoc.organisation,
    phone: site === "leeds" ? `0113 496 0${String(300 + n)}` : `0141 496 0${String(300 + n)}`,
    email: `${forename}.${surname}@jobcentre.example.test`,
  };
}

function mobile(n: number): string {
  return `07700 900${String(n).padStart(3, "0")}`;
}

function leeds(line1: string, postcode: string, line2?: string) {
  return { line1, line2, town: "Leeds", postcode };
}

function glasgow(line1: string, postcode: string, line2?: string) {
  return { line1, line2, town: "Glasgow", postcode };
}

/** The opening common to every Chapter 13 PRaP case: Warm Handover, then the IA referral (13.11–13.18). */
function openChapter13Case(
  world: DemoWorld,
  spec: {
    key: string;
    site: DemoSiteKey;
    state: CaseState;
    k: number;
    claimant: ClaimantSpec;
    workCoachName: string;
    workCoachIndex: number;
    regime?: "uc" | "non_uc";
    restrictionTier?: RestrictionTier;
    iaAfter?: number;
  },
): { story: CaseStory; iaReferral: string } {
  const site = spec.site;
  const referralDate = world.ago(spec.k, site);
  const createdBy: DemoUserKey = site === "leeds" ? "caseworker" : "caseworkerGlasgow";
  const story = new CaseStory(world, {
    key: spec.key,
    site,
    route: "prap_two_stage",
    ruleset: spec.regime === "non_uc" ? "ses_2016_non_uc" : "ses_2016_uc",
    restrictionTier: spec.restrictionTier,
    initialState: "referred",
    expectedState: spec.state,
    claimant: spec.claimant,
    createdBy,
    createdOn: referralDate,
    createdTime: "10:15",
  });
  story.set({ referralDate, referralReceivedOn: referralDate, initialAssessmentOn: world.workingDays(referralDate, spec.iaAfter ?? 7, site) });
  // 13.11: the Work Coach's details, taken on the Warm Handover call with the claimant present
  story.contact("work_coach", workCoach(site, spec.workCoachName, spec.workCoachIndex), referralDate, "10:20", "Warm Handover call (13.11)");
  const iaReferral = story.prapReferral("ia_opportunity", spec.regime ?? "uc", referralDate, referralDate, "10:30");
  return { story, iaReferral };
}

function acknowledge(story: CaseStory, iaReferral: string, on: IsoDate): void {
  // 13.18: acknowledge the IA referral in PRaP
  story.prapStatus(iaReferral, "acknowledged", on, "11:00");
  story.transition("acknowledged", on, "11:01");
}

const STANDARD_UCPR1 = ucpr1(
  "Return to warehouse or stores work",
  "Day shifts, close to home",
  "Up to 25 hours a week",
  "Ground-floor room; extra time to read documents",
);

function buildScenarios(world: DemoWorld): void {
  const T = world.today;

  // ── Route 1: PRaP, Universal Credit, two-stage (Ch13) ────────────────────────────────

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
    story.prapStatus(strandReferral, "accepted", story.d(12), "09:30");
    story.transition("accepted", story.d(12), "09:31", { strand: "sessb" });
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
    story.prapStatus(strandReferral, "accepted", story.d(13), "09:15");
    story.transition("accepted", story.d(13), "09:16", { strand: "sesmp" });
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
    story.prapStatus(strandReferral, "accepted", story.d(10), "10:00");
    story.transition("accepted", story.d(10), "10:01", { strand: "sesmp" });
    story.set({ startedOn: story.d(15) });
    story.prapStatus(strandReferral, "started", story.d(15), "09:05");
    story.transition("started", story.d(15), "09:06", { startedOn: story.d(15) });
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
    story.prapStatus(strandReferral, "accepted", story.d(15), "10:20");
    story.transition("accepted", story.d(15), "10:21", { strand: "sesmp" });
    story.note(story.d(19), "09:45", "Participant unwell on the planned start date; Work Coach agreed a new start date.");
    story.set({ startedOn: story.d(24) });
    story.prapStatus(strandReferral, "started", story.d(24), "09:10");
    story.transition("started", story.d(24), "09:11", { startedOn: story.d(24) });
  }

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
    story.prapStatus(strandReferral, "accepted", story.d(10), "10:00");
    story.transition("accepted", story.d(10), "10:01", { strand: "sesmp" });
    story.set({ startedOn: story.d(14) });
    story.prapStatus(strandReferral, "started", story.d(14), "09:05");
    story.transition("started", story.d(14), "09:06", { startedOn: story.d(14) });
    story.note(story.d(90), "14:30", "Mid-point review: CV updated, two interviews arranged through the job broker.");
    const endedOn = story.d(164);
    story.set({ endedOn });
    story.uc452Part("part_8b", { actualEndOn: endedOn }, endedOn, "15:00");
    story.prapStatus(strandReferral, "completed", endedOn, "15:10");
    const at = story.transition("completed", endedOn, "15:11", { endedOn });
    story.setInstant("closedAt", at);
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
    story.prapStatus(strandReferral, "accepted", story.d(12), "09:45");
    story.transition("accepted", story.d(12), "09:46", { strand: "sessb" });
    story.set({ startedOn: story.d(17) });
    story.prapStatus(strandReferral, "started", story.d(17), "09:00");
    story.transition("started", story.d(17), "09:01", { startedOn: story.d(17) });
    const leftOn = world.ago(12, "leeds");
    story.set({ endedOn: leftOn });
    story.uc452Part("part_8a", { leavingOn: leftOn, reason: reasonLabel("early_leaving:health") }, leftOn, "14:00");
    story.prapStatus(strandReferral, "left_early", leftOn, "14:10");
    story.closeWith("health", "left_early", leftOn, "14:11", "Left on health grounds; next steps discussed with the Work Coach.");
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
    story.prapStatus(strandReferral, "accepted", story.d(12), "10:05");
    story.transition("accepted", story.d(12), "10:06", { strand: "sesmp" });
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
    story.prapStatus(strandReferral, "accepted", story.d(13), "10:30");
    story.transition("accepted", story.d(13), "10:31", { strand: "sessb" });
    story.set({ startedOn: story.d(18) });
    story.prapStatus(strandReferral, "started", story.d(18), "09:05");
    story.transition("started", story.d(18), "09:06", { startedOn: story.d(18) });
    // POST's email this morning: the 24-hour clock is running (docs/rules/decisions.md: 24 clock hours).
    const backOutEmailAt = instant(T, "08:45");
    story.setInstant("backOutEmailAt", backOutEmailAt);
    story.prapStatus(strandReferral, "backed_out", T, "08:50");
    story.transition("backed_out", T, "08:51", { backOutEmailAt }, undefined, "POST emailed: referral backed out of PRaP at JCP's request");
  }

  {
    // MAPPA, not SCR: arrives without address, postcode and telephone (13.58); restrictions and the
    // MAPPA J form held in the nominated-officer-only annex (13.59, 13.68, 13.69).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "uc-mappa",
      site: "leeds",
      state: "assessment_booked",
      k: 5,
      workCoachName: "Marcus Delaney",
      workCoachIndex: 4,
      restrictionTier: "mappa",
      claimant: {
        title: "Mr",
        forename: "Patrick",
        surname: "Mulvey",
        address: null,
        telephone: null,
        jobs: [["Groundworker", 11, 6]],
      },
    });
    acknowledge(story, iaReferral, story.d(0));
    const markedAt = instant(story.d(1), "11:00");
    story.setInstant("mappaMarkedAt", markedAt);
    story.contact(
      "jcp_nominated_officer",
      { name: "Graham Tennant", organisation: "Jobcentre Plus (nominated officer)", phone: "0113 496 0404", email: "nominated.officer@jobcentre.example.test" },
      story.d(1),
      "11:00",
      "JCP nominated officer phoned the provider's nominated officer with restrictions (13.68)",
    );
    story.log(story.d(1), "11:05", "case.mappa_marked", { after: { restrictionTier: "mappa" }, reason: "Further information from your nominated officer (13.71)" }, "officer");
    story.assign("officer", "officer", story.d(1), "11:10");
    const annexId = seedId(`case:${story.key}:mappa-annex`);
    world.data.mappaAnnexes.push({
      id: annexId,
      caseId: story.id,
      restrictions:
        "Appointments only at Leeds Central, in office hours, with the nominated officer present. No group sessions. No contact with the named victim's area (details on the MAPPA J form).",
      restrictionsPhonedOn: isoDateToDb(story.d(1)),
      mappaJReceivedOn: isoDateToDb(story.d(3)),
      // 13.70: contact details given by the JCP nominated officer, held here only
      contactTelephone: mobile(199),
      createdAt: markedAt,
      updatedAt: instant(story.d(3), "10:20"),
      version: 2,
    });
    story.log(story.d(1), "11:15", "mappa_annex.recorded", { entityType: "mappa_annex", entityId: annexId, after: { restrictionsPhonedOn: story.d(1) } }, "officer");
    story.formsReceived(story.d(2), { uc452: true, ucpr1: STANDARD_UCPR1 });
    world.data.mappaLetters.push({
      id: seedId(`case:${story.key}:mappa-letter:1`),
      caseId: story.id,
      sentOn: isoDateToDb(story.d(2)),
      description: "JCP sent the Initial Assessment appointment letter on the provider's behalf (13.72)",
      recordedById: userId("officer"),
      createdAt: instant(story.d(2), "12:00"),
    });
    story.log(story.d(2), "12:00", "mappa_letter.recorded", { entityType: "mappa_letter" }, "officer");
    story.securePost({
      on: story.d(3),
      time: "10:15",
      direction: "received",
      document: "mappa_j",
      method: "Royal Mail Special Delivery (Track and Trace)",
      trackingNumber: "SD 0071 4455 2GB",
      counterparty: "JCP nominated officer, Leeds Eastgate Jobcentre",
    });
    story.log(story.d(3), "10:20", "mappa_annex.updated", { entityType: "mappa_annex", entityId: annexId, after: { mappaJReceivedOn: story.d(3) } }, "officer");
    story.bookInitialAssessment(story.d(3), "14:00", story.d(7), "10:00", "Leeds Central, interview room 2 (nominated officer present)");
    story.note(story.d(3), "14:05", "MAPPA case: further information from your nominated officer.", "officer");
  }

  // ── 2016 non-UC (purchase order starting 1), Glasgow ───────────────────────────────

  {
    // Accepted; start target passed yesterday: overdue (Scottish calendar, 13.13).
    const { story, iaReferral } = openChapter13Case(world, {
      key: "non-uc-accepted-overdue",
      site: "glasgow",
      state: "accepted",
      k: 21,
      regime: "non_uc",
      workCoachName: "Euan Struthers",
      workCoachIndex: 2,
      claimant: {
        title: "Ms",
        forename: "Ailsa",
        surname: "Lindsay",
        address: glasgow("6 Tollcross Wynd", "G32 8LQ", "Tollcross"),
        telephone: mobile(116),
        qualifications: [["SVQ Level 2", "Hospitality", "Achieved", 8]],
      },
    });
    story.assign("caseworkerGlasgow", "caseworkerGlasgow", story.d(0), "10:50");
    acknowledge(story, iaReferral, story.d(0));
    story.formsReceived(story.d(3), { uc452: true, ucpr1: STANDARD_UCPR1 });
    story.bookInitialAssessment(story.d(3), "10:40", story.d(8), "10:30");
    story.holdInitialAssessment(story.d(8), "recommended", {
      strand: "sesmp",
      anticipatedStartOn: story.d(19),
      anticipatedEndOn: world.workingDays(story.d(19), 130, "glasgow"),
    });
    const strandReferral = story.prapReferral("sesmp", "non_uc", story.d(12), story.d(12), "09:30");
    story.prapStatus(strandReferral, "accepted", story.d(13), "09:50");
    story.transition("accepted", story.d(13), "09:51", { strand: "sesmp" });
  }

  // ── Route 2: PRaP single referral (Ch3, from Sep 2017) ─────────────────────────────

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
    story.set({ referralDate, referralReceivedOn: referralDate });
    // 3.05: the DEA's phone number and email, taken on the Warm Handover call (needed at exit)
    story.contact("disability_employment_adviser", workCoach(spec.site, spec.adviser, spec.adviserIndex + 20), referralDate, "10:45", "Warm Handover call (3.05)");
    // 3.06: referral to the "SES P2 National" opportunity
    const referral = story.prapReferral("ses_p2_national", spec.regime, referralDate, referralDate, "10:50");
    return { story, referral };
  };

  const ch3 = (aims: string, jobPreferences: string, preferredHours: string, extra: { vulnerable?: boolean; disadvantaged?: boolean } = {}) => ({
    aims,
    jobPreferences,
    preferredHours,
    claimPattern: "Monthly",
    availabilityRestrictions: "None agreed with JCP",
    ...extra,
  });

  const accept2017 = (story: CaseStory, referral: string, on: IsoDate) => {
    // 3.06: accept the referral in PRaP
    story.prapStatus(referral, "accepted", on, "11:20");
    story.transition("accepted", on, "11:21");
  };

  const start2017 = (story: CaseStory, referral: string, on: IsoDate) => {
    // 3.07: the start date is entered in PRaP before working with the customer
    story.set({ startedOn: on });
    story.prapStatus(referral, "started", on, "09:00");
    story.transition("started", on, "09:01", { startedOn: on });
  };

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
    story.welcomeCall(story.d(3), "11:30");
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
    story.welcomeCall(story.d(2), "14:00");
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
    story.welcomeCall(story.d(4), "10:30");
    start2017(story, referral, story.d(15));
    const leftOn = world.ago(5, "glasgow");
    story.set({ endedOn: leftOn });
    story.uc452Part("part_8a", { leavingOn: leftOn, reason: reasonLabel("early_leaving:found_work") }, leftOn, "14:30", "customer-exit-tracker-2017");
    story.prapStatus(referral, "left_early", leftOn, "14:40");
    story.closeWith("found_work", "left_early", leftOn, "14:41", "Started work as a sales assistant (20 hours a week); exit tracker sent to the DEA.");
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

  // ── Route 3: SRO introductions (SESSRO1, 13.40–13.51, 3.19–3.29) ───────────────────

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

  // ── Route 4: clerical SL2 for Special Customer Records (13.52–13.57, 13.74–13.78) ─

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

/** Every row of the demo, for one `today`. Pure: the same context gives the same rows. */
export function buildDemoDataset(context: DemoContext): DemoDataset {
  const world = new DemoWorld(context);
  buildScenarios(world);
  return world.finish();
}
