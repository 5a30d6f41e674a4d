/**
 * The volume seed for `npm run bench` (README "Speed at scale"): N referrals (100,000 by
 * default) over 3 years at 2 sites — one in England, one in Scotland — of ONE organisation,
 * separate from the demo data (its own organisation, sites, people, ids, references and
 * purchase order numbers, so it never collides with seed-demo.ts).
 *
 * Deterministic: a seeded PRNG (mulberry32) and a fixed "today" decide every row, so the same
 * (version, N, seed, today) always writes the same database. Each case follows the lifecycle of
 * its route (docs/rules/routes.md): events are planned in working days of the site's
 * nation from the referral date, and the ones on or before "today" have happened — so most
 * cases are closed and a few thousand are open at every stage (referred, acknowledged,
 * assessment_booked, recommended, accepted, started, backed_out, introduced …), some of them
 * overdue. ~1% are SCR (13.52–13.57) and ~1.5% MAPPA (13.58–13.60).
 *
 * The stored due-date columns are computed by the real code (dueDateColumnsFor with the calendar
 * loaded from the BankHoliday table and the deadline settings in force) at seed time.
 *
 * Rows are written with multi-row INSERTs through a SqlExecutor (pg directly for the bench) in
 * one transaction, then ANALYZEd. The seed records itself in the Setting "bench.volumeSeed";
 * a second run with the same version, N, seed and today does nothing, and a different one first
 * removes the previous volume data.
 */
import type { IsoDate, Nation as CalendarNation, WorkingDayCalendar } from "@/lib/calendar/index";
import { hashPassword } from "@/lib/server/auth/password";
import { isoDateFromDb, isoDateToDb } from "@/lib/db/dates";
import type { CaseRoute, CaseState, Nation, PrismaClient, ProvisionType, PrapReferralStatus, ReasonKind, Ruleset } from "@/lib/db/prisma";
import type { SqlExecutor } from "@/lib/db/sql-executor";
import type { DeadlineSettings } from "@/lib/domain/deadlines";
import { nationFromCode } from "@/lib/domain/nation";
import { loadCalendar } from "@/lib/server/reference/load-calendar";
import { dueDateColumnsFor, type ClockInputRow } from "@/lib/server/cases/recompute-due-dates";
import { loadDeadlineSettings } from "@/lib/server/reference/load-deadline-settings";
import { reasonId } from "../../lib/seed/reasons";
import { seedId } from "../../lib/seed/ids";
import { seedReferenceData } from "../../lib/seed/seed-demo";

// ─── What is seeded ─────────────────────────────────────────────────────────────────────

/** Bump when the generator changes: an existing volume seed of another version is replaced. */
export const VOLUME_SEED_VERSION = 5;
export const VOLUME_SEED_SETTING = "bench.volumeSeed";
export const VOLUME_DEFAULT_CASES = 100_000;
export const VOLUME_DEFAULT_PRNG_SEED = 20_261_125;
/** The fixed "today" the volume is built around (a Friday). */
export const VOLUME_TODAY: IsoDate = "2026-11-20";
/** Exit notices due before this date were sent; later ones are still to send. */
const EXIT_NOTICES_OPEN_FROM: IsoDate = "2026-11-06";
/** Password of every volume account (argon2id-hashed once). Bench-only accounts, flagged isDemo. */
export const VOLUME_PASSWORD = "Bench-lantern-harbour-2026";
export const VOLUME_EMAIL_DOMAIN = "bench.ses.example";
export const VOLUME_ORGANISATION_ID = volumeId("organisation");
export const VOLUME_CASEWORKERS_PER_SITE = 20;

export interface VolumeSite {
  key: "england" | "scotland";
  name: string;
  nation: Nation;
  /** Share of the referrals. */
  share: number;
  town: string;
  postcodeArea: string;
}

export const VOLUME_SITES: readonly VolumeSite[] = [
  { key: "england", name: "Sheffield Riverside (bench)", nation: "england_and_wales", share: 0.6, town: "Sheffield", postcodeArea: "S1" },
  { key: "scotland", name: "Dundee Waterfront (bench)", nation: "scotland", share: 0.4, town: "Dundee", postcodeArea: "DD1" },
];

export const VOLUME_USERS = {
  manager: `volume.manager@${VOLUME_EMAIL_DOMAIN}`,
  officer: `volume.officer@${VOLUME_EMAIL_DOMAIN}`,
  /** caseworker(1) … caseworker(40): 1–20 at the England site, 21–40 at the Scotland site. */
  caseworker: (n: number) => `volume.caseworker${String(n).padStart(2, "0")}@${VOLUME_EMAIL_DOMAIN}`,
} as const;

export function volumeSiteId(key: VolumeSite["key"]): string {
  return volumeId(`site:${key}`);
}

export function volumeUserId(email: string): string {
  return volumeId(`user:${email}`);
}

function volumeId(name: string): string {
  return seedId(`volume:${name}`);
}

// ─── Row shapes (plain values: ISO dates and instants as strings) ───────────────────────

type Value = string | number | boolean | null;
type Row = Record<string, Value>;

/**
 * A row of a big table packed into one string: its values in the table's packed column order
 * (createdAt and id first, so sorting the strings sorts by arrival), separated by FIELD, NULL_VALUE
 * for null. A million cases as objects of 40 strings each outgrow Node's default heap (~4 GB);
 * as one string each they take about a third of that.
 */
export type PackedRow = string;
const FIELD = "\u001f";
const NULL_VALUE = "\u001e";

export interface VolumeDataset {
  organisation: Row[];
  sites: Row[];
  users: Row[];
  claimants: PackedRow[];
  cases: PackedRow[];
  prapReferrals: PackedRow[];
  initialAssessments: PackedRow[];
}

