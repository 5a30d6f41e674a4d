import { randomUUID } from "node:crypto";
import type { IsoDate } from "@/lib/calendar";
import { isoDateToDb } from "@/lib/db/dates";
import type {
  CaseRoute,
  CaseState,
  Organisation,
  PrapReferralStatus,
  Prisma,
  PrismaClient,
  ProvisionType,
  ReasonKind,
  RestrictionTier,
  Ruleset,
  Site,
  Strand,
  User,
} from "@/lib/db/prisma";
import { isClosedState } from "@/lib/domain/case-states";
import type { Role } from "@/lib/domain/permissions";
import type { CaseDateField } from "@/lib/seed/demo/world";
import { seedReferenceData } from "@/lib/seed/seed-demo";
import type { UseCaseActor } from "@/lib/server/assert-can";
import { hashPassword } from "@/lib/server/auth/password";
import { loadCalendar } from "@/lib/server/reference/load-calendar";
import { recomputeDueDates } from "@/lib/server/cases/recompute-due-dates";

/**
 * Per-test data for the integration tests: rows inserted directly with Prisma into a real
 * database (support/test-database.ts), never through the use-case under test. Every builder
 * makes unique names, emails, NINOs, purchase orders and case references, so the tests of one
 * file can share a database (and a provider built in `beforeAll`) without seeing each other's
 * rows, and each test builds the cases it changes itself: run alone (`-t`) or shuffled
 * (`--sequence.shuffle`), a test finds exactly what it built.
 *
 *   const provider = await createProvider(db.prisma);              // organisation, two sites, one user per role
 *   const referred = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
 *   await assignCase(db.prisma, provider.actors.caseworker, { caseId: referred.id, version: referred.version, … });
 */

export type Nation = "england_and_wales" | "scotland" | "northern_ireland";

let sequence = 0;
/** A number no other row built in this test file has (each test file runs in its own module scope). */
const next = () => ++sequence;
const unique = () => randomUUID().slice(0, 8);

// ─── Organisation, sites, users ─────────────────────────────────────────────────────────

export async function createOrganisation(prisma: PrismaClient, name = `Provider ${unique()}`) {
  return prisma.organisation.create({ data: { name } });
}

export async function createSiteRow(
  prisma: PrismaClient,
  organisationId: string,
  fields: { name?: string; nation?: Nation; address?: string | null; capacity?: number | null } = {},
) {
  return prisma.site.create({
    data: {
      organisationId,
      name: fields.name ?? `Site ${unique()}`,
      nation: fields.nation ?? "england_and_wales",
      address: fields.address ?? null,
      capacity: fields.capacity ?? null,
    },
  });
}

export interface UserFixture {
  organisationId: string;
  roles?: Role[];
  email?: string;
  name?: string;
  password?: string;
  /** a ready-made hash instead of hashing `password` (e.g. an old-format hash) */
  passwordHash?: string;
  active?: boolean;
  siteId?: string | null;
}

export const DEFAULT_PASSWORD = "Quartz-Meadow-Lantern-7481";

// argon2id costs tens of milliseconds: users with the default password share one hash.
let defaultPasswordHash: Promise<string> | undefined;

export async function createUserRow(prisma: PrismaClient, fixture: UserFixture) {
  const id = unique();
  const passwordHash =
    fixture.passwordHash ??
    (fixture.password === undefined ? await (defaultPasswordHash ??= hashPassword(DEFAULT_PASSWORD)) : await hashPassword(fixture.password));
  return prisma.user.create({
    data: {
      organisationId: fixture.organisationId,
      siteId: fixture.siteId ?? null,
      email: (fixture.email ?? `user-${id}@provider.example`).toLowerCase(),
      name: fixture.name ?? `Test User ${id}`,
      roles: fixture.roles ?? ["caseworker"],
      passwordHash,
      active: fixture.active ?? true,
    },
  });
}

/** The actor a use-case receives from the session (lib/server/assert-can.ts). */
export function actorFor(user: { id: string; roles: readonly string[]; organisationId: string }): UseCaseActor {
  return {
    id: user.id,
    roles: user.roles as Role[],
    organisationId: user.organisationId,
    ip: "203.0.113.10",
    userAgent: "Vitest integration (builders)",
  };
}

