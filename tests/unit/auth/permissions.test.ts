import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS, ROLE_LABELS, ROLES, type Permission, type Role } from "@/lib/domain/permissions";

/**
 * The permission matrix, written out by hand (docs/security.md AC-03). Every role × every permission
 * has an explicit answer here; `can` must agree with every cell. A permission added to
 * PERMISSIONS without a row here fails the "every permission has a row" test below (and the
 * type check), so nobody can add a capability without deciding who holds it.
 *
 *   Y = allowed, N = denied
 */
const Y = true;
const N = false;

const MATRIX = {
  //                              caseworker  nominated_officer  manager  administrator
  "read:case:any":               { caseworker: Y, nominated_officer: Y, manager: Y, administrator: N },
  "create:referral:any":         { caseworker: Y, nominated_officer: Y, manager: N, administrator: N },
  "update:case:any":             { caseworker: Y, nominated_officer: Y, manager: N, administrator: N },
  "read:restricted-case:any":    { caseworker: N, nominated_officer: Y, manager: N, administrator: N },
  "update:restricted-case:any":  { caseworker: N, nominated_officer: Y, manager: N, administrator: N },
  "read:dashboard:any":          { caseworker: N, nominated_officer: N, manager: Y, administrator: N },
  "export:case-list:any":        { caseworker: N, nominated_officer: N, manager: Y, administrator: N },
  "manage:user:any":             { caseworker: N, nominated_officer: N, manager: N, administrator: Y },
  "manage:site:any":             { caseworker: N, nominated_officer: N, manager: N, administrator: Y },
  "manage:calendar:any":         { caseworker: N, nominated_officer: N, manager: N, administrator: Y },
  "manage:settings:any":         { caseworker: N, nominated_officer: N, manager: N, administrator: Y },
  "read:security-report:any":    { caseworker: N, nominated_officer: Y, manager: N, administrator: Y },
  "export:subject-access:any":   { caseworker: N, nominated_officer: Y, manager: N, administrator: Y },
  "end:user-sessions:any":       { caseworker: N, nominated_officer: Y, manager: N, administrator: Y },
  "assign:case:any":             { caseworker: Y, nominated_officer: Y, manager: Y, administrator: N },
  "import:referral:any":         { caseworker: Y, nominated_officer: Y, manager: Y, administrator: N },
} satisfies Record<Permission, Record<Role, boolean>>;

const cells = (Object.keys(MATRIX) as Permission[]).flatMap((permission) =>
  ROLES.map((role) => ({ role, permission, allowed: (MATRIX[permission] as Record<string, boolean>)[role] })),
);

describe("permission matrix (AC-03)", () => {
  it("has a row for every permission in PERMISSIONS and no row for a permission that does not exist (AC-03)", () => {
    // Fails when a new permission is added to PERMISSIONS without deciding who holds it here.
    expect([...Object.keys(MATRIX)].sort()).toEqual([...PERMISSIONS].sort());
  });

  it("has an explicit answer for every role in every row (AC-03)", () => {
    for (const [permission, row] of Object.entries(MATRIX)) {
      expect(Object.keys(row).sort(), permission).toEqual([...ROLES].sort());
      for (const value of Object.values(row)) expect(typeof value, permission).toBe("boolean");
    }
  });

  it("covers exactly the four roles, each with a label", () => {
    expect([...ROLES].sort()).toEqual(["administrator", "caseworker", "manager", "nominated_officer"]);
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/^[A-Z]/);
  });

  it.each(cells)("$role → $permission: allowed = $allowed (AC-03)", ({ role, permission, allowed }) => {
    expect(can([role], permission)).toBe(allowed);
  });
});

describe("deny by default and the rules the matrix encodes", () => {
  it("denies every permission to a user with no roles (deny by default, AC-03)", () => {
    for (const permission of PERMISSIONS) expect(can([], permission), permission).toBe(false);
  });

  it("refuses restricted (SCR/MAPPA) cases to a caseworker and a manager: only a nominated officer holds them (AC-01, AC-06)", () => {
    for (const role of ["caseworker", "manager", "administrator"] as const) {
      expect(can([role], "read:restricted-case:any"), role).toBe(false);
      expect(can([role], "update:restricted-case:any"), role).toBe(false);
    }
    expect(can(["nominated_officer"], "read:restricted-case:any")).toBe(true);
  });

  it("lets a manager watch cases and assign them, but never change them otherwise (AC-03; decision 0017)", () => {
    expect(can(["manager"], "read:case:any")).toBe(true);
    expect(can(["manager"], "assign:case:any")).toBe(true);
    expect(can(["manager"], "update:case:any")).toBe(false);
    expect(can(["manager"], "create:referral:any")).toBe(false);
  });

  it("gives an administrator no case permissions at all (segregation of duties, AC-03)", () => {
    const casePermissions = PERMISSIONS.filter((permission) => /case|referral|dashboard/.test(permission));
    expect(casePermissions.length).toBeGreaterThanOrEqual(6);
    for (const permission of casePermissions) expect(can(["administrator"], permission), permission).toBe(false);
  });

  it("gives a user with several roles the union of their permissions, and nothing more", () => {
    const roles: Role[] = ["caseworker", "manager"];
    for (const permission of PERMISSIONS) {
      expect(can(roles, permission), permission).toBe(MATRIX[permission].caseworker || MATRIX[permission].manager);
    }
    expect(can(roles, "read:restricted-case:any")).toBe(false);
    expect(can(roles, "manage:user:any")).toBe(false);
  });

  it("recognises only the four role names (a role string from elsewhere is not a role)", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const notRole of ["admin", "Administrator", "superuser", "", "nominated-officer", "caseworker "]) {
      expect(isRole(notRole), JSON.stringify(notRole)).toBe(false);
    }
  });
});
