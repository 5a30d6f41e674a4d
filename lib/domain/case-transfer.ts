/**
 * Who may move a case to another site (docs/decisions/0016-case-page-circumstances-and-transfer.md).
 * The site decides the nation and so the working-day calendar every clock counts in
 * (docs/rules/decisions.md: nation calendar), so a transfer is a deliberate, audited act:
 * - an SCR or MAPPA case only by a nominated officer (13.69, 13.77, 3.43): the restricted record
 *   is theirs, and the move changes who locally knows of the case;
 * - any other case by its own caseworker, or by a manager of the site it leaves or the site it
 *   joins (each answers for the start target of their site's cases).
 */
import type { Role } from "./permissions";

export interface TransferActor {
  id: string;
  roles: readonly Role[];
  /** The user's own site; null for a user with none. */
  siteId: string | null;
}

export interface TransferCase {
  assignedCaseworkerId: string | null;
  restrictionTier: "none" | "mappa" | "scr";
  fromSiteId: string;
}

export type TransferRefusal = "restricted_needs_nominated_officer" | "not_caseworker_or_site_manager";

export const TRANSFER_REFUSAL_MESSAGES: Readonly<Record<TransferRefusal, string>> = {
  restricted_needs_nominated_officer: "Only a nominated officer can move an SCR or MAPPA case to another site",
  not_caseworker_or_site_manager: "Only the case’s caseworker, or a manager of either site, can move this case to another site",
};

/** Null when the actor may move this case to toSiteId; otherwise why not. */
export function transferRefusal(actor: TransferActor, theCase: TransferCase, toSiteId: string): TransferRefusal | null {
  if (theCase.restrictionTier !== "none") return actor.roles.includes("nominated_officer") ? null : "restricted_needs_nominated_officer";
  if (theCase.assignedCaseworkerId === actor.id) return null;
  if (actor.roles.includes("manager") && actor.siteId !== null && (actor.siteId === theCase.fromSiteId || actor.siteId === toSiteId)) return null;
  return "not_caseworker_or_site_manager";
}

/** Whether the case page offers the transfer at all (before a site is chosen: any site would do for a manager). */
export function mayOfferTransfer(actor: TransferActor, theCase: TransferCase): boolean {
  if (theCase.restrictionTier !== "none") return actor.roles.includes("nominated_officer");
  return theCase.assignedCaseworkerId === actor.id || (actor.roles.includes("manager") && actor.siteId !== null);
}