/** One organisation with an administrator and a site, the usual starting point for admin tests. */
export async function createOrganisationWithAdministrator(prisma: PrismaClient) {
  const organisation = await createOrganisation(prisma);
  const site = await createSiteRow(prisma, organisation.id);
  const administrator = await createUserRow(prisma, { organisationId: organisation.id, roles: ["administrator"] });
  return { organisation, site, administrator, actor: actorFor(administrator) };
}

/** The people of a provider: one of each role, and a second caseworker at the Scottish site. */
export type StaffKey = "caseworker" | "caseworkerScotland" | "officer" | "manager" | "administrator";

const STAFF: Record<StaffKey, { roles: Role[]; site: "england" | "scotland" | null }> = {
  caseworker: { roles: ["caseworker"], site: "england" },
  caseworkerScotland: { roles: ["caseworker"], site: "scotland" },
  // As in the demo: a nominated officer is a caseworker too (docs/rules/roles.md).
  officer: { roles: ["caseworker", "nominated_officer"], site: "england" },
  manager: { roles: ["manager"], site: null },
  administrator: { roles: ["administrator"], site: null },
};

export interface Provider {
  organisation: Organisation;
  /** A site in England and Wales and one in Scotland (each site's nation sets its working days). */
  sites: { england: Site; scotland: Site };
  users: Record<StaffKey, User>;
  actors: Record<StaffKey, UseCaseActor>;
}

/**
 * A provider organisation with the contact details and UC452 inboxes its forms need, two sites
 * and one user per role; the reference data (bank holidays, reason lists, settings) is loaded
 * first, as every installation has it. Nothing here is demo data.
 */
export async function createProvider(prisma: PrismaClient): Promise<Provider> {
  await seedReferenceData(prisma);
  const tag = unique();
  const organisation = await prisma.organisation.create({
    data: {
      name: `Provider ${tag}`,
      contactPhone: "0113 496 0999",
      contactEmail: `referrals-${tag}@provider.example`,
      ucServiceCentreEmail: "uc-service-centre@dwp.example.test",
      sesPolicyEmail: "ses-policy@dwp.example.test",
    },
  });
  const sites = {
    england: await createSiteRow(prisma, organisation.id, { name: `Leeds ${tag}`, nation: "england_and_wales" }),
    scotland: await createSiteRow(prisma, organisation.id, { name: `Glasgow ${tag}`, nation: "scotland" }),
  };
  const users = {} as Record<StaffKey, User>;
  for (const [key, { roles, site }] of Object.entries(STAFF) as [StaffKey, (typeof STAFF)[StaffKey]][]) {
    users[key] = await createUserRow(prisma, { organisationId: organisation.id, roles, siteId: site ? sites[site].id : null, name: `${key} ${tag}` });
  }
  const actors = Object.fromEntries(Object.entries(users).map(([key, user]) => [key, actorFor(user)])) as Record<StaffKey, UseCaseActor>;
  return { organisation, sites, users, actors };
}

// ─── Claimants, cases and their paper trail ─────────────────────────────────────────────

export interface ClaimantFields {
  title?: string | null;
  forename?: string;
  surname?: string;
  nino?: string | null;
  telephone?: string | null;
  address?: { line1: string; town: string; postcode: string } | null;
}

/** A valid-format NINO (lib/domain/identifiers.ts ninoProblem) no other built claimant has. */
export function uniqueNino(): string {
  const n = next();
  return `WP${String(n).padStart(6, "0")}${"ABCD"[n % 4]}`;
}

/** A 9-digit PRaP purchase order: '2' Universal Credit, '1' other benefits (13.06, 13.16). */
export function uniquePurchaseOrder(regime: "uc" | "non_uc"): string {
  return `${regime === "uc" ? "2" : "1"}5${String(next()).padStart(7, "0")}`;
}