type BulkKey = "claimants" | "cases" | "prapReferrals" | "initialAssessments";

/** A big table's columns in packed order: createdAt, id, then the rest as TABLES lists them. */
function packedColumns(key: BulkKey): string[] {
  const table = TABLES.find((candidate) => candidate.key === key);
  if (!table) throw new Error(`Volume seed: no table for ${key}`);
  const names = table.columns.map(([name]) => name);
  return ["createdAt", "id", ...names.filter((name) => name !== "createdAt" && name !== "id")];
}

function pack(key: BulkKey, row: Row): PackedRow {
  return packedColumns(key)
    .map((name) => {
      const value = row[name];
      if (value === undefined) throw new Error(`Volume seed: ${key}.${name} is missing`);
      return value === null ? NULL_VALUE : String(value);
    })
    .join(FIELD);
}

export interface VolumeOptions {
  cases: number;
  prngSeed: number;
  today: IsoDate;
}

export interface VolumeBuildContext extends VolumeOptions {
  calendar: WorkingDayCalendar;
  settings: DeadlineSettings;
  passwordHash: string;
}

/** mulberry32: a tiny seeded PRNG (the same one as tests/bench/calendar.bench.ts). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORENAMES = [
  "Amelia", "Oliver", "Isla", "Harry", "Ava", "Jack", "Mia", "George", "Ivy", "Noah", "Grace", "Leo", "Freya", "Arthur",
  "Lily", "Muhammad", "Sophie", "Thomas", "Ella", "James", "Aisha", "Callum", "Morag", "Fraser", "Eilidh", "Ruaridh",
  "Priya", "Daniel", "Chloe", "Samuel", "Zara", "Euan", "Niamh", "Kieran", "Hannah", "Rhys", "Megan", "Owen", "Erin", "Ewan",
];
const SURNAMES = [
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robertson", "Thomson", "Campbell",
  "Stewart", "Anderson", "Scott", "Murray", "MacDonald", "Reid", "Clarke", "Walker", "Wright", "Thompson", "White", "Hughes",
  "Edwards", "Green", "Hall", "Wood", "Harris", "Lewis", "Martin", "Jackson", "Khan", "Ali", "Hussain", "Begum", "Shaw", "Lloyd",
];
const STREETS = ["Mill Lane", "Station Road", "Church Street", "Victoria Road", "Park Avenue", "High Street", "Union Street", "Castle Wynd"];
/** Valid NINO prefixes (ninoProblem), clearly bench-made with "9" digits after. */
const NINO_PREFIXES = ["JW", "KR", "LS", "MH", "PE", "RW", "SH", "WT", "YE", "HR", "EJ", "CL", "AB", "CE", "GH", "NP"];

