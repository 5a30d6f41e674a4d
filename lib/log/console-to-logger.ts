import { format } from "node:util";
import type { Logger } from "pino";

const installed = globalThis as typeof globalThis & { __sesConsoleToLogger?: boolean };

/**
 * Next.js writes its own errors with console.error, and a database error's text quotes its query
 * (review finding M6). In the server process every console line goes through the logger instead:
 * JSON, with Errors serialised (Prisma's without arguments) and strings scrubbed of NINOs, e-mail
 * addresses, phone numbers and postcodes (docs/security.md LG-05). Newlines in a message end up
 * escaped inside the JSON string.
 */
export function sendConsoleToLogger(logger: Logger, target: Pick<Console, "error" | "warn" | "info" | "log"> = console): void {
  if (target === console && installed.__sesConsoleToLogger) return;
  if (target === console) installed.__sesConsoleToLogger = true;
  const write = (level: "error" | "warn" | "info") => (...args: unknown[]) => {
    const error = args.find((arg): arg is Error => arg instanceof Error);
    const rest = args.filter((arg) => arg !== error);
    const message = rest.length > 0 ? format(...rest) : (error?.name ?? "");
    if (error) logger[level]({ err: error, source: "console" }, message);
    else logger[level]({ source: "console" }, message);
  };
  target.error = write("error");
  target.warn = write("warn");
  target.info = write("info");
  target.log = write("info");
}