export async function createClaimant(prisma: PrismaClient, fields: ClaimantFields = {}) {
  const n = next();
  const address = fields.address === undefined ? { line1: `${n} Example Street`, town: "Leeds", postcode: "LS1 1AA" } : fields.address;
  return prisma.claimant.create({
    data: {
      title: fields.title === undefined ? "Mx" : fields.title,
      forename: fields.forename ?? "Alex",
      surname: fields.surname ?? `Claimant${n}`,
      nino: fields.nino === undefined ? uniqueNino() : fields.nino,
      telephone: fields.telephone === undefined ? `07700 900${String(n % 1000).padStart(3, "0")}` : fields.telephone,
      addressLine1: address?.line1 ?? null,
      town: address?.town ?? null,
      postcode: address?.postcode ?? null,
      disabled: true,
    },
  });
}

/** The status each state leaves the PRaP referral it moved in (docs/rules/states.md: PRaP referral transitions). */
const PRAP_STATUS: Partial<Record<CaseState, PrapReferralStatus>> = {
  referred: "received",
  acknowledged: "acknowledged",
  assessment_booked: "acknowledged",
  recommended: "acknowledged",
  not_suitable: "acknowledged",
  accepted: "accepted",
  started: "started",
  backed_out: "backed_out",
  completed: "completed",
  left_early: "left_early",
  rejected: "rejected",
  cancelled: "cancelled",
};

/** Ch13 states reached only after the Initial Assessment recommended a strand (13.21–13.27). */
const AFTER_RECOMMENDATION: readonly CaseState[] = ["recommended", "accepted", "started", "backed_out", "completed", "left_early"];
/** States with the strand referral in and moved (13.26, 13.27); "cancelled" only follows acceptance. */
const WITH_STRAND_REFERRAL: readonly CaseState[] = ["accepted", "started", "backed_out", "completed", "left_early", "cancelled"];
const STARTED: readonly CaseState[] = ["started", "backed_out", "completed", "left_early"];

/** The reason a closed case carries by default, from the administrator's lists (docs/rules/reasons-and-settings.md). */
const DEFAULT_CLOSURE: Partial<Record<CaseState, [ReasonKind, string]>> = {
  rejected: ["rejection", "other"],
  cancelled: ["cancellation", "did_not_start"],
  not_suitable: ["not_suitable", "discussed_with_spoc"],
  left_early: ["early_leaving", "found_work"],
  not_eligible: ["not_eligible", "not_eligible"],
};

const DEFAULT_RULESET: Record<CaseRoute, Ruleset> = {
  prap_two_stage: "ses_2016_uc",
  prap_single: "ses_2017",
  sro_introduction: "ses_2017",
  scr_clerical: "ses_2017",
};

const FIRST_STATE: Record<CaseRoute, CaseState> = {
  prap_two_stage: "referred",
  prap_single: "referred",
  sro_introduction: "introduced",
  scr_clerical: "referred",
};

/** The case's business dates other than the referral date (the columns the demo story sets too). */
type CaseDate = Exclude<CaseDateField, "referralDate">;

export interface CaseSpec {
  /** Default: the Ch13 UC two-stage route (13.11–13.27). */
  route?: CaseRoute;
  /** Default: the route's usual ruleset (ses_2016_uc for two-stage, ses_2017 otherwise). */
  ruleset?: Ruleset;
  /** Default: the route's first state. The builder adds what the state implies (below). */
  state?: CaseState;
  /** Default: the provider's site in England and Wales. */
  site?: Site;
  /** Default: nobody. */
  assignedTo?: User | null;
  /** Default: "scr" on the SL2 route, otherwise "none". "mappa" also sets mappaMarkedAt. */
  restrictionTier?: RestrictionTier;
  /** The business date of the referral (SCR: the SL2's arrival). Default 2026-11-23. */
  referralDate?: IsoDate;
  /** Any other business date; the ones a state implies default to the referral date. */
  dates?: Partial<Record<CaseDate, IsoDate>>;
  /** POST's back-out email (13.35, 3.15): default 09:00 UTC on the start date, for backed_out. */
  backOutEmailAt?: string;
  claimant?: ClaimantFields;
  /** Two-stage: the strand the Initial Assessment recommended (default sesmp). */
  strand?: Strand;
  /** Two-stage: the Work Coach's strand referral has arrived (default: from acceptance on). */
  strandReferral?: boolean;
  /** The PRaP regime of the purchase orders (default: from the ruleset; uc for ses_2017). */
  regime?: "uc" | "non_uc";
  /** UC452 parts 1–4 and the UCPR1 by post (13.08, 13.12, 13.14): the date each arrived. */
  forms?: { uc452ReceivedOn?: IsoDate; ucpr1ReceivedOn?: IsoDate };
  /** SL2 route: when page 1 and the referral form went back (13.55–13.57). */
  sl2?: { page1ReturnedOn?: IsoDate; referralFormReturnedOn?: IsoDate };
  /** A closed state's reason [kind, code]; default per state (DEFAULT_CLOSURE). */
  closureReason?: [ReasonKind, string];
}

