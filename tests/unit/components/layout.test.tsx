import { describe, expect, it } from "vitest";
import { BackLink } from "@/components/layout/BackLink";
import { Breadcrumbs } from "@/components/layout/Breadcrumbs";
import { PageHeading } from "@/components/layout/PageHeading";
import { ServiceFooter } from "@/components/layout/ServiceFooter";
import { ServiceHeader } from "@/components/layout/ServiceHeader";
import { SkipLink } from "@/components/layout/SkipLink";
import { render, tags, textOf } from "./html";

const navigation = [
  { href: "/", label: "Home" },
  { href: "/cases", label: "Cases", current: true },
];

describe("ServiceHeader", () => {
  it("is a banner with the service name linking home and no crown or GOV.UK branding", () => {
    const html = render(<ServiceHeader navigation={navigation} />);
    expect(tags(html)[0].name).toBe("header");
    const home = tags(html, "a")[0];
    expect(home.attrs.href).toBe("/");
    expect(textOf(html, home)).toBe("SES Casework");
    expect(html).not.toMatch(/crown|govuk-logo|GOV\.UK/i);
    expect(tags(html, "svg")).toHaveLength(0);
  });

  it("marks the current navigation item with aria-current=page", () => {
    const html = render(<ServiceHeader navigation={navigation} />);
    const links = tags(html, "a").filter((link) => link.attrs.class === "govuk-service-navigation__link");
    expect(links.map((link) => [link.attrs.href, link.attrs["aria-current"]])).toEqual([
      ["/", undefined],
      ["/cases", "page"],
    ]);
    expect(tags(html, "nav")[0].attrs["aria-label"]).toBe("Menu");
  });

  it("shows the signed-in user and a sign-out form with a submit button (SE-06)", () => {
    const signOut = async () => {};
    const html = render(<ServiceHeader navigation={navigation} userName="Jo Bloggs <Caseworker>" signOutAction={signOut} />);
    expect(html).toContain("Signed in as </span>Jo Bloggs &lt;Caseworker&gt;");
    const forms = tags(html, "form");
    expect(forms).toHaveLength(1);
    const submit = tags(html, "button").find((button) => button.attrs.type === "submit");
    expect(submit && textOf(html, submit)).toBe("Sign out");
  });

  it("leaves out the account area when nobody is signed in", () => {
    const html = render(<ServiceHeader />);
    expect(tags(html, "form")).toHaveLength(0);
    expect(html).not.toContain("Sign out");
  });
});

describe("ServiceFooter", () => {
  it("names the service, carries a data-protection line and no crown or licence", () => {
    const html = render(<ServiceFooter links={[{ href: "/privacy", text: "Privacy notice" }]} />);
    expect(tags(html)[0].name).toBe("footer");
    expect(html).toContain("SES Casework");
    expect(html).toMatch(/personal data/);
    expect(html).not.toMatch(/crown|Open Government Licence/i);
    expect(tags(html, "a").map((link) => link.attrs.href)).toEqual(["/privacy"]);
  });
});

describe("SkipLink, PageHeading, BackLink, Breadcrumbs", () => {
  it("skips to #main-content", () => {
    const link = tags(render(<SkipLink />), "a")[0];
    expect(link.attrs.href).toBe("#main-content");
    expect(link.attrs.class).toBe("govuk-skip-link");
  });

  it("renders one h1 with the caption inside it, and the page's <title> beside it (WCAG 2.4.2)", () => {
    const html = render(<PageHeading caption="Sam Taylor">Record the Initial Assessment</PageHeading>);
    expect(html).toBe(
      '<title>Record the Initial Assessment – SES Casework</title><h1 class="govuk-heading-l"><span class="govuk-caption-l">Sam Taylor</span>Record the Initial Assessment</h1>',
    );
  });

  it("titles a heading with markup by its title prop", () => {
    const html = render(<PageHeading title="Home">Welcome, <strong>Sam</strong></PageHeading>);
    expect(html).toBe('<title>Home – SES Casework</title><h1 class="govuk-heading-l">Welcome, <strong>Sam</strong></h1>');
  });

  it("links back to a real URL", () => {
    expect(render(<BackLink href="/cases/1" />)).toBe('<a href="/cases/1" class="govuk-back-link">Back</a>');
  });

  it("marks the last crumb as the current page", () => {
    const html = render(<Breadcrumbs items={[{ label: "Cases", href: "/cases" }, { label: "Sam Taylor" }]} />);
    expect(tags(html, "nav")[0].attrs["aria-label"]).toBe("Breadcrumb");
    const items = tags(html, "li");
    expect(items.map((item) => item.attrs["aria-current"])).toEqual([undefined, "page"]);
  });
});
