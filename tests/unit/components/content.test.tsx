import { describe, expect, it } from "vitest";
import { Details } from "@/components/content/Details";
import { EmptyState } from "@/components/content/EmptyState";
import { IdentityBar } from "@/components/content/IdentityBar";
import { InsetText } from "@/components/content/InsetText";
import { NotificationBanner } from "@/components/content/NotificationBanner";
import { Panel } from "@/components/content/Panel";
import { SubNavigation } from "@/components/content/SubNavigation";
import { SummaryCard } from "@/components/content/SummaryCard";
import { SummaryList } from "@/components/content/SummaryList";
import { Tag } from "@/components/content/Tag";
import { TaskList } from "@/components/content/TaskList";
import { Timeline } from "@/components/content/Timeline";
import { WarningText } from "@/components/content/WarningText";
import { byId, hasClass, render, tags, textOf } from "./html";

describe("Tag", () => {
  it("always renders its text, with the colour as a modifier class", () => {
    const html = render(<Tag text="Overdue" colour="red" />);
    expect(html).toBe('<strong class="govuk-tag govuk-tag--red">Overdue</strong>');
  });

  it("maps colours to govuk-frontend 6 classes", () => {
    expect(render(<Tag text="Referred" />)).toBe('<strong class="govuk-tag">Referred</strong>');
    expect(render(<Tag text="New" colour="blue" />)).toBe('<strong class="govuk-tag">New</strong>');
    expect(render(<Tag text="Started" colour="turquoise" />)).toContain("govuk-tag--teal");
    expect(render(<Tag text="Start Back" colour="pink" />)).toContain("govuk-tag--magenta");
    for (const colour of ["grey", "green", "yellow", "orange", "purple"] as const) {
      expect(render(<Tag text="Status" colour={colour} />)).toContain(`govuk-tag--${colour}`);
    }
  });

  it("refuses to render colour alone", () => {
    expect(() => render(<Tag text="  " colour="red" />)).toThrow(/text/);
  });
});

describe("SummaryList and SummaryCard", () => {
  const rows = [
    { key: "Name", value: "Sam Taylor", actions: [{ href: "/cases/1/name", label: "Change", visuallyHiddenText: "name" }] },
    { key: "Strand", value: <strong>Main Provision</strong> },
  ];

  it("renders key/value rows and completes action text for screen readers", () => {
    const html = render(<SummaryList rows={rows} />);
    expect(tags(html, "dt").map((dt) => textOf(html, dt))).toEqual(["Name", "Strand"]);
    const change = tags(html, "a")[0];
    expect(textOf(html, change)).toBe("Change name");
    expect(html).toContain('<span class="govuk-visually-hidden"> name</span>');
    expect(html).toContain("govuk-summary-list__row govuk-summary-list__row--no-actions");
  });

  it("wraps a list in a titled card and names the card in action links", () => {
    const html = render(<SummaryCard title="Referral" actions={[{ href: "/cases/1/withdraw", label: "Withdraw" }]} rows={rows} />);
    expect(textOf(html, tags(html, "h2")[0])).toBe("Referral");
    const links = tags(html, "a");
    expect(textOf(html, links[0])).toBe("Withdraw (Referral)");
    expect(textOf(html, links[1])).toBe("Change name (Referral)");
  });
});

describe("NotificationBanner", () => {
  it("is a labelled region for information", () => {
    const html = render(<NotificationBanner heading="The 20 working day start target is 3 days away" />);
    const root = tags(html)[0];
    expect(root.attrs.role).toBe("region");
    expect(root.attrs["aria-labelledby"]).toBe("govuk-notification-banner-title");
    expect(textOf(html, byId(html, "govuk-notification-banner-title"))).toBe("Important");
  });

  it("is an alert for success", () => {
    const html = render(<NotificationBanner type="success" titleId="saved-title" heading="Referral acknowledged" />);
    const root = tags(html)[0];
    expect(root.attrs.role).toBe("alert");
    expect(hasClass(root, "govuk-notification-banner--success")).toBe(true);
    expect(textOf(html, byId(html, "saved-title"))).toBe("Success");
  });
});