export type BuiltCase = Prisma.CaseGetPayload<{ include: { claimant: true; prapReferrals: true } }>;

export const DEFAULT_REFERRAL_DATE: IsoDate = "2026-11-23";

/**
 * A case at a given state on a given route, with the rows that state implies and nothing told
 * step by step: its PRaP referral(s) at the matching status (the Ch13 IA referral, the strand
 * referral from acceptance on; the Ch3 single referral), the Initial Assessment and UC452 part 6
 * once a strand is recommended, the SL2 for an SCR case, a closure reason for a closed state;
 * then its stored due dates, computed as the app computes them (recomputeDueDates). No audit
 * rows: a test counts the rows its own step writes.
 */
export async function createCase(prisma: PrismaClient, provider: Provider, spec: CaseSpec = {}): Promise<BuiltCase> {
  const route = spec.route ?? "prap_two_stage";
  const ruleset = spec.ruleset ?? DEFAULT_RULESET[route];
  const state = spec.state ?? FIRST_STATE[route];
  const site = spec.site ?? provider.sites.england;
  const restrictionTier = spec.restrictionTier ?? (route === "scr_clerical" ? "scr" : "none");
  // An SRO introduction has no referral date until JCP's PRaP referral arrives (13.49).
  const referralDate = route === "sro_introduction" ? (spec.referralDate ?? null) : (spec.referralDate ?? DEFAULT_REFERRAL_DATE);
  const regime = spec.regime ?? "uc";
  const onRoute = (...routes: CaseRoute[]) => routes.includes(route);
  const dates: Partial<Record<CaseDate, IsoDate>> = {};
  const on = referralDate ?? DEFAULT_REFERRAL_DATE;
  if (onRoute("prap_two_stage", "prap_single")) dates.referralReceivedOn = on;
  if (onRoute("prap_two_stage") && AFTER_RECOMMENDATION.includes(state)) {
    Object.assign(dates, { firstMetOn: on, anticipatedStartOn: on, anticipatedEndOn: on });
  }
  if (onRoute("prap_two_stage") && state === "not_suitable") dates.firstMetOn = on;
  if (STARTED.includes(state)) dates.startedOn = on;
  if (state === "completed" || state === "left_early") dates.endedOn = on;
  if (spec.forms?.uc452ReceivedOn) dates.uc452ReceivedOn = spec.forms.uc452ReceivedOn;
  if (spec.forms?.ucpr1ReceivedOn) dates.ucpr1ReceivedOn = spec.forms.ucpr1ReceivedOn;
  Object.assign(dates, spec.dates);

  const now = new Date();
  const closureReason = spec.closureReason ?? DEFAULT_CLOSURE[state];
  const reason = isClosedState(state) && closureReason ? await prisma.reason.findUnique({ where: { kind_code: { kind: closureReason[0], code: closureReason[1] } } }) : null;
  const strand = onRoute("prap_two_stage") && AFTER_RECOMMENDATION.includes(state) ? (spec.strand ?? "sesmp") : null;
  const mappaMarkedAt = restrictionTier === "mappa" ? now : null;
  const backOutEmailAt = spec.backOutEmailAt ?? (state === "backed_out" ? `${dates.startedOn}T09:00:00.000Z` : undefined);
  // A MAPPA referral arrives without address and telephone (13.58, 3.32).
  const claimantFields = restrictionTier === "mappa" ? { address: null, telephone: null, ...spec.claimant } : spec.claimant;
  const claimant = await createClaimant(prisma, claimantFields);

  const theCase = await prisma.case.create({
    data: {
      reference: await nextCaseReference(prisma),
      organisationId: provider.organisation.id,
      siteId: site.id,
      claimantId: claimant.id,
      route,
      ruleset,
      state,
      restrictionTier,
      assignedCaseworkerId: spec.assignedTo?.id ?? null,
      strand,
      referralDate: isoDateToDb(referralDate),
      ...Object.fromEntries(Object.entries(dates).map(([field, date]) => [field, isoDateToDb(date)])),
      backOutEmailAt: backOutEmailAt ? new Date(backOutEmailAt) : null,
      cancelledAt: state === "cancelled" ? now : null,
      closedAt: isClosedState(state) ? now : null,
      closureReasonId: reason?.id ?? null,
      mappaMarkedAt,
    },
  });
  const caseId = theCase.id;

  // The PRaP referral(s), at the status the state implies.
  const status = PRAP_STATUS[state];
  if (onRoute("prap_two_stage") && status) {
    const withStrand = spec.strandReferral ?? WITH_STRAND_REFERRAL.includes(state);
    const iaStatus = state === "referred" ? "received" : state === "rejected" && !withStrand ? "rejected" : "acknowledged";
    await createPrapReferral(prisma, caseId, { provision: "ia_opportunity", regime, referralDate: on, status: iaStatus });
    if (withStrand) {
      await createPrapReferral(prisma, caseId, { provision: strand ?? "sesmp", regime, referralDate: on, status: state === "recommended" ? "received" : status });
    }
  }
  if (onRoute("prap_single") && status) await createPrapReferral(prisma, caseId, { provision: "ses_p2_national", regime, referralDate: on, status });

  // The Initial Assessment and UC452 part 6 (13.19–13.22), or part 7's outcome (13.28–13.31).
  if (onRoute("prap_two_stage") && state === "assessment_booked") {
    await prisma.initialAssessment.create({ data: { caseId, bookedFor: new Date(`${dates.initialAssessmentOn ?? on}T10:00:00.000Z`) } });
  }
  if (strand) {
    await prisma.initialAssessment.create({
      data: { caseId, heldOn: isoDateToDb(dates.firstMetOn), outcome: "recommended", strand, anticipatedStartOn: isoDateToDb(dates.anticipatedStartOn), anticipatedEndOn: isoDateToDb(dates.anticipatedEndOn) },
    });
    await prisma.uc452Form.create({
      data: { caseId, part: "part_6", templateVersion: "uc452-2016", fields: { strand, anticipatedStartOn: dates.anticipatedStartOn!, anticipatedEndOn: dates.anticipatedEndOn! }, completedAt: now },
    });
  }
  if (onRoute("prap_two_stage") && state === "not_suitable") {
    await prisma.initialAssessment.create({ data: { caseId, heldOn: isoDateToDb(dates.firstMetOn), outcome: "not_recommended" } });
  }
  if (dates.uc452ReceivedOn) {
    await prisma.uc452Form.create({ data: { caseId, part: "parts_1_to_4", templateVersion: "uc452-2016", fields: {}, receivedOn: isoDateToDb(dates.uc452ReceivedOn) } });
  }
  if (dates.ucpr1ReceivedOn) await prisma.ucpr1Form.create({ data: { caseId, receivedOn: isoDateToDb(dates.ucpr1ReceivedOn) } });

  // The SL2 (13.54–13.57, 3.31) and the SESSRO1 (13.42–13.44).
  if (onRoute("scr_clerical")) {
    await prisma.sl2Form.create({
      data: {
        caseId,
        receivedOn: isoDateToDb(on),
        page1CompletedOn: isoDateToDb(spec.sl2?.page1ReturnedOn),
        page1ReturnedOn: isoDateToDb(spec.sl2?.page1ReturnedOn),
        page1ReturnMethod: spec.sl2?.page1ReturnedOn ? "Secure (encrypted) email" : null,
        pages2And3Retained: spec.sl2?.page1ReturnedOn !== undefined,
        referralFormReturnedOn: isoDateToDb(spec.sl2?.referralFormReturnedOn),
        referralFormReturnMethod: spec.sl2?.referralFormReturnedOn ? "Secure (encrypted) email" : null,
      },
    });
  }
  if (onRoute("sro_introduction")) {
    await prisma.sessro1Form.create({
      data: { caseId, sroOrganisation: "Community Health Trust", sroContactName: "SRO Contact", surname: claimant.surname, forename: claimant.forename, nino: claimant.nino },
    });
  }

  await prisma.$transaction(async (tx) => recomputeDueDates(tx, caseId, await loadCalendar(tx)));
  return prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { claimant: true, prapReferrals: true } });
}

