import type { IsoDate, Nation as CalendarNation, WorkingDayCalendar } from "@/lib/calendar/index";
import { isoDateToDb } from "@/lib/db/dates";
import type { CaseRoute, CaseState, Prisma, RestrictionTier, Ruleset } from "@/lib/db/prisma";
import { ninoProblem, normaliseNino, purchaseOrderProblem } from "@/lib/domain/identifiers";
import { nationFromCode } from "@/lib/domain/nation";
import { seedId } from "../ids";
import type { CaseStory } from "./case-story";
import { DEMO_ORGANISATION, DEMO_ORGANISATION_ID, DEMO_SITES, DEMO_USERS, siteId, siteOf, userId, userOf, type DemoSiteKey, type DemoUserKey } from "./people";

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
  scrDuplicateAlerts: Prisma.ScrDuplicateAlertCreateManyInput[];
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
  /** The demo accounts' TOTP secret sealed for a user (lib/security/mfa-secret.ts), or null without AUTH_SECRET. */
  mfaSecretFor?: (userId: string) => string | null;
}

export type Instant = string;

/** `${date}T${time}:00.000Z`: instants at fixed times, never the clock. */
export function instant(date: IsoDate, time: string): Instant {
  if (!/^\d{2}:\d{2}$/.test(time)) throw new TypeError(`Bad demo time ${time}`);
  return `${date}T${time}:00.000Z`;
}

export function addMinutes(at: Instant, minutes: number): Instant {
  return new Date(Date.parse(at) + minutes * 60_000).toISOString();
}

// ─── Claimants ──────────────────────────────────────────────────────────────────────────

export interface ClaimantSpec {
  title: string;
  forename: string;
  surname: string;
  /** The NINO as given, for a person already known under another case (a possible SCR duplicate); otherwise the next demo NINO. */
  nino?: string;
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

// ─── The world the stories are told in ──────────────────────────────────────────────────

export type CaseDateField =
  | "referralDate"
  | "referralReceivedOn"
  | "initialAssessmentOn"
  | "warmHandoverOn"
  | "uc452ReceivedOn"
  | "ucpr1ReceivedOn"
  | "spocChasedOn"
  | "ucpr1DuplicateRequestedOn"
  | "welcomeCallOn"
  | "firstMetOn"
  | "anticipatedStartOn"
  | "anticipatedEndOn"
  | "startedOn"
  | "endedOn"
  | "exitNoticeSentOn";
export type CaseInstantField = "backOutEmailAt" | "cancelledAt" | "closedAt" | "mappaMarkedAt";

export interface OpenCase {
  key: string;
  site: DemoSiteKey;
  route: CaseRoute;
  ruleset: Ruleset;
  /**
   * Why the case runs another ruleset than its date gives (docs/rules/rulesets.md, "Choosing the
   * other ruleset"). The demo's dates are near today, so its Chapter 13 cases are contract
   * variants: CaseStory fills in DEMO_CONTRACT_VARIANT when this is left out.
   */
  rulesetOverrideReason?: string;
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

export interface PersonDetails {
  name: string;
  organisation?: string;
  phone?: string;
  email?: string;
}

export interface AuditDetails {
  entityType?: string;
  entityId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  reason?: string;
}

export class DemoWorld {
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
      users: DEMO_USERS.map((user) => {
        const mfaSecret = context.mfaSecretFor?.(userId(user.key)) ?? null;
        return {
          id: userId(user.key),
          organisationId: DEMO_ORGANISATION_ID,
          siteId: user.site ? siteId(user.site) : null,
          email: user.email,
          name: user.name,
          passwordHash,
          roles: [...user.roles],
          isDemo: true,
          // docs/security.md AU-04: every demo account has set up its second factor with the known demo secret.
          ...(mfaSecret ? { mfaSecret, mfaEnabledAt: founded } : {}),
          passwordChangedAt: founded,
          createdAt: founded,
          updatedAt: founded,
        };
      }),
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
      scrDuplicateAlerts: [],
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
    const nino = spec.nino ?? demoNino(index);
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

export function demoCaseId(key: string): string {
  return seedId(`case:${key}`);
}
