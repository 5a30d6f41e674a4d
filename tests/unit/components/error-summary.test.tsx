import { describe, expect, it } from "vitest";
import { ErrorSummary } from "@/components/forms/ErrorSummary";
import { render, tags, textOf } from "./html";

describe("ErrorSummary", () => {
  it("links each field error to #<fieldId> in the order given", () => {
    const html = render(<ErrorSummary errors={{ surname: "Enter a surname", nino: "Enter a National Insurance number", startDate: "Enter a start date" }} />);
    const links = tags(html, "a");
    expect(links.map((link) => link.attrs.href)).toEqual(["#surname", "#nino", "#startDate"]);
    expect(links.map((link) => textOf(html, link))).toEqual(["Enter a surname", "Enter a National Insurance number", "Enter a start date"]);
  });

  it("accepts an explicit list, e.g. to link a date error to the month input", () => {
    const html = render(<ErrorSummary errors={[{ fieldId: "startDate-month", message: "Start date must include a month" }]} />);
    expect(tags(html, "a").map((link) => link.attrs.href)).toEqual(["#startDate-month"]);
  });

  it("is titled 'There is a problem', can take focus (tabindex -1) and announces as an alert", () => {
    const html = render(<ErrorSummary errors={{ surname: "Enter a surname" }} />);
    const root = tags(html)[0];
    expect(root.attrs.class).toBe("govuk-error-summary");
    expect(root.attrs.tabindex).toBe("-1");
    expect(tags(html).some((tag) => tag.attrs.role === "alert")).toBe(true);
    expect(textOf(html, tags(html, "h2")[0])).toBe("There is a problem");
  });

  it("shows a form-level message, with or without field errors", () => {
    const html = render(<ErrorSummary errors={{}} message="This case was changed by someone else. Check the latest details and try again." />);
    expect(textOf(html, tags(html, "p")[0])).toBe("This case was changed by someone else. Check the latest details and try again.");
    expect(tags(html, "ul")).toHaveLength(0);
  });

  it("renders nothing when there is nothing to report", () => {
    expect(render(<ErrorSummary errors={{}} />)).toBe("");
  });

  it("escapes messages rather than interpreting them as HTML", () => {
    const html = render(<ErrorSummary errors={{ notes: "<script>alert(1)</script>" }} />);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});
