import { describe, expect, it } from "vitest";
import { Pagination, pageItems } from "@/components/content/Pagination";
import { Table, type TableHeadCell } from "@/components/content/Table";
import { hasClass, render, tags, textOf } from "./html";

const head: TableHeadCell[] = [
  { text: "Participant", sort: { href: "/cases?sort=name&dir=descending", direction: "ascending" } },
  { text: "Referral date", sort: { href: "/cases?sort=referred&dir=ascending", direction: "none" } },
  { text: "Working days left", numeric: true },
];
const rows = [{ id: "c1", cells: [{ content: "Sam Taylor" }, { content: "3 March 2025" }, { content: 12, numeric: true }] }];

describe("Table", () => {
  it("has a caption and column headers with scope", () => {
    const html = render(<Table caption="Open cases" head={head} rows={rows} />);
    expect(textOf(html, tags(html, "caption")[0])).toBe("Open cases");
    expect(tags(html, "th").every((th) => th.attrs.scope === "col")).toBe(true);
  });

  it("puts aria-sort on sortable headers, whose link re-sorts on the server", () => {
    const html = render(<Table caption="Open cases" head={head} rows={rows} />);
    const [participant, referred, daysLeft] = tags(html, "th");
    expect(participant.attrs["aria-sort"]).toBe("ascending");
    expect(referred.attrs["aria-sort"]).toBe("none");
    expect(daysLeft.attrs["aria-sort"]).toBeUndefined();
    const sortLinks = tags(html, "a");
    expect(sortLinks.map((link) => link.attrs.href)).toEqual(["/cases?sort=name&dir=descending", "/cases?sort=referred&dir=ascending"]);
  });

  it("right-aligns numeric columns", () => {
    const html = render(<Table caption="Open cases" head={head} rows={rows} />);
    expect(hasClass(tags(html, "th")[2], "govuk-table__header--numeric")).toBe(true);
    expect(hasClass(tags(html, "td")[2], "govuk-table__cell--numeric")).toBe(true);
  });

  it("takes an aria-label when there is no caption", () => {
    const html = render(<Table ariaLabel="Bank holidays" head={[{ text: "Date" }]} rows={[]} />);
    expect(tags(html, "table")[0].attrs["aria-label"]).toBe("Bank holidays");
    expect(tags(html, "caption")).toHaveLength(0);
  });

  it("wraps a responsive table in a named, keyboard-scrollable region", () => {
    const html = render(<Table caption="Open cases" responsive head={head} rows={rows} />);
    const region = tags(html)[0];
    expect(region.attrs.role).toBe("region");
    expect(region.attrs["aria-label"]).toBe("Open cases");
    expect(region.attrs.tabindex).toBe("0");
  });

  it("can make the first cell a row header", () => {
    const html = render(<Table caption="Targets" firstCellIsHeader head={[{ text: "Site" }, { text: "Started" }]} rows={[{ id: "s", cells: [{ content: "Leeds" }, { content: 4 }] }]} />);
    expect(tags(html, "th").map((th) => th.attrs.scope)).toEqual(["col", "col", "row"]);
  });
});

describe("Pagination", () => {
  const hrefFor = (page: number) => `/cases?page=${page}`;

  it("marks the current page with aria-current=page", () => {
    const html = render(<Pagination currentPage={3} totalPages={5} hrefFor={hrefFor} />);
    const current = tags(html, "a").filter((link) => link.attrs["aria-current"] === "page");
    expect(current).toHaveLength(1);
    expect(current[0].attrs.href).toBe("/cases?page=3");
    expect(current[0].attrs["aria-label"]).toBe("Page 3");
    expect(tags(html, "li").filter((item) => hasClass(item, "govuk-pagination__item--current"))).toHaveLength(1);
  });

  it("builds previous, next and page links from hrefFor", () => {
    const html = render(<Pagination currentPage={3} totalPages={5} hrefFor={hrefFor} />);
    const links = tags(html, "a");
    expect(links.find((link) => link.attrs.rel === "prev")?.attrs.href).toBe("/cases?page=2");
    expect(links.find((link) => link.attrs.rel === "next")?.attrs.href).toBe("/cases?page=4");
    expect(tags(html, "nav")[0].attrs["aria-label"]).toBe("Pagination");
    expect(html).toContain('Previous<span class="govuk-visually-hidden"> page</span>');
  });

  it("has no previous link on the first page and no next link on the last", () => {
    expect(render(<Pagination currentPage={1} totalPages={3} hrefFor={hrefFor} />)).not.toContain('rel="prev"');
    expect(render(<Pagination currentPage={3} totalPages={3} hrefFor={hrefFor} />)).not.toContain('rel="next"');
  });

  it("renders nothing for a single page", () => {
    expect(render(<Pagination currentPage={1} totalPages={1} hrefFor={hrefFor} />)).toBe("");
  });

  it("shows first, last, the current page's neighbours and ellipses for gaps", () => {
    const summary = (current: number, total: number) =>
      pageItems(current, total).map((item) => (item.kind === "page" ? item.number : "…"));
    expect(summary(5, 10)).toEqual([1, "…", 4, 5, 6, "…", 10]);
    expect(summary(1, 10)).toEqual([1, 2, "…", 10]);
    expect(summary(3, 10)).toEqual([1, 2, 3, 4, "…", 10]);
    expect(summary(2, 3)).toEqual([1, 2, 3]);
    const html = render(<Pagination currentPage={5} totalPages={10} hrefFor={hrefFor} />);
    expect(tags(html, "li").filter((item) => hasClass(item, "govuk-pagination__item--ellipsis")).map((item) => textOf(html, item))).toEqual([
      "\u22EF",
      "\u22EF",
    ]);
  });
});
