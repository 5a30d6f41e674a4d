import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { Prisma, type PrismaClient } from "@/lib/db/prisma";
import type { FormState } from "@/lib/forms/form-state";
import { z } from "zod";
import { declaredFormOf, type DeclaredForm } from "@/lib/server/actions/authorised-action";
import { findSessionUser } from "@/lib/server/users/find-session-user";
import { createCase, createProvider, createUserRow, type Provider } from "@/tests/integration/support/builders";
import { publicTables } from "@/tests/integration/support/inspect";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";
import { isServerActionModule, readSource, repositoryRoot, serverActionExports, sourceFiles } from "@/tests/support/source-scan";

/**
 * docs/security.md IV-01: no request makes a 500. Every server action and every route handler
 * of the app, imported as the app builds them, is sent generated bad input (control characters,
 * numbers too large for the database, overlong and odd Unicode text, ids of real and unknown
 * records) by a user holding every role; each must answer with a form error, a redirect or a
 * 4xx, never throw, and the database must be exactly as before (a checksum of every table).
 * The session and the database handle are the test's (the chain's two dependencies).
 */

const state: { user: CurrentUser | null; db: PrismaClient | null } = { user: null, db: null };

vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => state.user,
  requireUser: async () => state.user,
  // The second factor's pages (lib/server/actions/session-step-action.ts): a session that has passed it.
  getPendingMfaUser: async () => null,
  getSessionUser: async () => state.user,
  upgradeSession: async () => undefined,
}));
vi.mock("@/lib/db/client", () => ({ getPrisma: async () => state.db }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  return {
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
      has: (name: string) => jar.has(name),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    }),
    headers: async () => new Headers({ host: "localhost", "user-agent": "Vitest (fuzz)" }),
  };
});

// Not fuzzed here: signing in and out go through next-auth's own request handling; the sign-in
// form's control-character rule is tested below on its own.
// The second factor's actions send a session that is not at their step to that step (a redirect);
// their bad input is covered by tests/integration/auth/identity.test.ts.
const SKIPPED = new Set([
  "app/sign-in/sign-in-action.ts#signInAction",
  "app/sign-in/two-factor/actions.ts#verifyMfaAction",
  "app/sign-in/two-factor/actions.ts#enrolMfaAction",
  "app/sign-in/two-factor/actions.ts#finishMfaEnrolmentAction",
]);

let db: TestDatabase;
let provider: Provider;
let caseIds: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  provider = await createProvider(db.prisma);
  const everyRole = await createUserRow(db.prisma, {
    organisationId: provider.organisation.id,
    roles: ["caseworker", "nominated_officer", "manager", "administrator"],
    siteId: provider.sites.england.id,
  });
  const session = await findSessionUser(db.prisma, everyRole.id, everyRole.sessionVersion);
  state.user = { ...session!, ip: "203.0.113.40", userAgent: "Vitest (fuzz)" };
  state.db = db.prisma;
  caseIds = [
    (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "referred" })).id,
    (await createCase(db.prisma, provider, { route: "prap_two_stage", state: "started" })).id,
  ];
});
afterAll(async () => {
  await db?.close();
});

/** A checksum of every table but the rate-limit counters: any insert, update or delete changes it. */
async function databaseChecksum(prisma: PrismaClient): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of await publicTables(prisma)) {
    if (table === "RateLimit" || table === "RateLimiterFlexible" || table === "_prisma_migrations") continue;
    const rows = await prisma.$queryRaw<{ sum: string | null; count: bigint }[]>(
      Prisma.sql`SELECT md5(string_agg(row_to_json(t)::text, ',' ORDER BY row_to_json(t)::text)) AS "sum", count(*) AS "count" FROM ${Prisma.raw(`"${table}"`)} t`,
    );
    sums[table] = `${rows[0].count}:${rows[0].sum ?? ""}`;
  }
  return sums;
}

