import { can, type Role } from "./permissions";

export interface NavigationItem {
  href: string;
  label: string;
}

/**
 * The signed-in shell’s navigation: each role sees only what it can use.
 */
export function navigationFor(roles: readonly Role[]): NavigationItem[] {
  const items: NavigationItem[] = [{ href: "/", label: "Home" }];
  if (can(roles, "read:case:any")) items.push({ href: "/cases", label: "Cases" });
  if (can(roles, "create:referral:any")) items.push({ href: "/referrals/new", label: "New referral" });
  // Nominated officers' queue: SCR cases, MAPPA restrictions to record, SL2 returns due (13.69, 13.77, 3.43).
  if (can(roles, "read:restricted-case:any")) items.push({ href: "/restricted", label: "Restricted cases" });
  if (can(roles, "read:dashboard:any")) items.push({ href: "/dashboard", label: "Dashboard" });
  if (can(roles, "manage:user:any")) items.push({ href: "/admin/users", label: "Users" });
  if (can(roles, "manage:site:any")) items.push({ href: "/admin/sites", label: "Sites" });
  if (can(roles, "manage:calendar:any")) items.push({ href: "/admin/bank-holidays", label: "Bank holidays" });
  if (can(roles, "manage:settings:any")) items.push({ href: "/admin/settings", label: "Settings and contacts" });
  // Refused requests, restriction and role changes, lockouts across the organisation (docs/security.md LG-03).
  if (can(roles, "read:security-report:any")) items.push({ href: "/security", label: "Security report" });
  // docs/security.md DP-03, DP-02: subject access exports; retention (administrators, with the settings).
  if (can(roles, "export:subject-access:any")) items.push({ href: "/subject-access", label: "Subject access" });
  if (can(roles, "manage:settings:any")) items.push({ href: "/admin/retention", label: "Retention" });
  // Background jobs: queued, running, failed; retry and cancel (docs/decisions/0022-background-jobs.md).
  if (can(roles, "manage:settings:any")) items.push({ href: "/admin/jobs", label: "Jobs" });
  // The person's daily reminder digests (docs/decisions/0022-background-jobs.md); the shell adds the unread count.
  if (can(roles, "read:case:any")) items.push({ href: "/notifications", label: "Notifications" });
  // Large CSV exports are prepared in the background and collected here (docs/decisions/0022-background-jobs.md):
  // shown to everyone with a role, whether or not they have files now — a link that comes and goes is harder to find.
  if (roles.length > 0) items.push({ href: "/downloads", label: "Downloads" });
  return items;
}
