import type { Nation, Role } from "@/lib/db/prisma";
import { PUBLISHED_DEMO_PASSWORD } from "@/lib/domain/demo-password";
import { seedId } from "../ids";

// ─── Organisation, sites, people ────────────────────────────────────────────────────────

export const DEMO_ORGANISATION_ID = seedId("organisation");
export const DEMO_ORGANISATION_NAME = "Northgate Employment Partnership";
export const DEMO_EMAIL_DOMAIN = "ses.example";

/**
 * The one password of every demo account (printed by the start script). Long and uncommon
 * (docs/security.md AU-03), but published, so passwordProblem refuses it for anyone choosing a
 * password; demo accounts are refused in production (AU-05).
 */
export const DEMO_PASSWORD = PUBLISHED_DEMO_PASSWORD;

export type DemoSiteKey = "leeds" | "glasgow";
export type DemoUserKey = "caseworker" | "caseworkerGlasgow" | "officer" | "manager" | "admin" | "multi";

export interface DemoSite {
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

export interface DemoUser {
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

export function siteOf(key: DemoSiteKey): DemoSite {
  const site = DEMO_SITES.find((candidate) => candidate.key === key);
  if (!site) throw new Error(`Unknown demo site ${key}`);
  return site;
}

export function userOf(key: DemoUserKey): DemoUser {
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
