import pino, { type DestinationStream, type Logger } from "pino";

/**
 * The server's logger: JSON lines on stdout (pino), never personal data (docs/security.md LG-05,
 * DP-01). Two layers of protection:
 * - fields that hold personal data are replaced by "[redacted]" wherever they appear (by key);
 * - every string that is logged (messages, error messages and stacks) is scrubbed of anything
 *   shaped like a National Insurance number, an e-mail address, a UK phone number or a postcode,
 *   because errors (a database error quoting its arguments, say) carry values under no key.
 */
export const REDACTED = "[redacted]";

const PERSONAL_KEYS = [
  "nino",
  "name",
  "title",
  "forename",
  "surname",
  "claimantName",
  "dateOfBirth",
  "address",
  "addressLine1",
  "addressLine2",
  "addressLine3",
  "town",
  "postcode",
  "telephone",
  "alternativeTelephone",
  "phone",
  "email",
  "searchTerm",
  "term",
  "password",
  "notes",
  "text",
];

// Each key at the top level, one level down and two levels down (pino's redaction is by path).
const REDACT_PATHS = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const PATTERNS: RegExp[] = [
  /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi, // NINO, whatever its prefix (test NINOs start QQ)
  /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, // e-mail
  /(?:\+44\s?|\b0)(?:\d\s?){9,10}\b/g, // UK telephone
  /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/gi, // postcode
];

/** Replaces anything shaped like personal data in a string. */
export function scrubPersonalData(text: string): string {
  return PATTERNS.reduce((scrubbed, pattern) => scrubbed.replace(pattern, REDACTED), text);
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubPersonalData(value);
  // Errors pass through untouched: the err serialiser below scrubs them.
  if (depth > 4 || value === null || typeof value !== "object" || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, depth + 1)]));
}

/**
 * A Prisma error's message quotes the whole query, arguments included (a NINO, a name, the search
 * term: review finding M6). Only the operation and Prisma's own complaint are kept, never a value.
 */
export function isPrismaError(error: Error): boolean {
  return /^PrismaClient/.test(error.name) || /^PrismaClient/.test(error.constructor?.name ?? "");
}

function prismaSummary(message: string): string {
  const operation = /Invalid `([^`]+)` invocation/.exec(message)?.[1];
  // "Argument `skip`: Invalid value provided. Expected Int, provided Float." names the field, not the value.
  const argument = /Argument `[^`]+`[^\n]*/.exec(message)?.[0].replace(/provided [^.]*\./g, "provided another type.");
  return [operation ? `Invalid ${operation} invocation` : "Database error", argument].filter(Boolean).join(": ") + " (arguments withheld)";
}

/** An error as a log field: its type, code and scrubbed message and stack; never a database query's arguments. */
function serialiseError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubPersonalData(String(error)) };
  const code = (error as { code?: unknown }).code;
  const digest = (error as { digest?: unknown }).digest;
  const prisma = isPrismaError(error);
  // The stack starts with the message; for a Prisma error keep only the frames.
  const stack = prisma ? error.stack?.split("\n").filter((line) => /^\s+at /.test(line)).join("\n") : error.stack;
  return {
    type: error.name,
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof digest === "string" ? { digest } : {}),
    message: prisma ? prismaSummary(error.message) : scrubPersonalData(error.message),
    stack: stack ? scrubPersonalData(stack) : undefined,
  };
}

export { serialiseError };

export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: { service: "ses-casework" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: serialiseError, error: serialiseError },
      formatters: { log: (object) => scrubDeep(object) as Record<string, unknown> },
      hooks: {
        // The message string itself (pino's first string argument) is scrubbed too.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === "string" ? scrubPersonalData(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/** One logger per process. */
export const logger: Logger = createLogger();