const FIELD_NAMES = [
  "caseId", "version", "text", "note", "term", "name", "email", "reason", "day", "month", "year", "userId", "siteId", "roles",
  "active", "value", "key", "shown", "label", "tier", "outcome", "page", "inbox", "part", "stepEventId", "reasonCode",
  "forenames", "surname", "nino", "purchaseOrderNumber", "telephone", "postcode", "password", "date-day", "date-month", "date-year",
];
const CONTROL = fc.constantFrom("\u0000", "\u0001", "\u0008", "\u000B", "\u001B", "\u007F");
const withControl = fc.tuple(fc.string({ maxLength: 12 }), CONTROL, fc.string({ maxLength: 12 })).map(([a, c, b]) => `${a}${c}${b}`);
const badVersion = fc.constantFrom("1e308", "99999999999999999999", "-1", "0", "NaN", "1.5", "", "٣", "0x10");
const oddText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("\uD800", "a\uDFFFb", "x".repeat(10_001), "'; DROP TABLE \"Case\"; --", "<script>alert(1)</script>", "=HYPERLINK(1)", "31/2/2026", "AB123456C"),
);
const anyValue = () => fc.oneof(oddText, withControl, badVersion, fc.constantFrom(...caseIds, "00000000-1111-4222-8333-444444444444", "not-a-uuid"));

/** Posted fields: always a version that cannot be valid, so no generated post can pass as a real change. */
const post = (controlRequired: boolean) =>
  fc
    .record({
      fields: fc.dictionary(fc.constantFrom(...FIELD_NAMES), anyValue(), { maxKeys: 6 }),
      version: badVersion,
      control: withControl,
      controlField: fc.constantFrom(...FIELD_NAMES),
    })
    .map(({ fields, version, control, controlField }) => ({ ...fields, version, ...(controlRequired ? { [controlField]: control } : {}) }));

/**
 * A valid post for an action, built from the schema it declared (lib/server/actions/authorised-action.ts
 * declareForm): a plausible value for each field by its name (real ids, today's date parts, a
 * current record version), else from the field's JSON Schema (an allowed option, a length in range).
 */
type Post = Record<string, string | string[]>;
type JsonField = { properties?: Record<string, JsonField>; type?: string | string[]; enum?: unknown[]; const?: unknown; format?: string; minLength?: number; maxLength?: number; anyOf?: JsonField[]; items?: JsonField };

async function validPost(form: DeclaredForm): Promise<Post> {
  let json: { properties?: Record<string, JsonField>; allOf?: { properties?: Record<string, JsonField> }[] };
  try {
    json = z.toJSONSchema(form.schema, { io: "input", unrepresentable: "any" }) as typeof json;
  } catch {
    json = {};
  }
  const properties = json.properties ?? Object.assign({}, ...(json.allOf ?? []).map((part) => part.properties ?? {}));
  const caseRow = await db.prisma.case.findUniqueOrThrow({ where: { id: caseIds[0] }, select: { id: true, version: true } });
  const post: Post = {};
  for (const [field, schema] of Object.entries(properties as Record<string, JsonField>)) {
    // A GOV.UK date is posted as three fields, `${name}-day`, `-month` and `-year` (lib/domain/forms/date-parts.ts).
    const dateParts = [schema, ...(schema.anyOf ?? [])].some((part) => part.properties?.day && part.properties?.year);
    if (dateParts) {
      Object.assign(post, { [`${field}-day`]: "24", [`${field}-month`]: "11", [`${field}-year`]: "2026" });
      continue;
    }
    const value = valueFor(field, schema, caseRow);
    post[field] = form.arrayFields.includes(field) ? [value] : value;
  }
  return post;
}

const BY_NAME: Record<string, string> = {
  text: "A note written by the fuzz test",
  note: "A note written by the fuzz test",
  reason: "The fuzz test's reason",
  email: "fuzz.person@provider.example",
  name: "Fuzz Person",
  forenames: "Fuzz",
  surname: "Person",
  nino: "AB123456C",
  telephone: "07700 900123",
  postcode: "LS1 4AP",
  purchaseOrderNumber: "200900002",
  password: "Velvet-Harbour-Compass-2931",
  code: "123456",
  term: "Person",
  day: "24",
  month: "11",
  year: "2026",
};

function valueFor(field: string, schema: JsonField, caseRow: { id: string; version: number }): string {
  if (field === "caseId") return caseRow.id;
  if (field === "version") return String(caseRow.version);
  if (/(^|-)day$/i.test(field)) return "24";
  if (/(^|-)month$/i.test(field)) return "11";
  if (/(^|-)year$/i.test(field)) return "2026";
  if (field === "userId" || field === "caseworkerId" || field === "assigneeId") return state.user!.id;
  if (field === "siteId") return provider.sites.england.id;
  if (BY_NAME[field]) return BY_NAME[field];
  if (/(On|Date)$/.test(field) || field === "date") return "2026-11-24";
  if (/Time$/.test(field)) return "14:30";
  if (/(phone|Phone|Telephone)$/.test(field)) return "0113 496 0000";
  if (/Email$/.test(field)) return "fuzz.person@provider.example";
  if (field === "confirmPassword") return BY_NAME.password;
  if (field === "capacity" || field === "value") return "3";
  const options = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined) ?? schema.anyOf?.flatMap((part) => part.enum ?? (part.const !== undefined ? [part.const] : []));
  if (options && options.length > 0) return String(options[0]);
  if (schema.items) return valueFor(field, schema.items, caseRow);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "boolean") return "true";
  if (type === "integer" || type === "number") return "1";
  if (schema.format === "uuid") return caseRow.id;
  if (schema.format === "date") return "2026-11-24";
  const text = "Fuzz baseline";
  return text.slice(0, schema.maxLength ?? text.length).padEnd(schema.minLength ?? 0, "x");
}

