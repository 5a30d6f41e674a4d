import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendConsoleToLogger } from "@/lib/log/console-to-logger";
import { createLogger } from "@/lib/log/logger";
import { rememberRequestUser } from "@/lib/log/request-context";
import { logRequestError } from "@/lib/log/request-error";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * docs/security.md LG-05 (review finding M6): a request that meets a database error whose query
 * holds a NINO, a name and a search term logs one JSON line with the request id, user id and
 * route — and none of those values, neither through onRequestError nor through Next.js's own
 * console output.
 */

const NINO = "HR901044B";
const SURNAME = "Ingleby-Quartermaine";

let db: TestDatabase;
let provider: Provider;
beforeAll(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
  await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" });
});
afterAll(async () => {
  await db?.close();
});

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

/** The review's repro: a search with the NINO as term and page=1e308 made Prisma refuse the query. */
async function databaseErrorWithNino(): Promise<Error> {
  try {
    await db.prisma.case.findMany({
      where: { OR: [{ claimant: { nino: NINO } }, { claimant: { surname: { contains: SURNAME } } }] },
      skip: 1e308,
    });
  } catch (error) {
    return error as Error;
  }
  throw new Error("the query should have failed");
}

describe("no personal data in the logs (LG-05)", () => {
  it("the database error itself quotes the NINO and the name, which is what must not be logged (LG-05)", async () => {
    const error = await databaseErrorWithNino();
    expect(error.name).toMatch(/^PrismaClient/);
    expect(`${error.message}${error.stack}`).toContain(NINO);
  });

  it("logs a failed request as one JSON line with request id, user id and route, without the NINO, name or query arguments (LG-05)", async () => {
    const { logger, lines } = capture();
    const error = await databaseErrorWithNino();
    rememberRequestUser("req-123", provider.users.caseworker.id);
    logRequestError(
      logger,
      error,
      { method: "GET", path: `/cases?view=search&term=${NINO}`, headers: { "x-request-id": "req-123" } },
      { routePath: "/cases", routeType: "render" },
    );
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]) as Record<string, unknown> & { err: { message: string; type: string } };
    expect(record).toMatchObject({ level: 50, requestId: "req-123", userId: provider.users.caseworker.id, route: "/cases", path: "/cases", msg: "request failed" });
    expect(record.err.type).toMatch(/^PrismaClient/);
    expect(record.err.message).toContain("prisma.case.findMany()");
    expect(record.err.message).toContain("arguments withheld");
    for (const secret of [NINO, SURNAME, "HR 90 10 44 B", "1e+308"]) expect(lines[0]).not.toContain(secret);
  });

  it("sends Next.js's own console errors through the same logger, as JSON without the NINO (LG-05)", async () => {
    const { logger, lines } = capture();
    const fakeConsole = { error: () => undefined, warn: () => undefined, info: () => undefined, log: () => undefined } as Pick<Console, "error" | "warn" | "info" | "log">;
    sendConsoleToLogger(logger, fakeConsole);
    fakeConsole.error(await databaseErrorWithNino());
    fakeConsole.error("Search for %s failed\non two lines", NINO);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(NINO);
      expect(line).not.toContain(SURNAME);
      expect(line.trimEnd().split("\n")).toHaveLength(1); // newlines escaped inside the JSON
      expect(JSON.parse(line)).toMatchObject({ level: 50, source: "console" });
    }
  });
});
