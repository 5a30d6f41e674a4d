import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot } from "@/tests/support/source-scan";

/**
 * A newcomer follows every citation without leaving the repository (docs/README.md "Citing these
 * documents"; docs/rules/README.md): each `docs/...` path the code cites exists, with its heading
 * when it names one, and no comment sends the reader to an issue number.
 */

const CODE = /\.(?:ts|tsx|mts|js|mjs|cjs|css)$/;
const SKIPPED = new Set(["node_modules", ".next", "generated", "test-results", "playwright-report", ".data"]);

function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(path);
      } else if (CODE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        found.push(relative(repositoryRoot, path).split(sep).join("/"));
      }
    }
  };
  walk(join(repositoryRoot, folder));
  return found;
}

const TOP_LEVEL_CONFIG = readdirSync(repositoryRoot).filter((name) => CODE.test(name) && statSync(join(repositoryRoot, name)).isFile());
/** This file cites missing documents on purpose, to prove the check. */
const THIS_FILE = "tests/unit/architecture/citations.test.ts";
const CITING = [...["app", "lib", "components", "tests", "scripts"].flatMap(filesUnder), ...TOP_LEVEL_CONFIG].filter((path) => path !== THIS_FILE).sort();
const PRODUCT = CITING.filter((path) => /^(app|lib|components)\//.test(path));

/** `docs/…` not inside a URL or another path (Prisma's generated code links to prisma.io/docs/…). */
const CITATION = /(?<![\w/.@-])docs\/[^\s)"'`<>\]]+/g;

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

const anchorsCache = new Map<string, Set<string>>();
function anchorsOf(document: string): Set<string> {
  let anchors = anchorsCache.get(document);
  if (!anchors) {
    const headings = readFileSync(join(repositoryRoot, document), "utf8").match(/^#{1,6} .+$/gm) ?? [];
    anchors = new Set(headings.map((line) => slug(line.replace(/^#+ /, ""))));
    anchorsCache.set(document, anchors);
  }
  return anchors;
}

/** Every `docs/...` citation in a file, as "path:line: citation". */
function citationsIn(path: string): { where: string; cited: string }[] {
  return readFileSync(join(repositoryRoot, path), "utf8")
    .split("\n")
    .flatMap((line, index) => [...line.matchAll(CITATION)].map((match) => ({ where: `${path}:${index + 1}`, cited: match[0].replace(/[.,;:]+$/, "") })));
}

function problemWith(cited: string): string | null {
  const [document, anchor] = cited.split("#");
  const target = join(repositoryRoot, document);
  if (!existsSync(target)) return "no such file";
  if (anchor !== undefined && document.endsWith(".md") && !anchorsOf(document).has(anchor)) return `no heading #${anchor}`;
  return null;
}

describe("citations into docs/", () => {
  it("finds the code it scans, and citations in it (the scan itself)", () => {
    expect(PRODUCT.length).toBeGreaterThan(100);
    expect(CITING).toContain("eslint.config.mjs");
    expect(CITING.flatMap(citationsIn).length).toBeGreaterThan(100);
  });

  it("cites only documents (and headings) that exist, from app/, lib/, components/, tests/ and scripts/", () => {
    const broken = CITING.flatMap(citationsIn).flatMap(({ where, cited }) => {
      const problem = problemWith(cited);
      return problem ? [`${where}: ${cited} (${problem})`] : [];
    });
    expect(broken).toEqual([]);
  });

  it("would notice a citation of a missing document or heading", () => {
    expect(problemWith("docs/domain.md")).toBe("no such file");
    expect(problemWith("docs/rules/clocks.md#due-soon")).toBeNull();
    expect(problemWith("docs/rules/clocks.md#due-later")).toBe("no heading #due-later");
    expect(problemWith("docs/rules/decisions.md#6-unable-to-contact-means-3-attempts")).toBeNull();
  });

  it("names no issue number in app/, lib/ or components/: a reader cannot follow one", () => {
    const ISSUE = /\bissues?\s+#?\d+\b|\(#\d{1,4}\)/i;
    const named = PRODUCT.flatMap((path) =>
      readFileSync(join(repositoryRoot, path), "utf8")
        .split("\n")
        .flatMap((line, index) => (ISSUE.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(named).toEqual([]);
  });
});