/** Fields the route handlers' forms post (dashboard, security report, subject access exports). */
const ROUTE_FIELDS: Record<string, string> = { list: "open", nino: "AB123456C", from: "2026-11-01", to: "2026-11-24", category: "refused" };
const spoiledRouteForm = (body: Record<string, string>) => spoiled(body, "", () => undefined);

/** One field spoiled: the kinds IV-01 names. `mustRefuse`: no schema may accept it. */
const SPOILS: { kind: string; mustRefuse: boolean; apply(post: Post, field: string): FormData }[] = [
  { kind: "control character", mustRefuse: true, apply: (post, field) => spoiled(post, field, (data) => data.append(field, "tab\u001Bescape")) },
  { kind: "NUL byte", mustRefuse: true, apply: (post, field) => spoiled(post, field, (data) => data.append(field, "before\u0000after")) },
  { kind: "overlong", mustRefuse: true, apply: (post, field) => spoiled(post, field, (data) => data.append(field, "x".repeat(20_001))) },
  // A file where text is expected: the form parser ignores it, so the field is as good as missing.
  { kind: "wrong type (a file)", mustRefuse: false, apply: (post, field) => spoiled(post, field, (data) => data.append(field, new Blob(["%PDF-1.4"], { type: "application/pdf" }), "x.pdf")) },
  { kind: "missing", mustRefuse: false, apply: (post, field) => spoiled(post, field, () => undefined) },
  {
    kind: "duplicated",
    mustRefuse: false,
    apply: (post, field) =>
      spoiled(post, field, (data) => {
        for (const value of [post[field], post[field]].flat()) data.append(field, value);
      }),
  },
];

function spoiled(post: Post, field: string, put: (data: FormData) => void): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(post)) {
    if (name === field) continue;
    for (const one of [value].flat()) data.append(name, one);
  }
  put(data);
  return data;
}

/** "refused" (a form error), or "accepted" (a success or a redirect); anything thrown is a 500 and fails. */
async function spoiledOutcome(action: ServerAction, data: FormData, label: string): Promise<"refused" | "accepted"> {
  try {
    const result = await action(undefined, data);
    return result.status === "error" ? "refused" : "accepted";
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return "accepted";
    throw new Error(`threw (a 500) for ${label}: ${(error as Error)?.stack ?? String(error)}`);
  }
}

/**
 * The checksum without security events and authentication audit rows: a refused post may write
 * one (LG-03; AU-08 audits a wrong current password, for example), nothing else.
 */
async function businessChecksum(prisma: PrismaClient): Promise<Record<string, string>> {
  const sums = await databaseChecksum(prisma);
  const [audit] = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS "count" FROM "AuditEvent" WHERE "action" NOT LIKE 'security.%' AND "action" NOT LIKE 'auth.%'`;
  return { ...sums, AuditEvent: String(audit.count) };
}

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

type ServerAction = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

async function serverActions(): Promise<[string, ServerAction][]> {
  const found: [string, ServerAction][] = [];
  for (const file of sourceFiles(["app"]).filter((path) => isServerActionModule(path, readSource(path)))) {
    const names = serverActionExports(file, readSource(file)).map((finding) => finding.name);
    const loaded = (await import(/* @vite-ignore */ join(repositoryRoot, file))) as Record<string, unknown>;
    for (const name of names) {
      if (SKIPPED.has(`${file}#${name}`)) continue;
      if (typeof loaded[name] === "function") found.push([`${file}#${name}`, loaded[name] as ServerAction]);
    }
  }
  return found;
}

/** An action's answer: a form state, or Next's redirect (thrown); anything else thrown is a 500. */
async function outcomeOf(action: ServerAction, fields: Record<string, string>): Promise<"form" | "redirect"> {
  try {
    const result = await action(undefined, formData(fields));
    expect(result).toHaveProperty("status");
    return "form";
  } catch (error) {
    if (error instanceof Error && error.message === "NEXT_REDIRECT") return "redirect";
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return "redirect";
    throw new Error(`threw (a 500) for ${JSON.stringify(fields)}: ${(error as Error)?.stack ?? String(error)}`);
  }
}