describe("Timeline", () => {
  it("lists events with a machine-readable time and a byline", () => {
    const html = render(
      <Timeline
        items={[
          { id: "e1", title: "Referral received", byline: "PRaP", datetime: "2025-03-03T09:15:00Z", displayDate: "3 March 2025 at 9:15am", description: "Via PRaP" },
          { id: "e2", title: "Initial Assessment recorded", datetime: "2025-03-10", displayDate: "10 March 2025" },
        ]}
      />,
    );
    expect(tags(html, "time").map((time) => time.attrs.datetime)).toEqual(["2025-03-03T09:15:00Z", "2025-03-10"]);
    expect(tags(html, "h2").map((heading) => textOf(html, heading))).toEqual(["Referral received", "Initial Assessment recorded"]);
    expect(html).toContain('<p class="moj-timeline__byline">by PRaP</p>');
    expect(tags(html).filter((tag) => hasClass(tag, "moj-timeline__description"))).toHaveLength(1);
  });

  it("renders nothing without events", () => {
    expect(render(<Timeline items={[]} />)).toBe("");
  });

  it("can give each entry a paragraph title instead of a heading (a long case history is not a heading per entry)", () => {
    const html = render(<Timeline headingLevel="none" items={[{ id: "e1", title: "Note added", byline: "Amira Hussain", datetime: "2026-12-03T09:15:00Z", displayDate: "Keyed 3 December 2026 at 09:15" }]} />);
    expect(tags(html, "h2")).toHaveLength(0);
    expect(html).toContain('<p class="moj-timeline__title">Note added</p>');
  });
});

describe("SubNavigation", () => {
  it("marks the current section with aria-current=page", () => {
    const html = render(
      <SubNavigation
        ariaLabel="Case sections"
        items={[
          { href: "/cases/1", label: "Summary" },
          { href: "/cases/1/history", label: "History", current: true },
        ]}
      />,
    );
    expect(tags(html, "nav")[0].attrs["aria-label"]).toBe("Case sections");
    expect(tags(html, "a").map((link) => link.attrs["aria-current"])).toEqual([undefined, "page"]);
  });
});

describe("IdentityBar", () => {
  it("shows the name, identifiers and markers as text", () => {
    const html = render(
      <IdentityBar name="Sam Taylor" identifiers={[{ label: "NINO", value: "QQ123456C" }, { label: "Reference", value: "SES-0042" }]} markers={["MAPPA"]} />,
    );
    expect(tags(html)[0].attrs["aria-label"]).toBe("Participant");
    expect(tags(html, "dt").map((dt) => textOf(html, dt))).toEqual(["NINO", "Reference"]);
    expect(tags(html, "dd").map((dd) => textOf(html, dd))).toEqual(["QQ123456C", "SES-0042"]);
    expect(html).toContain('<strong class="govuk-tag govuk-tag--red">MAPPA</strong>');
  });
});

describe("Small content components", () => {
  it("renders inset text, warning text, details and a confirmation panel", () => {
    expect(render(<InsetText>Note</InsetText>)).toBe('<div class="govuk-inset-text">Note</div>');
    const warning = render(<WarningText>Closing the case cannot be undone</WarningText>);
    expect(warning).toContain('<span class="govuk-warning-text__icon" aria-hidden="true">!</span>');
    expect(warning).toContain('<span class="govuk-visually-hidden">Warning</span>Closing the case cannot be undone');
    const details = render(<Details summary="Help with dates">Use the date on form SL2</Details>);
    expect(details).toContain('<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Help with dates</span></summary>');
    expect(render(<Panel title="Referral created">Reference SES-0042</Panel>)).toBe(
      '<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">Referral created</h1><div class="govuk-panel__body">Reference SES-0042</div></div>',
    );
  });

  it("renders an empty state with a call to action", () => {
    const html = render(<EmptyState action={{ href: "/referrals/new", label: "Create a referral" }}>There are no open cases.</EmptyState>);
    expect(html).toContain("There are no open cases.");
    expect(tags(html, "a")[0].attrs.href).toBe("/referrals/new");
  });

  it("describes task links by hint and status", () => {
    const html = render(
      <TaskList
        items={[
          { title: "Initial Assessment", href: "/cases/1/ia", hint: "Within 10 working days", status: { tag: { text: "Incomplete", colour: "blue" } } },
          { title: "Start", status: { text: "Cannot start yet" } },
        ]}
      />,
    );
    const link = tags(html, "a")[0];
    expect(link.attrs["aria-describedby"]).toBe("task-list-1-hint task-list-1-status");
    expect(textOf(html, byId(html, "task-list-1-status"))).toBe("Incomplete");
    expect(textOf(html, byId(html, "task-list-2-status"))).toBe("Cannot start yet");
  });
});