/** Every dated event of one case's planned journey, in working days after the referral date. */
interface Plan {
  route: CaseRoute;
  ruleset: Ruleset;
  tier: "none" | "mappa" | "scr";
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function at(date: IsoDate, random: () => number): string {
  return `${date}T${String(between(random, 8, 16)).padStart(2, "0")}:${String(between(random, 0, 59)).padStart(2, "0")}:00.000Z`;
}

function addHours(instant: string, hours: number): string {
  return new Date(Date.parse(instant) + hours * 3_600_000).toISOString();
}

/** Build every row (no I/O). Same context → the same rows, in the same order. */
export function buildVolumeDataset(context: VolumeBuildContext): VolumeDataset {
  const { calendar, settings, today } = context;
  const random = seededRandom(context.prngSeed);
  const created = `${today}T07:00:00.000Z`;
  const data: VolumeDataset = { organisation: [], sites: [], users: [], claimants: [], cases: [], prapReferrals: [], initialAssessments: [] };

  data.organisation.push({
    id: VOLUME_ORGANISATION_ID,
    name: "Volume Bench Employment Services",
    contactPhone: "0114 496 0999",
    contactEmail: `provider@${VOLUME_EMAIL_DOMAIN}`,
    createdAt: created,
    updatedAt: created,
  });
  for (const site of VOLUME_SITES) {
    data.sites.push({ id: volumeSiteId(site.key), organisationId: VOLUME_ORGANISATION_ID, name: site.name, nation: site.nation, capacity: null, createdAt: created, updatedAt: created });
  }
  const user = (email: string, name: string, roles: string[], siteKey: VolumeSite["key"] | null) =>
    data.users.push({
      id: volumeUserId(email),
      organisationId: VOLUME_ORGANISATION_ID,
      siteId: siteKey ? volumeSiteId(siteKey) : null,
      email,
      name,
      passwordHash: context.passwordHash,
      roles: `{${roles.join(",")}}`,
      isDemo: true,
      passwordChangedAt: created,
      createdAt: created,
      updatedAt: created,
    });
  user(VOLUME_USERS.manager, "Volume Manager", ["manager"], null);
  user(VOLUME_USERS.officer, "Volume Nominated Officer", ["nominated_officer", "caseworker"], "england");
  const caseworkers: Record<VolumeSite["key"], string[]> = { england: [], scotland: [] };
  for (let n = 1; n <= VOLUME_CASEWORKERS_PER_SITE * 2; n++) {
    const siteKey = n <= VOLUME_CASEWORKERS_PER_SITE ? "england" : "scotland";
    const email = VOLUME_USERS.caseworker(n);
    user(email, `${FORENAMES[n % FORENAMES.length]} ${SURNAMES[(n * 7) % SURNAMES.length]} (bench ${n})`, ["caseworker"], siteKey);
    caseworkers[siteKey].push(volumeUserId(email));
  }

  // Referral dates: uniformly over the working days of the last 3 years (before today).
  const firstDay = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
  const span: Record<VolumeSite["key"], number> = { england: 0, scotland: 0 };
  for (const site of VOLUME_SITES) span[site.key] = calendar.workingDaysBetween(firstDay, today, nationFromCode(site.nation));

  let purchaseOrders = 0;
  const nextPurchaseOrder = (regime: "uc" | "non_uc") => `${regime === "uc" ? "2" : "1"}${String(50_000_000 + ++purchaseOrders).padStart(8, "0")}`;

  for (let i = 0; i < context.cases; i++) {
    const site = random() < VOLUME_SITES[0].share ? VOLUME_SITES[0] : VOLUME_SITES[1];
    const nation: CalendarNation = nationFromCode(site.nation);
    const wd = (date: IsoDate, n: number) => calendar.addWorkingDays(date, n, nation);
    const happened = (date: IsoDate | null): date is IsoDate => date !== null && date <= today;

    // Route, ruleset, restriction: fixed shares of SCR (every 100th) and MAPPA (every 67th), so counts are exact.
    const plan: Plan = (() => {
      if (i % 100 === 37) return { route: "scr_clerical", ruleset: random() < 0.5 ? "ses_2016_uc" : "ses_2017", tier: "scr" } as Plan;
      const tier = i % 67 === 11 ? "mappa" : "none";
      const u = random();
      if (u < 0.45) {
        random(); // was the UC / non-UC draw: there is no non-UC two-stage ruleset (docs/decisions/0009-rulesets-by-referral-date.md)
        return { route: "prap_two_stage", ruleset: "ses_2016_uc", tier } as Plan;
      }
      if (u < 0.88) return { route: "prap_single", ruleset: "ses_2017", tier } as Plan;
      return { route: "sro_introduction", ruleset: pick(random, ["ses_2016_uc", "ses_2016_uc", "ses_2017"] as const), tier } as Plan;
    })();
    const chapter13 = plan.ruleset !== "ses_2017";
    const isScr = plan.tier === "scr";

    const firstEvent = wd(today, -between(random, 0, span[site.key] - 1));
    // An SRO introduction comes first; JCP's PRaP referral follows 4–12 working days later (13.44–13.49).
    const introducedOn = plan.route === "sro_introduction" ? firstEvent : null;
    const referralDate = introducedOn ? wd(introducedOn, between(random, 4, 12)) : firstEvent;
    const receivedOn = isScr || referralDate >= today || random() < 0.8 ? referralDate : wd(referralDate, 1);

    // The planned journey, working days after the referral date.
    const u = random();
    const sroOutcome = plan.route === "sro_introduction" ? (u < 0.08 ? "not_eligible" : u < 0.11 ? "provision_full" : "accepted") : "accepted";
    const acknowledgedOn = chapter13 && !isScr ? wd(referralDate, between(random, 0, 1)) : null;
    const welcomeCallOn = !chapter13 && random() < 0.92 ? wd(referralDate, between(random, 1, 7)) : null;
    const uc452On = plan.ruleset === "ses_2016_uc" && !isScr ? wd(referralDate, between(random, 1, 6)) : null;
    const ucpr1On = plan.ruleset === "ses_2016_uc" && !isScr ? wd(referralDate, between(random, 1, 7)) : null;
    const spocChasedOn = uc452On && ucpr1On && (uc452On > wd(referralDate, 4) || ucpr1On > wd(referralDate, 4)) && random() < 0.7 ? wd(referralDate, 4) : null;
    const firstMetOn = wd(referralDate, between(random, 2, 12));
    const fate = random();
    // 6% rejected before the IA, 8% not suitable at it, 4% backed out before starting; the rest start.
    const rejectedOn = fate < 0.06 ? wd(referralDate, between(random, 1, 8)) : null;
    const notSuitableOn = fate >= 0.06 && fate < 0.14 ? wd(firstMetOn, between(random, 0, 2)) : null;
    const acceptedOn = wd(firstMetOn, between(random, 1, 4));
    const startOn = wd(acceptedOn, between(random, 1, 12));
    const backsOut = fate >= 0.14 && fate < 0.18;
    const backOutEmailAt = backsOut ? at(wd(acceptedOn, between(random, 1, 6)), random) : null;
    const cancelledAt = backOutEmailAt ? addHours(backOutEmailAt, between(random, 1, 40)) : null;
    const endOn = wd(startOn, between(random, 15, 50));
    const leavesEarly = random() < 0.28;

    // Walk the journey up to today.
    let state = (plan.route === "sro_introduction" ? "introduced" : "referred") as CaseState;
    const dates: Record<string, IsoDate | null> = {
      referralDate: null, referralReceivedOn: null, initialAssessmentOn: null, uc452ReceivedOn: null, ucpr1ReceivedOn: null,
      spocChasedOn: null, welcomeCallOn: null, firstMetOn: null, anticipatedStartOn: null, anticipatedEndOn: null, startedOn: null, endedOn: null,
    };
    const instants: Record<string, string | null> = { backOutEmailAt: null, cancelledAt: null, closedAt: null };
    let closure: { kind: ReasonKind; code: string } | null = null;
    let strand: "sesmp" | "sessb" | null = null;
    /** The Initial Assessment (13.19–13.21): booked, held, and its outcome once decided. */
    const assessment = { bookedOn: null as IsoDate | null, heldOn: null as IsoDate | null, outcome: null as "recommended" | "not_recommended" | null };
    let lastEvent = introducedOn ?? receivedOn;
    const step = (on: IsoDate, to: CaseState) => {
      state = to;
      if (on > lastEvent) lastEvent = on;
    };
    const close = (on: IsoDate, to: CaseState, kind: ReasonKind, code: string) => {
      step(on, to);
      closure = { kind, code };
      instants.closedAt = at(on, random);
    };

    let referred = true;
    if (plan.route === "sro_introduction" && introducedOn) {
      const decidedOn = wd(introducedOn, between(random, 1, 3));
      if (happened(decidedOn)) {
        dates.firstMetOn = decidedOn;
        if (sroOutcome === "not_eligible") close(decidedOn, "not_eligible", "not_eligible", pick(random, ["not_eligible", "not_suitable", "incompatible_programme"]));
        else if (sroOutcome === "provision_full") {
          step(decidedOn, "provision_full");
          instants.closedAt = at(decidedOn, random);
        } else step(decidedOn, "introduction_accepted");
      }
      referred = sroOutcome === "accepted" && happened(referralDate);
    }
    if (referred && happened(referralDate)) {
      dates.referralDate = referralDate;
      if (happened(receivedOn)) dates.referralReceivedOn = receivedOn;
      if (state === "introduction_accepted") step(referralDate, "referred");
      if (happened(acknowledgedOn)) step(acknowledgedOn, "acknowledged");
      if (happened(uc452On)) dates.uc452ReceivedOn = uc452On;
      if (happened(ucpr1On)) dates.ucpr1ReceivedOn = ucpr1On;
      if (happened(spocChasedOn)) dates.spocChasedOn = spocChasedOn;
      if (happened(welcomeCallOn)) dates.welcomeCallOn = welcomeCallOn;
      const bookedOn = acknowledgedOn ?? wd(referralDate, 1);
      if (rejectedOn && happened(rejectedOn)) {
        close(rejectedOn, "rejected", "rejection", pick(random, ["other", "no_longer_wishes", "unable_to_contact", "circumstances_changed"]));
      } else if (!rejectedOn) {
        if (happened(bookedOn) && bookedOn < firstMetOn) {
          dates.initialAssessmentOn = firstMetOn;
          assessment.bookedOn = bookedOn;
          step(bookedOn, "assessment_booked");
        }
        if (happened(firstMetOn)) {
          dates.firstMetOn = firstMetOn;
          dates.initialAssessmentOn = firstMetOn;
          assessment.bookedOn ??= firstMetOn;
          assessment.heldOn = firstMetOn;
          if (notSuitableOn) {
            if (happened(notSuitableOn)) {
              assessment.outcome = "not_recommended";
              close(notSuitableOn, "not_suitable", "not_suitable", "discussed_with_spoc");
            }
          } else {
            assessment.outcome = "recommended";
            step(firstMetOn, "recommended");
            strand = chapter13 ? (random() < 0.8 ? "sesmp" : "sessb") : null;
            dates.anticipatedStartOn = startOn;
            dates.anticipatedEndOn = endOn;
            if (happened(acceptedOn)) step(acceptedOn, "accepted");
            if (backOutEmailAt && cancelledAt) {
              const emailDate = backOutEmailAt.slice(0, 10);
              if (happened(emailDate)) {
                instants.backOutEmailAt = backOutEmailAt;
                step(emailDate, "backed_out");
                const cancelDate = cancelledAt.slice(0, 10);
                if (happened(cancelDate)) {
                  instants.cancelledAt = cancelledAt;
                  close(cancelDate, "cancelled", "cancellation", "did_not_start");
                  instants.closedAt = cancelledAt;
                }
              }
            } else if (happened(startOn)) {
              dates.startedOn = startOn;
              step(startOn, "started");
              if (happened(endOn)) {
                dates.endedOn = endOn;
                if (leavesEarly) close(endOn, "left_early", "early_leaving", pick(random, ["found_work", "health", "moved_away", "no_longer_wishes", "other"]));
                else {
                  step(endOn, "completed");
                  instants.closedAt = at(endOn, random);
                }
              }
            }
          }
        }
      }
    }

    const caseId = volumeId(`case:${i}`);
    const claimantId = volumeId(`claimant:${i}`);
    const mappa = plan.tier === "mappa";
    const forename = pick(random, FORENAMES);
    const surname = pick(random, SURNAMES);
    const nino = `${NINO_PREFIXES[i % NINO_PREFIXES.length]}9${String(i % 100_000).padStart(5, "0")}${"ABCD"[i % 4]}`;
    const createdAt = at(introducedOn ?? receivedOn, random);
    data.claimants.push(pack("claimants", {
      id: claimantId,
      title: pick(random, ["Mr", "Ms", "Mrs", "Mx"]),
      forename,
      surname,
      nino,
      // MAPPA referrals arrive without address, postcode and telephone (13.58, 3.32).
      telephone: mappa ? null : `07700 9${String(i % 100_000).padStart(5, "0")}`,
      addressLine1: mappa ? null : `${1 + (i % 180)} ${pick(random, STREETS)}`,
      town: mappa ? null : site.town,
      postcode: mappa ? null : `${site.postcodeArea} ${1 + (i % 9)}${"ABDEFGHJLNPQRSTUWXYZ"[i % 20]}${"ABDEFGHJLNPQRSTUWXYZ"[(i * 7) % 20]}`,
      disabled: true,
      createdAt,
      updatedAt: createdAt,
    }));

    const assignedCaseworkerId = state === "referred" || state === "introduced" ? (random() < 0.5 ? null : pick(random, caseworkers[site.key])) : random() < 0.97 ? pick(random, caseworkers[site.key]) : null;
    const clockInput: ClockInputRow = {
      ruleset: plan.ruleset,
      state,
      restrictionTier: plan.tier,
      site: { nation: site.nation },
      referralDate: isoDateToDb(dates.referralDate),
      referralReceivedOn: isoDateToDb(dates.referralReceivedOn),
      uc452ReceivedOn: isoDateToDb(dates.uc452ReceivedOn),
      ucpr1ReceivedOn: isoDateToDb(dates.ucpr1ReceivedOn),
      spocChasedOn: isoDateToDb(dates.spocChasedOn),
      ucpr1DuplicateRequestedOn: null,
      welcomeCallOn: isoDateToDb(dates.welcomeCallOn),
      firstMetOn: isoDateToDb(dates.firstMetOn),
      startedOn: isoDateToDb(dates.startedOn),
      endedOn: isoDateToDb(dates.endedOn ?? null),
      exitNoticeSentOn: null,
      backOutEmailAt: instants.backOutEmailAt ? new Date(instants.backOutEmailAt) : null,
      cancelledAt: instants.cancelledAt ? new Date(instants.cancelledAt) : null,
    };
    // The stored clocks, from the one function that computes them (recompute-due-dates.ts). Exit
    // notices (13.21, 3.16) were sent on their due date, except those falling due in the last two
    // weeks, still open as on a provider's real queue.
    let due = dueDateColumnsFor(clockInput, calendar, settings);
    const exitNoticeDueOn = isoDateFromDb(due.exitNoticeDueOn);
    let exitNoticeSentOn: IsoDate | null = null;
    if (exitNoticeDueOn !== null && exitNoticeDueOn < EXIT_NOTICES_OPEN_FROM) {
      exitNoticeSentOn = exitNoticeDueOn;
      due = dueDateColumnsFor({ ...clockInput, exitNoticeSentOn: isoDateToDb(exitNoticeSentOn) }, calendar, settings);
    }
    const closedWith = closure as { kind: ReasonKind; code: string } | null;
    data.cases.push(pack("cases", {
      id: caseId,
      reference: "", // set below, in arrival order
      organisationId: VOLUME_ORGANISATION_ID,
      siteId: volumeSiteId(site.key),
      claimantId,
      route: plan.route,
      ruleset: plan.ruleset,
      state,
      restrictionTier: plan.tier,
      assignedCaseworkerId,
      strand,
      ...dates,
      ...instants,
      closureReasonId: closedWith ? reasonId(closedWith.kind, closedWith.code) : null,
      mappaMarkedAt: mappa ? createdAt : null,
      formsChaseDueOn: isoDateFromDb(due.formsChaseDueOn),
      ucpr1DuplicateDueOn: isoDateFromDb(due.ucpr1DuplicateDueOn),
      welcomeCallDueOn: isoDateFromDb(due.welcomeCallDueOn),
      meetDueOn: isoDateFromDb(due.meetDueOn),
      startDueOn: isoDateFromDb(due.startDueOn),
      cancelDueAt: due.cancelDueAt?.toISOString() ?? null,
      exitNoticeDueOn: isoDateFromDb(due.exitNoticeDueOn),
      exitNoticeSentOn,
      nextDeadlineOn: isoDateFromDb(due.nextDeadlineOn),
      createdAt,
      updatedAt: lastEvent === (introducedOn ?? receivedOn) ? createdAt : at(lastEvent, random),
      version: 1,
    }));

    if (assessment.bookedOn) {
      const recorded = at(assessment.bookedOn, random);
      const recommended = assessment.outcome === "recommended";
      data.initialAssessments.push(pack("initialAssessments", {
        id: volumeId(`initial-assessment:${i}`),
        caseId,
        bookedFor: `${dates.initialAssessmentOn}T10:00:00.000Z`,
        heldOn: assessment.heldOn,
        outcome: assessment.outcome,
        strand: recommended ? strand : null,
        anticipatedStartOn: recommended ? dates.anticipatedStartOn : null,
        anticipatedEndOn: recommended ? dates.anticipatedEndOn : null,
        createdAt: recorded,
        updatedAt: assessment.heldOn ? at(assessment.heldOn, random) : recorded,
      }));
    }

    // PRaP referrals (docs/rules/rulesets.md, layer 2): none for SCR (13.53) or before JCP's referral.
    if (dates.referralDate && !isScr) {
      const regime = plan.ruleset === "ses_2016_uc" ? "uc" : random() < 0.7 ? "uc" : "non_uc";
      const referral = (provision: ProvisionType, referralOn: IsoDate, status: PrapReferralStatus, reason: string | null) => {
        const purchaseOrderNumber = nextPurchaseOrder(regime);
        const receivedAt = at(referralOn, random);
        data.prapReferrals.push(pack("prapReferrals", {
          id: volumeId(`prap:${purchaseOrderNumber}`),
          caseId,
          purchaseOrderNumber,
          referralId: `PRAPV-${purchaseOrderNumber}`,
          provisionId: provision === "ses_p2_national" ? "SES-P2-NATIONAL" : `SES-${provision === "ia_opportunity" ? "IA" : provision === "sesmp" ? "MP" : "SB"}-${site.key === "england" ? "SHF" : "DND"}`,
          provision,
          regime,
          referralDate: referralOn,
          receivedAt,
          status,
          reason,
          statusChangedAt: receivedAt,
          createdAt: receivedAt,
          updatedAt: receivedAt,
        }));
      };
      const endStatus: Partial<Record<CaseState, PrapReferralStatus>> = {
        accepted: "accepted",
        started: "started",
        completed: "completed",
        left_early: "left_early",
        backed_out: "backed_out",
        cancelled: "cancelled",
        rejected: "rejected",
      };
      const lifecycle = plan.route === "sro_introduction" ? (chapter13 ? "prap_two_stage" : "prap_single") : plan.route;
      if (lifecycle === "prap_two_stage") {
        const iaStatus: PrapReferralStatus = state === "rejected" ? "rejected" : state === "referred" ? "received" : "acknowledged";
        referral("ia_opportunity", referralDate, iaStatus, state === "rejected" ? "customer_no_longer_suitable" : null);
        // The second referral, to the strand, once the case is accepted (13.25–13.27).
        const strandStatus = endStatus[state];
        if (strand && strandStatus && state !== "rejected") referral(strand, acceptedOn, strandStatus, state === "cancelled" ? "did_not_start" : null);
      } else {
        const status: PrapReferralStatus = endStatus[state] ?? (state === "referred" ? "received" : "accepted");
        referral("ses_p2_national", referralDate, status, state === "rejected" ? "customer_no_longer_suitable" : state === "cancelled" ? "did_not_start" : null);
      }
    }
  }
  // Rows reach a real database in arrival order, so recent (mostly open) cases sit together on
  // disk as they would in production; references follow that order too (SES-100001 is the oldest).
  // A packed row starts with its createdAt (fixed-width ISO instants) and id, so the strings'
  // own order is arrival order, ties broken by id.
  const byArrival = (a: PackedRow, b: PackedRow) => (a < b ? -1 : a > b ? 1 : 0);
  data.cases.sort(byArrival);
  data.cases.forEach((row, index) => {
    // The reference is the third packed field (after createdAt and id), written empty above.
    const at = row.indexOf(FIELD, row.indexOf(FIELD) + 1) + 1;
    data.cases[index] = `${row.slice(0, at)}SES-${String(100_000 + index + 1).padStart(6, "0")}${row.slice(at)}`;
  });
  data.claimants.sort(byArrival);
  data.prapReferrals.sort(byArrival);
  data.initialAssessments.sort(byArrival);
  return data;
}

// ─── Writing ────────────────────────────────────────────────────────────────────────────

/** Each table's columns with their PostgreSQL casts (explicit, so any driver binds the same). */
const TABLES: { table: string; key: keyof VolumeDataset; columns: [string, string][] }[] = [
  {
    table: "Organisation",
    key: "organisation",
    columns: [["id", "uuid"], ["name", "text"], ["contactPhone", "text"], ["contactEmail", "text"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"]],
  },
  {
    table: "Site",
    key: "sites",
    columns: [["id", "uuid"], ["organisationId", "uuid"], ["name", "text"], ["nation", '"Nation"'], ["capacity", "int"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"]],
  },
  {
    table: "User",
    key: "users",
    columns: [
      ["id", "uuid"], ["organisationId", "uuid"], ["siteId", "uuid"], ["email", "text"], ["name", "text"], ["passwordHash", "text"], ["roles", '"Role"[]'],
      ["isDemo", "boolean"], ["passwordChangedAt", "timestamptz"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
    ],
  },
  {
    table: "Claimant",
    key: "claimants",
    columns: [
      ["id", "uuid"], ["title", "text"], ["forename", "text"], ["surname", "text"], ["nino", "text"], ["telephone", "text"], ["addressLine1", "text"],
      ["town", "text"], ["postcode", "text"], ["disabled", "boolean"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
    ],
  },
  {
    table: "Case",
    key: "cases",
    columns: [
      ["id", "uuid"], ["reference", "text"], ["organisationId", "uuid"], ["siteId", "uuid"], ["claimantId", "uuid"], ["route", '"CaseRoute"'],
      ["ruleset", '"Ruleset"'], ["state", '"CaseState"'], ["restrictionTier", '"RestrictionTier"'], ["assignedCaseworkerId", "uuid"], ["strand", '"Strand"'],
      ["referralDate", "date"], ["referralReceivedOn", "date"], ["initialAssessmentOn", "date"], ["uc452ReceivedOn", "date"], ["ucpr1ReceivedOn", "date"],
      ["spocChasedOn", "date"], ["welcomeCallOn", "date"], ["firstMetOn", "date"], ["anticipatedStartOn", "date"], ["anticipatedEndOn", "date"],
      ["startedOn", "date"], ["endedOn", "date"], ["backOutEmailAt", "timestamptz"], ["cancelledAt", "timestamptz"], ["closedAt", "timestamptz"],
      ["closureReasonId", "uuid"], ["mappaMarkedAt", "timestamptz"], ["formsChaseDueOn", "date"], ["ucpr1DuplicateDueOn", "date"], ["welcomeCallDueOn", "date"], ["meetDueOn", "date"],
      ["startDueOn", "date"], ["cancelDueAt", "timestamptz"], ["exitNoticeDueOn", "date"], ["exitNoticeSentOn", "date"], ["nextDeadlineOn", "date"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
      ["version", "int"],
    ],
  },
  {
    table: "PrapReferral",
    key: "prapReferrals",
    columns: [
      ["id", "uuid"], ["caseId", "uuid"], ["purchaseOrderNumber", "text"], ["referralId", "text"], ["provisionId", "text"], ["provision", '"ProvisionType"'],
      ["regime", '"Regime"'], ["referralDate", "date"], ["receivedAt", "timestamptz"], ["status", '"PrapReferralStatus"'], ["reason", '"PrapReason"'],
      ["statusChangedAt", "timestamptz"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
    ],
  },
  {
    table: "InitialAssessment",
    key: "initialAssessments",
    columns: [
      ["id", "uuid"], ["caseId", "uuid"], ["bookedFor", "timestamptz"], ["heldOn", "date"], ["outcome", '"AssessmentOutcome"'], ["strand", '"Strand"'],
      ["anticipatedStartOn", "date"], ["anticipatedEndOn", "date"], ["createdAt", "timestamptz"], ["updatedAt", "timestamptz"],
    ],
  },
];

/** PostgreSQL allows 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 60_000;
/** Rows per INSERT … SELECT FROM unnest(…): one array parameter per column, whatever the row count. */
const UNNEST_ROWS = 25_000;
/** The big tables: written through unnest, with their secondary indexes and foreign keys set aside during the load. */
const BULK_TABLES = ["Claimant", "Case", "PrapReferral", "InitialAssessment"];

/** A PostgreSQL array literal of text elements (NULL unquoted), cast by the statement to the column's type. */
function arrayLiteral(values: Value[]): string {
  return `{${values.map((value) => (value === null ? "NULL" : `"${String(value).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

/** Multi-row VALUES (≈60,000 parameters each): the small tables, and any column that is itself an array. */
async function insertValues(sql: SqlExecutor, table: string, columns: [string, string][], rows: Row[]): Promise<void> {
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  const head = `INSERT INTO "${table}" (${columns.map(([name]) => `"${name}"`).join(", ")}) VALUES `;
  for (let offset = 0; offset < rows.length; offset += perStatement) {
    const chunk = rows.slice(offset, offset + perStatement);
    const params: Value[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map(([name, cast]) => {
        const value = row[name];
        if (value === undefined) throw new Error(`Volume seed: ${table}.${name} is missing`);
        params.push(value);
        return `$${params.length}::${cast}`;
      });
      return `(${placeholders.join(",")})`;
    });
    await sql.query(head + tuples.join(","), params);
  }
}

/**
 * INSERT … SELECT FROM unnest($1::text::uuid[], $2::text::text[], …): one text parameter per column
 * (an array literal), so 25,000 rows cost one parse and 40-odd parameters instead of a million.
 * Passing text and casting in SQL binds the same on pg and PGlite.
 */
async function insertUnnest(sql: SqlExecutor, table: string, key: BulkKey, columns: [string, string][], rows: PackedRow[]): Promise<void> {
  const order = packedColumns(key);
  const castOf = new Map(columns);
  const head = `INSERT INTO "${table}" (${order.map((name) => `"${name}"`).join(", ")}) SELECT * FROM unnest(${order.map((name, index) => `$${index + 1}::text::${castOf.get(name)}[]`).join(", ")})`;
  for (let offset = 0; offset < rows.length; offset += UNNEST_ROWS) {
    const fields = rows.slice(offset, offset + UNNEST_ROWS).map((row) => row.split(FIELD));
    const params = order.map((_, column) => arrayLiteral(fields.map((row) => (row[column] === NULL_VALUE ? null : row[column]))));
    await sql.query(head, params);
  }
}

interface SetAside {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/**
 * Before a bulk load (inside its transaction): drop the big tables' secondary indexes and the
 * foreign keys they declare, and disable Case's per-row reference trigger. Building an index once
 * over a million rows is several times cheaper than maintaining it row by row, and so is checking
 * a foreign key once by a join. restoreAfterLoad puts back exactly what was set aside.
 */
async function setAsideForLoad(sql: SqlExecutor): Promise<SetAside> {
  const indexes = await sql.query<{ name: string; definition: string }>(
    `SELECT quote_ident(ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY ($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [BULK_TABLES],
  );
  const foreignKeys = await sql.query<{ table: string; name: string; definition: string }>(
    `SELECT quote_ident(t.relname) AS "table", quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY ($1::text[])
     ORDER BY 1, 2`,
    [BULK_TABLES],
  );
  for (const fk of foreignKeys) await sql.exec(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const index of indexes) await sql.exec(`DROP INDEX ${index.name}`);
  await sql.exec(`ALTER TABLE "Case" DISABLE TRIGGER "Case_reference_keeps_sequence_ahead"`);
  return { indexes, foreignKeys };
}

async function restoreAfterLoad(sql: SqlExecutor, setAside: SetAside): Promise<void> {
  await sql.exec(`ALTER TABLE "Case" ENABLE TRIGGER "Case_reference_keeps_sequence_ahead"`);
  // What the trigger does per row, once: each reference sequence moves past the highest reference written.
  await sql.exec(`SELECT setval(seq, n) FROM (
      SELECT '"case_reference_seq"'::regclass AS seq, max(substring("reference" FROM 5)::bigint) AS n FROM "Case" WHERE "reference" ~ '^SES-[0-9]{1,9}$'
      UNION ALL SELECT '"scr_case_reference_seq"'::regclass, max(substring("reference" FROM 5)::bigint) FROM "Case" WHERE "reference" ~ '^SCR-[0-9]{1,9}$') m
    WHERE n > COALESCE(pg_sequence_last_value(seq), 0)`);
  // Each index is built by one sort; give it room (for this transaction only).
  await sql.exec(`SET LOCAL maintenance_work_mem = '256MB'`);
  for (const index of setAside.indexes) await sql.exec(index.definition);
  // Re-adding a foreign key checks every row against its parent (one join), as the per-row checks would have.
  for (const fk of setAside.foreignKeys) await sql.exec(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
}

/**
 * Write the dataset, table by table in foreign-key order: the small tables as multi-row VALUES,
 * the big ones through unnest with their secondary indexes and foreign keys set aside and rebuilt
 * once at the end. Call inside a transaction: a failure leaves the schema as it was.
 */
export async function writeVolumeDataset(sql: SqlExecutor, data: VolumeDataset): Promise<void> {
  const setAside = await setAsideForLoad(sql);
  for (const { table, key, columns } of TABLES) {
    if (key === "claimants" || key === "cases" || key === "prapReferrals" || key === "initialAssessments") await insertUnnest(sql, table, key, columns, data[key]);
    else await insertValues(sql, table, columns, data[key]);
  }
  await restoreAfterLoad(sql, setAside);
}

export interface VolumeSeedSummary {
  alreadySeeded: boolean;
  version: number;
  cases: number;
  prngSeed: number;
  today: IsoDate;
  counts: { sites: number; users: number; claimants: number; cases: number; prapReferrals: number; initialAssessments: number; open: number; scr: number; mappa: number };
  /** Milliseconds spent building and writing (0 when already seeded). */
  buildMs: number;
  writeMs: number;
}

interface SeedRecord {
  version: number;
  cases: number;
  prngSeed: number;
  today: IsoDate;
}

/** Remove a previous volume seed (another version, N, seed or today, or an interrupted run). */
async function clearVolumeData(sql: SqlExecutor): Promise<void> {
  const org = [VOLUME_ORGANISATION_ID];
  await sql.query(`CREATE TEMP TABLE "volume_claimants" ON COMMIT DROP AS SELECT "claimantId" AS id FROM "Case" WHERE "organisationId" = $1::uuid`, org);
  await sql.query(`DELETE FROM "Case" WHERE "organisationId" = $1::uuid`, org);
  await sql.query(`DELETE FROM "Claimant" WHERE id IN (SELECT id FROM "volume_claimants")`);
  await sql.query(`DELETE FROM "User" WHERE "organisationId" = $1::uuid`, org);
  await sql.query(`DELETE FROM "Site" WHERE "organisationId" = $1::uuid`, org);
  await sql.query(`DELETE FROM "Organisation" WHERE id = $1::uuid`, org);
}

/**
 * Seed the volume (idempotent for the same version, N, seed and today). `prisma` loads the
 * reference data, calendar and settings; `sql` writes the rows (pg directly for speed).
 */
export async function seedVolume(
  prisma: PrismaClient,
  sql: SqlExecutor,
  options: Partial<VolumeOptions> = {},
): Promise<VolumeSeedSummary> {
  const record: SeedRecord = {
    version: VOLUME_SEED_VERSION,
    cases: options.cases ?? VOLUME_DEFAULT_CASES,
    prngSeed: options.prngSeed ?? VOLUME_DEFAULT_PRNG_SEED,
    today: options.today ?? VOLUME_TODAY,
  };
  await seedReferenceData(prisma);
  const existing = await prisma.setting.findUnique({ where: { key: VOLUME_SEED_SETTING } });
  // jsonb reorders keys: compare field by field.
  const stored = (existing?.value ?? {}) as Partial<Record<keyof SeedRecord, unknown>>;
  const same = (Object.keys(record) as (keyof SeedRecord)[]).every((key) => stored[key] === record[key]);
  if (same) return { alreadySeeded: true, ...record, prngSeed: record.prngSeed, counts: await countVolume(sql), buildMs: 0, writeMs: 0 };

  const buildStart = performance.now();
  const calendar = await loadCalendar(prisma);
  const settings = await loadDeadlineSettings(prisma);
  const passwordHash = await hashPassword(VOLUME_PASSWORD);
  const data = buildVolumeDataset({ ...record, calendar, settings, passwordHash });
  const buildMs = performance.now() - buildStart;

  const writeStart = performance.now();
  await sql.transaction(async (tx) => {
    await tx.query(`DELETE FROM "Setting" WHERE key = $1`, [VOLUME_SEED_SETTING]);
    await clearVolumeData(tx);
    await writeVolumeDataset(tx, data);
    await tx.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, $2::jsonb, now())`, [VOLUME_SEED_SETTING, JSON.stringify(record)]);
  });
  // Fresh statistics and visibility map (as autovacuum would leave them), so the planner sees
  // 100,000 rows and index-only scans need no heap fetches.
  for (const table of ["Case", "PrapReferral", "InitialAssessment", "Claimant", "User", "Site"]) await sql.exec(`VACUUM ANALYZE "${table}"`);
  const writeMs = performance.now() - writeStart;
  return { alreadySeeded: false, ...record, counts: await countVolume(sql), buildMs, writeMs };
}

async function countVolume(sql: SqlExecutor): Promise<VolumeSeedSummary["counts"]> {
  const [row] = await sql.query<Record<string, string | number>>(
    `SELECT
       (SELECT count(*) FROM "Site" WHERE "organisationId" = $1::uuid) AS sites,
       (SELECT count(*) FROM "User" WHERE "organisationId" = $1::uuid) AS users,
       (SELECT count(DISTINCT "claimantId") FROM "Case" WHERE "organisationId" = $1::uuid) AS claimants,
       (SELECT count(*) FROM "Case" WHERE "organisationId" = $1::uuid) AS cases,
       (SELECT count(*) FROM "PrapReferral" p JOIN "Case" c ON c.id = p."caseId" WHERE c."organisationId" = $1::uuid) AS "prapReferrals",
       (SELECT count(*) FROM "InitialAssessment" a JOIN "Case" c ON c.id = a."caseId" WHERE c."organisationId" = $1::uuid) AS "initialAssessments",
       (SELECT count(*) FROM "Case" WHERE "organisationId" = $1::uuid AND state NOT IN ('provision_full','not_eligible','not_suitable','completed','left_early','rejected','cancelled')) AS open,
       (SELECT count(*) FROM "Case" WHERE "organisationId" = $1::uuid AND "restrictionTier" = 'scr') AS scr,
       (SELECT count(*) FROM "Case" WHERE "organisationId" = $1::uuid AND "restrictionTier" = 'mappa') AS mappa`,
    [VOLUME_ORGANISATION_ID],
  );
  const n = (key: string) => Number(row[key]);
  return { sites: n("sites"), users: n("users"), claimants: n("claimants"), cases: n("cases"), prapReferrals: n("prapReferrals"), initialAssessments: n("initialAssessments"), open: n("open"), scr: n("scr"), mappa: n("mappa") };
}
