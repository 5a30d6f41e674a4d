import { describe, expect, it } from "vitest";
import {
  inlineServerDirectives,
  isServerActionModule,
  readSource,
  serverActionExports,
  sourceFiles,
} from "@/tests/support/source-scan";

/**
 * Grep-style guards over the application source (app, lib, components, and proxy.ts), excluding
 * Prisma's generated client in lib/db/generated.
 */
const APPLICATION_FOLDERS = ["app", "lib", "components"] as const;
const applicationFiles = [...sourceFiles(APPLICATION_FOLDERS), "proxy.ts"];

/**
 * Server actions that are public on purpose, each with the reason. Anything else exported from a
 * "use server" file must authenticate itself (CS-04).
 */
const PUBLIC_SERVER_ACTIONS: Record<string, string> = {
  "app/sign-in/sign-in-action.ts#signInAction":
    "signs a user in, so no session exists yet; authenticate() throttles and audits every attempt (AU-02, AU-08)",
  "app/set-password/[token]/actions.ts#setPasswordAction":
    "sets a password from a set-up or reset link: the single-use, hashed, 24-hour link is the proof, checked and spent by the use-case (AU-06)",
};

/** Files allowed to use Prisma.raw (splicing SQL text), each with the reason. None today. */
const PRISMA_RAW_ALLOWED: Record<string, string> = {};

function occurrences(pattern: RegExp, files: readonly string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    readSource(file)
      .split("\n")
      .forEach((text, index) => {
        if (pattern.test(text)) hits.push(`${file}:${index + 1}: ${text.trim()}`);
      });
  }
  return hits;
}

describe("the scan itself", () => {
  it("finds the application's source files and skips Prisma's generated client", () => {
    expect(applicationFiles.length).toBeGreaterThan(20);
    expect(applicationFiles).toContain("lib/server/auth/login-throttle.ts");
    expect(applicationFiles.some((file) => file.startsWith("app/") && file.endsWith(".tsx"))).toBe(true);
    expect(applicationFiles.some((file) => file.startsWith("components/"))).toBe(true);
    expect(applicationFiles.filter((file) => file.startsWith("lib/db/generated/"))).toEqual([]);
  });
});

describe("SQL is only ever parameterised (IV-03)", () => {
  it("never calls $queryRawUnsafe or $executeRawUnsafe in app, lib or components (IV-03)", () => {
    expect(occurrences(/\$(queryRawUnsafe|executeRawUnsafe)\b/, applicationFiles)).toEqual([]);
  });

  it("splices SQL text with Prisma.raw only in files listed, with a reason (IV-03)", () => {
    const hits = occurrences(/\bPrisma\.raw\s*\(/, applicationFiles).filter((hit) => !(hit.split(":")[0] in PRISMA_RAW_ALLOWED));
    expect(hits).toEqual([]);
  });

  it("calls $queryRaw/$executeRaw only as tagged templates, never with a built string (IV-03)", () => {
    expect(occurrences(/\$(queryRaw|executeRaw)\s*(<[^>]*>)?\s*\(\s*(?!Prisma\.sql\b)/, applicationFiles)).toEqual([]);
  });
});

describe("no raw HTML injection (IV-02)", () => {
  it("never uses dangerouslySetInnerHTML in app, lib or components (IV-02)", () => {
    expect(occurrences(/dangerouslySetInnerHTML/, applicationFiles)).toEqual([]);
  });
});

describe("every server action authenticates itself (CS-04, static check)", () => {
  const serverActionFiles = applicationFiles.filter((file) => isServerActionModule(file, readSource(file)));

  it("finds the server-action modules under app/", () => {
    expect(serverActionFiles.filter((file) => file.startsWith("app/")).length).toBeGreaterThanOrEqual(3);
  });

  it("defines server actions only in 'use server' files, never inline in a component or function, so this check sees them all", () => {
    const inline = applicationFiles.flatMap((file) => inlineServerDirectives(file, readSource(file)).map((line) => `${file}:${line}`));
    expect(inline).toEqual([]);
  });

  it("exports from each 'use server' file only authorisedAction(…) values or functions that call getCurrentUser/requireUser (CS-04)", () => {
    const unchecked = serverActionFiles.flatMap((file) =>
      serverActionExports(file, readSource(file))
        .filter((finding) => finding.verdict === "UNCHECKED" && !(`${file}#${finding.name}` in PUBLIC_SERVER_ACTIONS))
        .map((finding) => `${file}:${finding.line} ${finding.name} — ${finding.detail}`),
    );
    expect(unchecked).toEqual([]);
  });

  it("lists only public actions that still exist, and none that authenticate anyway (no stale exceptions)", () => {
    for (const key of Object.keys(PUBLIC_SERVER_ACTIONS)) {
      const [file, name] = key.split("#");
      const finding = serverActionExports(file, readSource(file)).find((candidate) => candidate.name === name);
      expect(finding, key).toBeDefined();
      expect(finding?.verdict, key).toBe("UNCHECKED");
    }
  });

  describe("the export check recognises", () => {
    const judge = (text: string) => serverActionExports("app/example/actions.ts", `"use server";\n${text}`);

    it("an authorisedAction value as checked", () => {
      expect(judge(`export const saveThing = authorisedAction({ name: "x" }, async () => {});`)).toMatchObject([
        { name: "saveThing", verdict: "authorisedAction" },
      ]);
    });

    it("a function that calls getCurrentUser or requireUser as checked", () => {
      expect(
        judge(
          `export async function one() { const user = await getCurrentUser(); if (!user) return; }\n` +
            `export const two = async () => { await requireUser("manage:user:any"); };`,
        ),
      ).toMatchObject([
        { name: "one", verdict: "checks the session" },
        { name: "two", verdict: "checks the session" },
      ]);
    });

    it("a function that only mentions getCurrentUser in a comment or string as UNCHECKED", () => {
      expect(judge(`export async function sneaky() { // getCurrentUser()\n const s = "requireUser()"; await deleteEverything(); }`)).toMatchObject([
        { name: "sneaky", verdict: "UNCHECKED" },
      ]);
    });

    it("a plain function, a value built another way, a default export and a re-export as UNCHECKED", () => {
      const findings = judge(
        `export async function deleteCase(id: string) { await db.case.delete({ where: { id } }); }\n` +
          `export const wrapped = somethingElse(async () => {});\n` +
          `export default async function () {}\n` +
          `export { other } from "./other";`,
      );
      expect(findings.map((finding) => finding.verdict)).toEqual(["UNCHECKED", "UNCHECKED", "UNCHECKED", "UNCHECKED"]);
    });

    it("a 'use server' directive only at the top of a module, and inline ones inside functions", () => {
      expect(isServerActionModule("a.ts", `"use server";\nexport {};`)).toBe(true);
      expect(isServerActionModule("a.ts", `import x from "y";\n"use server";`)).toBe(false);
      expect(inlineServerDirectives("a.tsx", `export function Page() { async function go() { "use server"; } return null; }`)).toEqual([1]);
    });
  });
});
