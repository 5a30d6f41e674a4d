/**
 * Roles and what each may do. Permission strings follow `action:entity:access` (epic-stack
 * style). Deny by default: a permission not listed for any of a user's roles is refused.
 * A user may hold several roles (docs/rules/roles.md); their permissions are the union.
 */
export const ROLES = ["caseworker", "nominated_officer", "manager", "administrator"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  caseworker: "Caseworker",
  nominated_officer: "Nominated officer",
  manager: "Manager",
  administrator: "Administrator",
};

export const PERMISSIONS = [
  "read:case:any", // open, non-SCR cases (MAPPA cases' day-to-day record included, 13.71)
  "create:referral:any",
  "update:case:any",
  "read:restricted-case:any", // SCR cases and MAPPA annexes (13.69, 13.77, 3.43)
  "update:restricted-case:any",
  "read:dashboard:any",
  "export:case-list:any",
  "manage:user:any",
  "manage:site:any",
  "manage:calendar:any",
  "manage:settings:any", // settings, contacts and reason lists (docs/rules/reasons-and-settings.md)
  // The organisation-wide security report: refused requests, restriction and role changes, lockouts (LG-03)
  "read:security-report:any",
  // A subject access export of everything held on one NINO (docs/security.md DP-03); SCR cases only for nominated officers
  "export:subject-access:any",
  // Sign a user out everywhere (docs/security.md SE-05): administrators and nominated officers
  "end:user-sessions:any",
  // Assign cases to a caseworker in bulk from the queue or the unassigned list: caseworkers and
  // nominated officers, and managers, who hold no cases themselves (docs/decisions/0017-work-queue-urgency-and-bulk-reassignment.md)
  "assign:case:any",
  // Bulk import of PRaP referrals and the monthly referral spreadsheet (docs/decisions/0023-bulk-import-and-expected-referrals.md)
  "import:referral:any",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  caseworker: ["read:case:any", "create:referral:any", "update:case:any", "assign:case:any", "import:referral:any"],
  // Nominated officers are caseworkers who alone handle SCR and MAPPA restrictions.
  nominated_officer: [
    "read:case:any",
    "create:referral:any",
    "update:case:any",
    "read:restricted-case:any",
    "update:restricted-case:any",
    "read:security-report:any",
    "export:subject-access:any",
    "end:user-sessions:any",
    "assign:case:any",
    "import:referral:any",
  ],
  manager: ["read:case:any", "read:dashboard:any", "export:case-list:any", "assign:case:any", "import:referral:any"],
  administrator: ["manage:user:any", "manage:site:any", "manage:calendar:any", "manage:settings:any", "read:security-report:any", "export:subject-access:any", "end:user-sessions:any"],
};

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => GRANTS[role].includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * "Amend with reason" (docs/rules/states.md: corrections; docs/decisions/0012-corrections-by-an-administrator.md):
 * an administrator who can also see cases. The administrator role alone holds no case permission
 * (segregation of duties, AC-03), so a pure administrator cannot amend; a user who is both, say a
 * manager and an administrator, can.
 */
export function canAmendCases(roles: readonly Role[]): boolean {
  return roles.includes("administrator") && can(roles, "read:case:any");
}