/**
 * The next case reference as the app numbers them (SES- and the highest number so far plus one),
 * so cases built here and cases a use-case opens in the same test never share a reference.
 */
async function nextCaseReference(prisma: PrismaClient): Promise<string> {
  const [{ next: number }] = await prisma.$queryRaw<{ next: number }[]>`
    SELECT (COALESCE(MAX(CAST(SUBSTRING("reference" FROM 5) AS INTEGER)), 0) + 1)::int AS "next"
    FROM "Case" WHERE "reference" ~ '^SES-[0-9]{1,9}$'`;
  return `SES-${String(number).padStart(6, "0")}`;
}

/** A PRaP referral on a case (13.16, 13.61), with a purchase order and referral ID nobody else has. */
export async function createPrapReferral(
  prisma: PrismaClient,
  caseId: string,
  fields: { provision: ProvisionType; regime?: "uc" | "non_uc"; referralDate?: IsoDate; status?: PrapReferralStatus; purchaseOrderNumber?: string },
) {
  const purchaseOrderNumber = fields.purchaseOrderNumber ?? uniquePurchaseOrder(fields.regime ?? "uc");
  const referralDate = fields.referralDate ?? DEFAULT_REFERRAL_DATE;
  return prisma.prapReferral.create({
    data: {
      caseId,
      purchaseOrderNumber,
      referralId: `TEST-${purchaseOrderNumber}`,
      provisionId: `TEST-${fields.provision.toUpperCase()}`,
      provision: fields.provision,
      regime: purchaseOrderNumber.startsWith("2") ? "uc" : "non_uc",
      referralDate: isoDateToDb(referralDate),
      receivedAt: new Date(`${referralDate}T09:00:00.000Z`),
      status: fields.status ?? "received",
    },
  });
}

