// Lint keeps the layers honest (docs/architecture.md "Layers"): Prisma only in lib/db and lib/server; pure
// domain and calendar code free of I/O; presentational components free of data access; no raw
// unsafe SQL and no dangerouslySetInnerHTML anywhere (docs/security.md IV-02, IV-03).
import nextPlugin from "@next/eslint-plugin-next";
import tseslint from "typescript-eslint";

const prismaImports = {
  paths: [{ name: "@prisma/client", message: "Use lib/server use-cases; Prisma lives in lib/db and lib/server only." }],
  patterns: [
    { group: ["**/generated/prisma", "**/generated/prisma/*"], message: "Prisma lives in lib/db and lib/server only." },
    { group: ["@/lib/db/prisma", "**/lib/db/prisma"], message: "Prisma lives in lib/db and lib/server only." },
  ],
};

/** Prisma's imports barred, and these too: one rule per folder, each with its reason. */
const importsBarred = (group, message) => ({
  "no-restricted-imports": ["error", { ...prismaImports, patterns: [...prismaImports.patterns, { group, message }] }],
});

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
  {
    files: ["app/**", "components/**", "lib/auth/**", "lib/domain/**", "lib/calendar/**", "lib/forms/**", "lib/security/**", "proxy.ts"],
    rules: { "no-restricted-imports": ["error", prismaImports] },
  },
  {
    // app/ never holds the database (docs/architecture.md): a page reads through its lib/server page
    // loader (lib/server/load-page.ts), a server action gets it from authorisedAction.
    files: ["app/**"],
    rules: importsBarred(["@/lib/db/*", "**/lib/db/*"], "app/ never opens the database: use the page's lib/server page loader (lib/server/load-page.ts)."),
  },
  {
    files: ["components/**"],
    rules: importsBarred(["@/lib/server/*", "@/lib/db/*"], "Components are presentational: no data access."),
  },
  {
    files: ["lib/domain/**", "lib/calendar/**"],
    rules: importsBarred(["@/lib/server/*", "@/lib/db/*", "next/*", "node:fs", "node:fs/*"], "lib/domain and lib/calendar are pure: no I/O."),
  },
);
