import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED, scrubPersonalData } from "@/lib/log/logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(stream), lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("the server's logger keeps personal data out of the logs (docs/security.md LG-05)", () => {
  it("writes one JSON line per entry with a level, time and message", () => {
    const { logger, records } = capture();
    logger.info({ route: "/cases/[caseId]" }, "request failed");
    const [record] = records();
    expect(record).toMatchObject({ level: 30, msg: "request failed", route: "/cases/[caseId]", service: "ses-casework" });
    expect(typeof record.time).toBe("string");
  });

  it("redacts personal fields by name, at any of the first three levels", () => {
    const { logger, lines } = capture();
    logger.info({ nino: "QQ123456C", claimant: { surname: "Sugden", forename: "Leanne", address: { postcode: "LS1 4BZ" } }, searchTerm: "sugden" }, "search");
    const line = lines.join("");
    for (const secret of ["QQ123456C", "Sugden", "Leanne", "LS1 4BZ", "sugden"]) expect(line).not.toContain(secret);
    expect(line).toContain(REDACTED);
  });

  it("scrubs a NINO, e-mail, phone number and postcode from an error's message and stack, e.g. a database error quoting its input", () => {
    const { logger, lines } = capture();
    const error = new Error('Unique constraint failed on nino = "QQ 12 34 56 C" for leanne@example.test, 07700 900456, LS1 4BZ');
    logger.error({ err: error }, "request failed");
    const line = lines.join("");
    for (const secret of ["QQ 12 34 56 C", "leanne@example.test", "07700 900456", "LS1 4BZ"]) expect(line).not.toContain(secret);
    expect(line).toContain("Unique constraint failed");
  });

  it("scrubs the message string itself", () => {
    const { logger, lines } = capture();
    logger.warn("lookup failed for QQ123456C");
    expect(lines.join("")).not.toContain("QQ123456C");
  });

  it("leaves ids, routes and counts alone", () => {
    expect(scrubPersonalData("case 0f8c2a55-1b7e-4d2e-9a51-6f3c1c1f2b10 at /cases/x, 25 rows")).toBe("case 0f8c2a55-1b7e-4d2e-9a51-6f3c1c1f2b10 at /cases/x, 25 rows");
  });
});
