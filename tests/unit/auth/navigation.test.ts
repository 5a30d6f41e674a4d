import { describe, expect, it } from "vitest";
import { navigationFor } from "@/lib/domain/navigation";
import { can, ROLES, type Permission, type Role } from "@/lib/domain/permissions";

/**
 * Every link the shell may show, and the permission it needs ("null": everyone signed in).
 * A link that is not in this table fails the test, so a new page's link needs a decision here.
 * (Some pages — New referral, Restricted cases, Dashboard — join the navigation with the issues
 * that build them; their rows are ready.)
 */
const LINKS: Record<string, Permission | null> = {
  "/": null,
  "/cases": "read:case:any",
  "/referrals/new": "create:referral:any",
  "/restricted": "read:restricted-case:any",
  "/dashboard": "read:dashboard:any",
  "/admin/users": "manage:user:any",
  "/admin/sites": "manage:site:any",
  "/admin/bank-holidays": "manage:calendar:any",
  "/admin/settings": "manage:settings:any",
  "/security": "read:security-report:any",
  "/subject-access": "export:subject-access:any",
  "/admin/retention": "manage:settings:any",
  "/notifications": "read:case:any",
  "/downloads": null,
  "/admin/jobs": "manage:settings:any",
};

const hrefs = (roles: Role[]) => navigationFor(roles).map((item) => item.href);

describe("signed-in navigation per role (each role sees only what it can use, AC-03)", () => {
  it.each(ROLES)("shows a %s only links whose permission it holds, each a known page", (role) => {
    for (const href of hrefs([role])) {
      expect(Object.keys(LINKS), `unknown link ${href}: add it to LINKS`).toContain(href);
      const permission = LINKS[href];
      if (permission) expect(can([role], permission), `${role} must not see ${href}`).toBe(true);
    }
  });

  it.each<[Role, string[], string[]]>([
    ["caseworker", ["/", "/cases"], ["/restricted", "/security", "/subject-access", "/admin/retention", "/dashboard", "/admin/users", "/admin/sites", "/admin/bank-holidays", "/admin/settings"]],
    ["nominated_officer", ["/", "/cases", "/restricted", "/security", "/subject-access"], ["/dashboard", "/admin/users", "/admin/sites", "/admin/bank-holidays", "/admin/settings", "/admin/retention"]],
    ["manager", ["/", "/cases", "/dashboard"], ["/referrals/new", "/restricted", "/security", "/subject-access", "/admin/users", "/admin/sites", "/admin/bank-holidays", "/admin/settings", "/admin/retention"]],
    ["administrator", ["/", "/admin/users", "/admin/sites", "/admin/bank-holidays", "/admin/settings", "/security", "/subject-access", "/admin/retention"], ["/cases", "/referrals/new", "/restricted", "/dashboard"]],
  ])("shows a %s the links %j and never %j", (role, shown, hidden) => {
    const links = hrefs([role]);
    for (const href of shown) expect(links, href).toContain(href);
    for (const href of hidden) expect(links, href).not.toContain(href);
  });

  it("shows Home first to every role", () => {
    for (const role of ROLES) expect(navigationFor([role])[0]).toEqual({ href: "/", label: "Home" });
  });

  it("never shows the restricted-case list to anyone but a nominated officer (AC-02)", () => {
    for (const role of ROLES.filter((r) => r !== "nominated_officer")) expect(hrefs([role]), role).not.toContain("/restricted");
  });

  it("never shows administration links to a non-administrator", () => {
    for (const role of ROLES.filter((r) => r !== "administrator")) {
      expect(hrefs([role]).filter((href) => href.startsWith("/admin")), role).toEqual([]);
    }
  });

  it("shows only Home to a user with no roles", () => {
    expect(navigationFor([])).toEqual([{ href: "/", label: "Home" }]);
  });

  it("gives a user with several roles each role's links once, in the same order whatever the role order", () => {
    const merged = hrefs(["manager", "caseworker", "administrator"]);
    expect(new Set(merged).size).toBe(merged.length);
    expect(hrefs(["administrator", "caseworker", "manager"])).toEqual(merged);
    for (const role of ["manager", "caseworker", "administrator"] as const) {
      for (const href of hrefs([role])) expect(merged).toContain(href);
    }
  });

  it("labels every link and uses same-origin paths only", () => {
    for (const item of navigationFor([...ROLES])) {
      expect(item.label.trim().length, item.href).toBeGreaterThan(0);
      expect(item.href).toMatch(/^\/(?!\/)/);
    }
  });
});
