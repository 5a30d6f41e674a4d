import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { repositoryRoot } from "@/tests/support/source-scan";

/**
 * The layer rules of eslint.config.mjs (docs/architecture.md "Layers", docs/decisions/0015-layer-boundaries.md)
 * proved by planting: each forbidden import, linted as if it were in a file of that layer, is an
 * error; each layer's ordinary imports are not.
 */

let eslint: ESLint;

/** The no-restricted-imports messages ESLint gives `source` imported from a file at `filePath`. */
async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as planted from ${JSON.stringify(source)};\nexport { planted };\n`, { filePath });
  return result.messages.filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

beforeAll(async () => {
  eslint = new ESLint({ cwd: repositoryRoot });
}, 60_000);

/** [the rule, a file in the layer, the import planted in it] */
const FORBIDDEN: [string, string, string][] = [
  ["app/ never opens the database", "app/(signed-in)/planted/page.tsx", "@/lib/db/client"],
  ["app/ never opens the database (relative path)", "app/(signed-in)/planted/page.tsx", "../../../lib/db/client"],
  ["app/ never reads Prisma's client", "app/(signed-in)/planted/page.tsx", "@/lib/db/prisma"],
  ["components/ have no data access (database)", "components/planted/Planted.tsx", "@/lib/db/client"],
  ["components/ have no data access (use-cases)", "components/planted/Planted.tsx", "@/lib/server/cases/find-visible-case"],
  ["lib/domain may not import lib/server", "lib/domain/planted.ts", "@/lib/server/cases/find-visible-case"],
  ["lib/domain may not import lib/server (relative path)", "lib/domain/lifecycle/planted.ts", "../../server/assert-can"],
  ["lib/domain may not import lib/db", "lib/domain/planted.ts", "@/lib/db/dates"],
  ["lib/domain may not import lib/auth", "lib/domain/planted.ts", "@/lib/auth/current-user"],
  ["lib/domain may not import Next.js", "lib/domain/planted.ts", "next/navigation"],
  ["lib/domain may not do I/O (node:fs)", "lib/domain/planted.ts", "node:fs/promises"],
  ["lib/domain may not do I/O (fs)", "lib/domain/planted.ts", "fs"],
  ["lib/calendar may not do I/O", "lib/calendar/planted.ts", "node:fs"],
  ["lib/auth may not import lib/server beyond the session", "lib/auth/planted.ts", "@/lib/server/cases/find-visible-case"],
  ["lib/server may not import app/", "lib/server/planted.ts", "@/app/(signed-in)/cases/[caseId]/actions"],
  ["lib/server may not import components/", "lib/server/cases/planted.ts", "../../../components/content/Table"],
  ["lib/seed may not import other lib/server use-cases", "lib/seed/demo/planted.ts", "@/lib/server/cases/open-case"],
  ["lib/seed may not import lib/auth", "lib/seed/planted.ts", "@/lib/auth/current-user"],
  ["lib/db may not import lib/server", "lib/db/planted.ts", "@/lib/server/reference/load-calendar"],
  ["nothing under lib/ imports tests/", "lib/server/planted.ts", "@/tests/integration/support/builders"],
  ["nothing under lib/ imports tests/ (relative path)", "lib/domain/forms/planted.ts", "../../../tests/unit/support"],
  ["nothing in the app imports the seeds", "lib/server/planted.ts", "@/lib/seed/seed-demo"],
];

/** [the layer, a file in it, an import it may make] */
const ALLOWED: [string, string, string][] = [
  ["app/ reads through its page loader", "app/(signed-in)/planted/page.tsx", "@/lib/server/case-page/load-case-page"],
  ["app/ renders components", "app/(signed-in)/planted/page.tsx", "@/components/content/Table"],
  ["components/ use domain labels", "components/planted/Planted.tsx", "@/lib/domain/case-labels"],
  ["lib/domain uses lib/calendar", "lib/domain/planted.ts", "@/lib/calendar/iso-date"],
  ["lib/domain uses itself", "lib/domain/lifecycle/planted.ts", "../case-states"],
  ["lib/domain uses zod", "lib/domain/planted.ts", "zod"],
  ["lib/auth signs in through its lib/server use-case", "lib/auth/planted.ts", "@/lib/server/auth/authenticate"],
  ["lib/auth loads the session's user", "lib/auth/planted.ts", "@/lib/server/users/find-session-user"],
  ["lib/server uses Prisma", "lib/server/planted.ts", "@/lib/db/prisma"],
  ["lib/server uses lib/domain", "lib/server/planted.ts", "@/lib/domain/permissions"],
  ["lib/server's action chain reads the session", "lib/server/actions/planted.ts", "@/lib/auth/current-user"],
  ["lib/seed hashes passwords with lib/server's helper", "lib/seed/planted.ts", "@/lib/server/auth/password"],
  ["lib/seed stores due dates with lib/server's helper", "lib/seed/demo/planted.ts", "@/lib/server/cases/recompute-due-dates"],
  ["lib/seed reads the calendar with lib/server's helper", "lib/seed/planted.ts", "@/lib/server/reference/load-calendar"],
  ["lib/seed writes through Prisma", "lib/seed/planted.ts", "@/lib/db/prisma"],
  ["lib/db uses its own modules", "lib/db/planted.ts", "./prisma"],
];

describe("the layer rules in eslint.config.mjs", () => {
  for (const [rule, filePath, source] of FORBIDDEN) {
    it(`refuses a planted import: ${rule} (${source} in ${filePath})`, async () => {
      expect(await refusals(filePath, source)).not.toEqual([]);
    }, 30_000); // the first lint of a run loads the whole config: seconds on a busy machine
  }

  for (const [layer, filePath, source] of ALLOWED) {
    it(`allows what the layer needs: ${layer} (${source} in ${filePath})`, async () => {
      expect(await refusals(filePath, source)).toEqual([]);
    }, 30_000);
  }
});
