// Lint keeps the layers honest (docs/architecture.md "Layers"; docs/decisions/0015-layer-boundaries.md):
// Prisma only in lib/db and lib/server; each layer imports only the layers below it; pure domain and
// calendar code free of I/O; presentational components free of data access; no raw unsafe SQL and
// no dangerouslySetInnerHTML anywhere (docs/security.md IV-02, IV-03). tests/unit/architecture/
// layer-rules.test.ts plants one forbidden import per rule and checks that lint refuses it.
import { builtinModules } from "node:module";
import nextPlugin from "@next/eslint-plugin-next";
import tseslint from "typescript-eslint";

const prismaImports = {
  paths: [{ name: "@prisma/client", message: "Use lib/server use-cases; Prisma lives in lib/db and lib/server only." }],
  patterns: [
    { group: ["**/generated/prisma", "**/generated/prisma/*"], message: "Prisma lives in lib/db and lib/server only." },
    { group: ["@/lib/db/prisma", "**/lib/db/prisma"], message: "Prisma lives in lib/db and lib/server only." },
  ],
};

/**
 * An import of a top-level folder, by alias (`@/lib/server/…`, `@/app/…`) or by a relative path
 * that climbs to it (`../server/…` from inside lib/, `../../lib/server/…` from anywhere).
 * `except` names the modules of that folder that stay allowed (paths inside it, without extension).
 */
function folder(path, except = []) {
  const [top, name] = path.includes("/") ? path.split("/") : [null, path];
  const climb = top ? `(?:@/${top}/|(?:\\.\\./)+(?:${top}/)?)` : "(?:@/|(?:\\.\\./)+)";
  const allowed = except.length > 0 ? `(?!(?:${except.map((module) => module.replace(/[.]/g, "\\.")).join("|")})$)` : "";
  return `^${climb}${name}(?:$|/${allowed})`;
}

/** One barred edge: the folder it reaches and why it may not. */
const barred = (path, message, except = []) => ({ regex: folder(path, except), message });

/** Node's own modules, by exact name (`fs`, `fs/promises`; a pattern would also catch our `lib/domain`) and as `node:*`. */
const NODE_MODULES = builtinModules.filter((name) => !name.startsWith("_"));
const NODE_IO_MESSAGE = "lib/domain and lib/calendar are pure: no I/O (pass today and the data in).";

const EDGES = {
  db: barred("lib/db", "Only lib/server (and the seeds) open the database: use the page's lib/server page loader (lib/server/load-page.ts)."),
  server: barred("lib/server", "This layer sits below lib/server and may not import it (docs/architecture.md \"Layers\")."),
  auth: barred("lib/auth", "lib/auth is next-auth and the session, above this layer (docs/architecture.md \"Layers\")."),
  app: barred("app", "app/ is the top layer: nothing imports a route."),
  components: barred("components", "components/ is presentational React for app/: lib/ does not import it."),
  seed: barred("lib/seed", "The seeds are demo data at the top of lib/: nothing in the app imports them."),
  tests: barred("tests", "Product code never imports test code."),
  /** The seeds may call these lib/server helpers and no others (docs/decisions/0015-layer-boundaries.md). */
  serverButSeedHelpers: barred(
    "lib/server",
    "The seeds may use lib/domain, lib/calendar, lib/db and the named lib/server helpers only (docs/decisions/0015-layer-boundaries.md).",
    ["auth/password", "cases/recompute-due-dates", "reference/load-calendar"],
  ),
  /**
   * lib/auth signs in and loads the session's user through these two use-cases, and records a page
   * refused for a missing permission as a security event (docs/security.md LG-03); nothing else of lib/server.
   */
  serverButSession: barred(
    "lib/server",
    "lib/auth keeps next-auth and the session only: it may use lib/server's sign-in and session-user use-cases and the refused-request audit, nothing else.",
    ["auth/authenticate", "users/find-session-user", "audit/record-refused-request"],
  ),
};

/** The rule for one layer: Prisma's imports barred unless the layer may use them, plus the layer's barred edges. */
function layer({ prisma = false, edges = [], paths = [] }) {
  return {
    "no-restricted-imports": [
      "error",
      {
        paths: [...(prisma ? [] : prismaImports.paths), ...paths],
        patterns: [...(prisma ? [] : prismaImports.patterns), ...edges],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".data/", "lib/db/generated/", "app/generated/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@next/next/no-html-link-for-pages": "off", // plain <a> keeps pages working without JavaScript
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Never render HTML from data (IV-02)." },
        { selector: "MemberExpression[property.name=/^\\$(query|execute)RawUnsafe$/]", message: "Use tagged $queryRaw/$executeRaw (IV-03)." },
      ],
    },
  },
  // Each layer's barred imports. A file matches one block (the last one wins), so each lists all of its rules.
  { files: ["proxy.ts", "lib/forms/**", "lib/security/**", "lib/log/**"], rules: layer({ edges: [EDGES.app, EDGES.components, EDGES.seed, EDGES.tests] }) },
  {
    // app/ never holds the database (docs/architecture.md): a page reads through its lib/server page
    // loader (lib/server/load-page.ts), a server action gets it from authorisedAction.
    files: ["app/**"],
    rules: layer({ edges: [EDGES.db, EDGES.seed, EDGES.tests] }),
  },
  {
    files: ["components/**"],
    rules: layer({ edges: [{ ...EDGES.server, message: "Components are presentational: no data access." }, { ...EDGES.db, message: "Components are presentational: no data access." }, EDGES.app, EDGES.seed, EDGES.tests] }),
  },
  {
    files: ["lib/domain/**", "lib/calendar/**"],
    rules: layer({
      edges: [
        ...[EDGES.server, EDGES.db, EDGES.auth, EDGES.app, EDGES.components, EDGES.seed, EDGES.tests].map((edge) => ({ ...edge, message: `lib/domain and lib/calendar are pure: no I/O. ${edge.message}` })),
        { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "lib/domain and lib/calendar are pure: no framework." },
        { group: ["node:*"], message: NODE_IO_MESSAGE },
      ],
      paths: NODE_MODULES.map((name) => ({ name, message: NODE_IO_MESSAGE })),
    }),
  },
  { files: ["lib/auth/**"], rules: layer({ edges: [EDGES.serverButSession, EDGES.app, EDGES.components, EDGES.seed, EDGES.tests] }) },
  { files: ["lib/server/**"], rules: layer({ prisma: true, edges: [EDGES.app, EDGES.components, EDGES.seed, EDGES.tests] }) },
  { files: ["lib/db/**"], rules: layer({ prisma: true, edges: [EDGES.server, EDGES.auth, EDGES.app, EDGES.components, EDGES.seed, EDGES.tests] }) },
  { files: ["lib/seed/**"], rules: layer({ prisma: true, edges: [EDGES.serverButSeedHelpers, EDGES.auth, EDGES.app, EDGES.components, EDGES.tests, { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "The seeds run outside Next.js." }] }) },
);
