import { describe, expect, it } from "vitest";
import { BarChart } from "@/components/charts/BarChart";
import { decode, render, tags } from "./html";

const text = (html: string) => decode(html.replace(/<[^>]*>/g, ""));

describe("BarChart (UX-06: a table alternative, text that does not rely on colour)", () => {
  const html = render(
    <BarChart
      title="Share started on time"
      labelHeading="Month"
      valueHeading="Share"
      max={100}
      emptyText="Nothing"
      data={[
        { key: "a", label: "October 2026", value: 50, valueText: "50% (1 of 2 on time)" },
        { key: "b", label: "November 2026", value: 0, valueText: "No cases measured" },
      ]}
    />,
  );

  it("labels every bar with its value in words and hides the drawing from assistive technology", () => {
    expect(text(html)).toContain("October 2026: 50% (1 of 2 on time)");
    expect(text(html)).toContain("November 2026: No cases measured");
    for (const svg of tags(html, "svg")) expect(svg.attrs["aria-hidden"]).toBe("true");
    expect(tags(html, "rect").some((rect) => rect.attrs.width === "50%")).toBe(true);
    expect(html).not.toContain("style=");
  });

  it("offers the same data as a captioned table", () => {
    expect(tags(html, "caption")).toHaveLength(1);
    expect(text(html)).toContain("Show “Share started on time” as a table");
    expect(tags(html, "th").length).toBeGreaterThanOrEqual(4);
  });

  it("shows the empty text instead of a chart when there is no data", () => {
    const empty = render(<BarChart title="Open cases" labelHeading="x" valueHeading="y" emptyText="No open cases." data={[]} />);
    expect(text(empty)).toContain("No open cases.");
    expect(tags(empty, "svg")).toHaveLength(0);
  });
});