describe("generated bad input never makes a 500 or changes the database (IV-01)", () => {
  it("answers every server action with a form error for control characters in any field, changing nothing (IV-01)", async () => {
    const actions = await serverActions();
    expect(actions.length).toBeGreaterThan(40);
    const before = await databaseChecksum(db.prisma);
    for (const [name, action] of actions) {
      await fc.assert(
        fc.asyncProperty(post(true), async (fields) => {
          const result = await action(undefined, formData(fields));
          expect(result.status, name).toBe("error");
          expect(Object.values(result.fieldErrors).join(" ") + (result.message ?? ""), name).toMatch(/control characters|not allowed|permission/);
        }),
        { numRuns: 8 },
      );
    }
    expect(await databaseChecksum(db.prisma)).toEqual(before);
  });

  it("answers every server action's other bad input (huge numbers, odd text, unknown ids) without a 500, changing nothing (IV-01)", async () => {
    const actions = await serverActions();
    const before = await databaseChecksum(db.prisma);
    for (const [name, action] of actions) {
      await fc.assert(
        fc.asyncProperty(post(false), async (fields) => {
          expect(await outcomeOf(action, fields), name).toBe("form");
        }),
        { numRuns: 12 },
      );
    }
    expect(await databaseChecksum(db.prisma)).toEqual(before);
  });

  it("IV-01: answers every server action's valid post with one field spoiled (control character, NUL, overlong, wrong type, missing, duplicated) without a 500, and a refused one changes nothing", async () => {
    const actions = await serverActions();
    const summary = { actions: 0, validBaselines: 0, posts: 0, accepted: 0 };
    const withoutForm: string[] = [];
    for (const [name, action] of actions) {
      const form = declaredFormOf(action);
      if (!form) {
        withoutForm.push(name);
        continue;
      }
      summary.actions++;
      const first = await validPost(form);
      if (form.schema.safeParse(first).success) summary.validBaselines++;
      // Refused spoils first, as one batch: the database must not change at all.
      for (const strict of [true, false]) {
        const before = await businessChecksum(db.prisma);
        let acceptedHere = 0;
        for (const field of Object.keys(first)) {
          for (const spoil of SPOILS.filter((candidate) => candidate.mustRefuse === strict)) {
            const result = await spoiledOutcome(action, spoil.apply(await validPost(form), field), `${name} ${field} ${spoil.kind}`);
            summary.posts++;
            if (result === "accepted") {
              // A missing optional field, or a duplicated list entry, can leave a post that is still valid.
              expect(spoil.mustRefuse, `${name}: ${spoil.kind} in ${field} was accepted`).toBe(false);
              acceptedHere++;
            }
          }
        }
        summary.accepted += acceptedHere;
        if (acceptedHere === 0) expect(await businessChecksum(db.prisma), `${name}: a refused post changed the database`).toEqual(before);
      }
    }
    // Not built on a declared form: signing in (next-auth's own handling, tested below), setting a
    // password from a link (no session; its token is the key), the import upload (a file), and the
    // three check-your-answers pairs, whose two steps are authorisedAction posts fuzzed above.
    expect(withoutForm.sort()).toEqual(
      [
        "app/(signed-in)/referrals/actions.ts#recordPrapReferralAction",
        "app/(signed-in)/referrals/import/actions.ts#uploadImportAction",
        "app/(signed-in)/referrals/new/sro/actions.ts#recordSroIntroductionAction",
        "app/(signed-in)/restricted/actions.ts#createScrCaseAction",
        "app/set-password/[token]/actions.ts#setPasswordAction",
      ].sort(),
    );
    expect(summary.actions).toBeGreaterThan(40);
    // Most baselines pass their action's own schema: the spoiled field is then the only thing wrong.
    expect(summary.validBaselines / summary.actions).toBeGreaterThan(0.6);
    expect(summary.posts - summary.accepted).toBeGreaterThan(summary.accepted);
  });

  it("answers every route handler's bad input with a 4xx, never a 5xx, changing nothing (IV-01)", async () => {
    // Sign-out ends the session whatever is posted (docs/security.md SE-04): it is meant to change the user's session version.
    const routes = sourceFiles(["app"]).filter((path) => /\/route\.ts$/.test(path) && !path.startsWith("app/api/auth/") && path !== "app/sign-out/route.ts");
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const before = await databaseChecksum(db.prisma);
    for (const file of routes) {
      const loaded = (await import(/* @vite-ignore */ join(repositoryRoot, file))) as Record<string, unknown>;
      for (const method of ["GET", "POST"] as const) {
        const handler = loaded[method] as ((request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined;
        if (!handler) continue;
        await fc.assert(
          fc.asyncProperty(post(false), anyValue(), anyValue(), anyValue(), async (fields, caseId, part, inbox) => {
            const body = method === "POST" ? new URLSearchParams(fields) : undefined;
            // Same-origin headers, so the request reaches the handler's own parsing.
            const request = new Request(`http://localhost/fuzz?page=${encodeURIComponent(fields.version)}`, {
              method,
              body,
              headers: { origin: "http://localhost", host: "localhost", "sec-fetch-site": "same-origin" },
            });
            const response = await handler(request, { params: Promise.resolve({ caseId, part, inbox }) });
            // /readyz answers 503 by design while no worker is alive (docs/security.md SO-07): the one 5xx that is not an error.
            if (file === "app/readyz/route.ts") expect(response.status, `${method} ${file}`).toBeOneOf([200, 503]);
            else expect(response.status, `${method} ${file}`).toBeLessThan(500);
          }),
          { numRuns: 10 },
        );
        // A refused request is a security event (docs/security.md LG-03): audit rows are expected, nothing else.
        const after = await databaseChecksum(db.prisma);
        expect(Object.keys(after).filter((table) => table !== "AuditEvent" && after[table] !== before[table]), `${method} ${file} changed`).toEqual([]);
      }
    }
    // Exports write an audit row for each download, which is their job; everything else is unchanged.
    const after = await databaseChecksum(db.prisma);
    expect({ ...after, AuditEvent: "" }).toEqual({ ...before, AuditEvent: "" });
  });

  it("IV-01: answers every route handler's valid request with one field or path part spoiled without a 5xx, changing nothing but security events and export audit rows", async () => {
    const routes = sourceFiles(["app"]).filter((path) => /\/route\.ts$/.test(path) && !path.startsWith("app/api/auth/") && path !== "app/sign-out/route.ts");
    const before = await databaseChecksum(db.prisma);
    let requests = 0;
    for (const file of routes) {
      const loaded = (await import(/* @vite-ignore */ join(repositoryRoot, file))) as Record<string, unknown>;
      for (const method of ["GET", "POST"] as const) {
        const handler = loaded[method] as ((request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined;
        if (!handler) continue;
        const params: Record<string, string> = { caseId: caseIds[0], part: "1", inbox: "1", importId: caseIds[0], reconciliationId: caseIds[0] };
        const body: Record<string, string> = method === "POST" ? { ...ROUTE_FIELDS } : {};
        const send = async (spoiledParams: Record<string, string>, form: FormData | undefined, label: string) => {
          const request = new Request("http://localhost/fuzz", { method, body: form, headers: { origin: "http://localhost", host: "localhost", "sec-fetch-site": "same-origin" } });
          const response = await handler(request, { params: Promise.resolve(spoiledParams) });
          requests++;
          if (file === "app/readyz/route.ts") expect(response.status, label).toBeOneOf([200, 503]);
          else expect(response.status, label).toBeLessThan(500);
        };
        for (const name of Object.keys(params)) {
          for (const value of ["bad\u0000id", "x".repeat(20_001), ""]) await send({ ...params, [name]: value }, method === "POST" ? spoiledRouteForm(body) : undefined, `${method} ${file} ${name}`);
        }
        for (const field of Object.keys(body)) {
          for (const spoil of SPOILS) await send(params, spoil.apply(body, field), `${method} ${file} ${field} ${spoil.kind}`);
        }
      }
    }
    expect(requests).toBeGreaterThan(50);
    // Exports write an audit row for each download, which is their job; everything else is unchanged.
    const after = await databaseChecksum(db.prisma);
    expect({ ...after, AuditEvent: "" }).toEqual({ ...before, AuditEvent: "" });
  });

  it("refuses a NUL byte in the sign-in form with a field error, not a 500 (IV-01)", async () => {
    const { signInAction } = await import("@/app/sign-in/sign-in-action");
    const result = await signInAction(undefined, formData({ email: "a\u0000b@example.com", password: "Velvet-Harbour-Compass-2931" }));
    expect(result.status).toBe("error");
    expect(result.fieldErrors.email).toMatch(/control characters/);
  });
});
