import { describe, expect, it } from "vitest";
import { casePageTitle, caseSections } from "@/lib/domain/case-sections";
import { mayOfferTransfer, transferRefusal } from "@/lib/domain/case-transfer";

describe("the case's sections and page titles", () => {
  it("gives every user Overview, Forms and letters, Contact and notes and Timeline, as routes under the case", () => {
    expect(caseSections("c1", ["caseworker"]).map((section) => [section.label, section.href])).toEqual([
      ["Overview", "/cases/c1"],
      ["Forms and letters", "/cases/c1/forms"],
      ["Contact and notes", "/cases/c1/contact"],
      ["Timeline", "/cases/c1/timeline"],
    ]);
  });

  it("adds the Access log for nominated officers only (docs/security.md LG-01)", () => {
    expect(caseSections("c1", ["caseworker", "nominated_officer"]).at(-1)).toEqual({ id: "access-log", label: "Access log", href: "/cases/c1/access-log" });
    expect(caseSections("c1", ["manager"]).some((section) => section.id === "access-log")).toBe(false);
  });

  it("names the case in each page's title: the page's heading, the person, the reference", () => {
    expect(casePageTitle("Record the start date", "Mrs Leanne Sugden", "SES-000014")).toBe("Record the start date – Mrs Leanne Sugden – SES-000014");
    expect(casePageTitle(null, "Mrs Leanne Sugden", "SES-000014")).toBe("Mrs Leanne Sugden – SES-000014");
  });
});

describe("who may move a case to another site (docs/decisions/0016-case-page-circumstances-and-transfer.md)", () => {
  const leeds = "site-leeds";
  const glasgow = "site-glasgow";
  const open = { assignedCaseworkerId: "amira", restrictionTier: "none" as const, fromSiteId: leeds };

  it("lets the case's own caseworker move it", () => {
    expect(transferRefusal({ id: "amira", roles: ["caseworker"], siteId: leeds }, open, glasgow)).toBeNull();
    expect(transferRefusal({ id: "dominic", roles: ["caseworker"], siteId: leeds }, open, glasgow)).toBe("not_caseworker_or_site_manager");
  });

  it("lets a manager of the site it leaves or the site it joins move it, and no other manager", () => {
    expect(transferRefusal({ id: "helen", roles: ["manager"], siteId: leeds }, open, glasgow)).toBeNull();
    expect(transferRefusal({ id: "helen", roles: ["manager"], siteId: glasgow }, open, glasgow)).toBeNull();
    expect(transferRefusal({ id: "helen", roles: ["manager"], siteId: "site-belfast" }, open, glasgow)).toBe("not_caseworker_or_site_manager");
    expect(transferRefusal({ id: "helen", roles: ["manager"], siteId: null }, open, glasgow)).toBe("not_caseworker_or_site_manager");
  });

  it("leaves SCR and MAPPA cases to nominated officers, even the case's own caseworker cannot (13.71, 13.77)", () => {
    for (const restrictionTier of ["scr", "mappa"] as const) {
      const restricted = { ...open, restrictionTier };
      expect(transferRefusal({ id: "amira", roles: ["caseworker"], siteId: leeds }, restricted, glasgow)).toBe("restricted_needs_nominated_officer");
      expect(transferRefusal({ id: "dominic", roles: ["caseworker", "nominated_officer"], siteId: leeds }, restricted, glasgow)).toBeNull();
      expect(mayOfferTransfer({ id: "amira", roles: ["caseworker"], siteId: leeds }, restricted)).toBe(false);
    }
  });
});