/**
 * A MAPPA case's nominated-officer-only annex (13.68–13.72), written as rows: the restrictions
 * phoned through, the MAPPA J form received by secure post, and letters JCP sent.
 */
export async function createMappaAnnex(
  prisma: PrismaClient,
  caseId: string,
  fields: {
    restrictions?: string;
    restrictionsPhonedOn?: IsoDate;
    mappaJ?: { receivedOn: IsoDate; trackingNumber: string };
    letters?: { sentOn: IsoDate; description: string }[];
  },
) {
  const annex = await prisma.mappaAnnex.create({
    data: {
      caseId,
      restrictions: fields.restrictions ?? null,
      restrictionsPhonedOn: isoDateToDb(fields.restrictionsPhonedOn),
      mappaJReceivedOn: isoDateToDb(fields.mappaJ?.receivedOn),
    },
  });
  if (fields.mappaJ) {
    await prisma.securePostLog.create({
      data: {
        caseId,
        direction: "received",
        document: "mappa_j",
        method: "Royal Mail Special Delivery (Track and Trace)",
        trackingNumber: fields.mappaJ.trackingNumber,
        counterparty: "JCP nominated officer",
        postedOn: isoDateToDb(fields.mappaJ.receivedOn),
      },
    });
  }
  for (const letter of fields.letters ?? []) {
    await prisma.mappaLetter.create({ data: { caseId, sentOn: isoDateToDb(letter.sentOn), description: letter.description } });
  }
  return annex;
}
