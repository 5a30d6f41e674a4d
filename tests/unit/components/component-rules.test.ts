import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Guards the rules of components/: CSP (no inline styles), IV-02, no `any`, server by default. */
const root = join(import.meta.dirname, "../../../components");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = sourceFiles(root).map((path) => ({ path, source: readFileSync(path, "utf8") }));

describe("components/ rules", () => {
  it("finds the component sources", () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((file) => [file.path.slice(root.length + 1), file.source]))("%s has no inline style, raw HTML or any", (_, source) => {
    expect(source).not.toMatch(/\bstyle=\{/);
    expect(source).not.toMatch(/dangerouslySetInnerHTML/);
    expect(source).not.toMatch(/:\s*any\b|as any\b|<any>/);
  });

  it("is server components by default: client components are an explicit, short list", () => {
    // ErrorSummary focuses itself (UX-03); ErrorTitle prefixes document.title with "Error: ";
    // SessionTimeoutWarning counts down in the browser and opens its dialog (SE-03); PrintButton
    // calls window.print(); RouteFocus moves focus to the heading after a client navigation;
    // FormActionFrame holds a form's action state for the page's title ("Error: " without JavaScript);
    // AutoRefresh refreshes a page's data while background work is pending. ServiceHeader has no
    // client state: it is a client component so that every signed-in page's navigation travels as
    // data, not markup, in the RSC payload (docs/decisions/0035-work-queue-page-cost.md). The same
    // holds for the content components below ServiceHeader and for the case page's deadlines table
    // (ClocksTableView): markup only, props that are words and links, so each page's RSC payload
    // carries their rows as data (0035, amendment: the case page).
    const allowed = [
      "forms/ErrorSummary.tsx",
      "forms/ErrorTitle.tsx",
      "forms/FormActionFrame.tsx",
      "layout/AutoRefresh.tsx",
      "layout/SessionTimeoutWarning.tsx",
      "layout/PrintButton.tsx",
      "layout/RouteFocus.tsx",
      "layout/ServiceHeader.tsx",
      "cases/ClocksTableView.tsx",
      "content/IdentityBar.tsx",
      "content/SubNavigation.tsx",
      "content/SummaryCard.tsx",
      "content/SummaryList.tsx",
      "content/TaskList.tsx",
    ];
    const clientFiles = files.filter((file) => /^\s*["']use client["']/.test(file.source)).map((file) => file.path.slice(root.length + 1));
    expect(clientFiles.filter((path) => !allowed.includes(path))).toEqual([]);
  });

  it("does no data access", () => {
    for (const file of files) {
      expect(file.source).not.toMatch(/from ["'](@\/lib\/(db|server)|@prisma)/);
    }
  });
});
