import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/security.md SC-01: `npm audit` does not work against this registry mirror, so the lockfile
 * itself is checked against the minimum versions the requirement lists. The lockfile, not
 * package.json, because it is what `npm ci` installs.
 */

const FLOORS: { name: string; floor: string; why: string }[] = [
  { name: "next", floor: "16.4.5", why: "docs/security.md SC-01; CS-02 needs 16.1.7 or later" },
  { name: "react", floor: "19.3.0", why: "docs/security.md SC-01: react 19.3.x or later" },
  { name: "react-dom", floor: "19.3.0", why: "docs/security.md SC-01: react 19.3.x or later" },
  { name: "next-auth", floor: "5.0.0-beta.30", why: "docs/security.md SC-01 (GHSA-5jpx-9hw9-2fx4)" },
];

type Version = { core: number[]; pre: (string | number)[] };

function parseVersion(text: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(text.trim());
  if (!match) throw new Error(`Not a semantic version: ${text}`);
  const pre = match[4] ? match[4].split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre };
}

/** Semantic-version order (semver.org §11): negative when a < b. */
function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  for (let index = 0; index < 3; index += 1) {
    if (left.core[index] !== right.core[index]) return left.core[index] - right.core[index];
  }
  if (left.pre.length === 0 || right.pre.length === 0) return right.pre.length - left.pre.length;
  for (let index = 0; index < Math.max(left.pre.length, right.pre.length); index += 1) {
    const l = left.pre[index];
    const r = right.pre[index];
    if (l === undefined) return -1;
    if (r === undefined) return 1;
    if (l === r) continue;
    if (typeof l === "number" && typeof r === "number") return l - r;
    if (typeof l === "number") return -1;
    if (typeof r === "number") return 1;
    return l < r ? -1 : 1;
  }
  return 0;
}

interface Lockfile {
  packages: Record<string, { version?: string }>;
}

const lockfile = JSON.parse(readFileSync(path.join(process.cwd(), "package-lock.json"), "utf8")) as Lockfile;

/** Every copy of a package the lockfile installs, nested copies included. */
function installedVersions(name: string): { where: string; version: string }[] {
  return Object.entries(lockfile.packages)
    .filter(([where]) => where === `node_modules/${name}` || where.endsWith(`/node_modules/${name}`))
    .map(([where, entry]) => ({ where, version: entry.version ?? "" }));
}

describe("version floors in package-lock.json (SC-01)", () => {
  it("orders versions as semver does, prereleases before their release (SC-01)", () => {
    expect(compareVersions("16.4.5", "16.4.4")).toBeGreaterThan(0);
    expect(compareVersions("16.4.5", "16.10.0")).toBeLessThan(0);
    expect(compareVersions("5.0.0-beta.29", "5.0.0-beta.30")).toBeLessThan(0);
    expect(compareVersions("5.0.0-beta.32", "5.0.0-beta.30")).toBeGreaterThan(0);
    expect(compareVersions("5.0.0", "5.0.0-beta.30")).toBeGreaterThan(0);
    expect(compareVersions("19.3.1", "19.3.0")).toBeGreaterThan(0);
    expect(compareVersions("19.2.9", "19.3.0")).toBeLessThan(0);
  });

  for (const { name, floor, why } of FLOORS) {
    it(`installs ${name} ${floor} or later everywhere in the lockfile (SC-01: ${why})`, () => {
      const copies = installedVersions(name);
      expect(copies.length, `${name} is in package-lock.json`).toBeGreaterThan(0);
      for (const { where, version } of copies) {
        expect(compareVersions(version, floor), `${where} is ${version}, below the floor ${floor}`).toBeGreaterThanOrEqual(0);
      }
    });
  }
});
