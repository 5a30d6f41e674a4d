import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { User } from "@/lib/db/prisma";
import { addCaseNoteSchema, assignCaseSchema } from "@/lib/domain/forms/case-work-forms";
import { createUserSchema } from "@/lib/domain/forms/admin-forms";
import { recordUcpr1ReceivedSchema } from "@/lib/domain/forms/paper-forms";
import { authorisedAction, type ChainDependencies } from "@/lib/server/actions/authorised-action";
import { authorisedRoute } from "@/lib/server/actions/authorised-route";
import { createUser } from "@/lib/server/users/create-user";
import { addCaseNote } from "@/lib/server/cases/add-case-note";
import { assignCase } from "@/lib/server/cases/assign-case";
import { buildUc452EmailFor } from "@/lib/server/paper-forms/build-uc452-email";
import { recordUcpr1Received } from "@/lib/server/paper-forms/record-ucpr1-received";
import { NOT_FOUND_MESSAGE, STALE_MESSAGE, UseCaseError } from "@/lib/server/use-case-error";
import { findSessionUser } from "@/lib/server/users/find-session-user";
import { createCase, createProvider, type Provider } from "@/tests/integration/support/builders";
import { createTestDatabase, type TestDatabase } from "@/tests/integration/support/test-database";

/**
 * The one chain every server action and route handler goes through (lib/server/actions), tested
 * by what it does on a real database: each test hands it `dependencies` — the session user it
 * would have read from next-auth, and the test database — and posts a FormData as a browser
 * would. The actions and routes here are built exactly as the app's are (app/…/actions.ts,
 * app/…/route.ts), with the same schemas and use-cases.
 */

const TODAY = "2026-11-24";

/** The session user as lib/auth/current-user.ts reads it (findSessionUser), for one of the provider's users. */
async function sessionOf(db: TestDatabase, user: User): Promise<CurrentUser> {
  const found = await findSessionUser(db.prisma, user.id, user.sessionVersion);
  if (!found) throw new Error(`no session for ${user.email}`);
  return { ...found, ip: "203.0.113.20", userAgent: "Vitest (action chain)" };
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

/** Where Next's redirect() sends the browser: it throws NEXT_REDIRECT, carrying the URL in its digest. */
async function redirectTarget(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, "the action should have redirected").toBeInstanceOf(Error);
  const { message, digest } = error as Error & { digest?: string };
  expect(message).toBe("NEXT_REDIRECT");
  const parts = String(digest).split(";"); // NEXT_REDIRECT;<type>;<url>;<status>;
  expect(parts[0]).toBe("NEXT_REDIRECT");
  return parts.slice(2, -2).join(";");
}

describe("authorisedAction: the chain every server action goes through", () => {
  let db: TestDatabase;
  let provider: Provider;
  const as = (user: User | null): ChainDependencies => ({ currentUser: async () => (user ? sessionOf(db, user) : null), database: async () => db.prisma });
  const auditRows = (where: { action?: string; caseId?: string } = {}) => db.prisma.auditEvent.count({ where });

  /** As app/(signed-in)/cases/[caseId]/actions.ts builds addCaseNoteAction. */
  const addCaseNoteAction = (user: User | null) =>
    authorisedAction(
      { name: "addCaseNote", permission: "update:case:any", schema: addCaseNoteSchema },
      async (input, actor, database) => {
        await addCaseNote(database, actor, input);
        return { redirectTo: `/cases/${input.caseId}?done=note#notes` };
      },
      as(user),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  it("sends a request with no session to /sign-in, reading neither the post nor the database (CS-04)", async () => {
    const { id: caseId } = await createCase(db.prisma, provider);
    const handler = vi.fn();
    const database = vi.fn(async () => db.prisma);
    const action = authorisedAction({ name: "addCaseNote", permission: "update:case:any", schema: addCaseNoteSchema }, handler, {
      currentUser: async () => null,
      database,
    });
    expect(await redirectTarget(action(undefined, form({ caseId, text: "Signed out" })))).toBe("/sign-in");
    expect(handler).not.toHaveBeenCalled();
    expect(database).not.toHaveBeenCalled();
    expect(await db.prisma.caseNote.count({ where: { caseId } })).toBe(0);
  });

  it("refuses a role without the permission with the permission message, and logs security.action_denied (CS-04, LG-03)", async () => {
    const { id: caseId } = await createCase(db.prisma, provider);
    const manager = provider.users.manager; // reads cases, never works them
    const state = await addCaseNoteAction(manager)(undefined, form({ caseId, text: "A manager's note" }));
    expect(state).toEqual({ status: "error", fieldErrors: {}, values: { caseId, text: "A manager's note" }, message: "You do not have permission to do that." });
    expect(await db.prisma.caseNote.count({ where: { caseId } })).toBe(0);
    const denied = await db.prisma.auditEvent.findMany({ where: { action: "security.action_denied", actorId: manager.id } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ entityType: "ServerAction", entityId: "addCaseNote", actorRoles: ["manager"], ip: "203.0.113.20" });
  });

  it("refuses a post with a field the form does not have, such as restrictionTier, and writes nothing (AC-04)", async () => {
    const { id: caseId } = await createCase(db.prisma, provider);
    const before = await auditRows();
    const state = await addCaseNoteAction(provider.users.caseworker)(undefined, form({ caseId, text: "Looks harmless", restrictionTier: "none" }));
    expect(state.status).toBe("error");
    expect(state.fieldErrors).toEqual({ form: "The form contained fields that are not allowed. Reload the page and try again." });
    expect(await db.prisma.caseNote.count({ where: { caseId } })).toBe(0);
    expect(await auditRows()).toBe(before);
  });

  it("returns the schema's problems as field errors against their fields, echoing what was typed but never a password (AC-04)", async () => {
    const { id: caseId } = await createCase(db.prisma, provider);
    const note = await addCaseNoteAction(provider.users.caseworker)(undefined, form({ caseId, text: "   " }));
    expect(note).toMatchObject({ status: "error", values: { caseId, text: "   " }, message: undefined });
    expect(Object.keys(note.fieldErrors)).toEqual(["text"]);

    // As app/(signed-in)/admin/users/actions.ts builds createUserAction: roles are checkboxes, the password is secret.
    const createUserAction = authorisedAction(
      { name: "createUser", permission: "manage:user:any", schema: createUserSchema, arrayFields: ["roles"] },
      async (input, actor, database) => {
        const { userId } = await createUser(database, actor, input);
        return { redirectTo: `/admin/users/${userId}?created=1` };
      },
      as(provider.users.administrator),
    );
    const users = await db.prisma.user.count();
    const state = await createUserAction(undefined, form({ name: "Rhiannon Pryce", email: "not an email", roles: ["caseworker", "manager"], password: "Velvet-harbour-lantern-2040" }));
    expect(state.status).toBe("error");
    expect(state.fieldErrors.email).toEqual(expect.any(String));
    expect(state.values).toEqual({ name: "Rhiannon Pryce", email: "not an email", roles: "caseworker\nmanager" });
    expect(await db.prisma.user.count()).toBe(users);
  });

  it("keeps the STALE message on the form when the record changed since the form was read, with or without field errors", async () => {
    const theCase = await createCase(db.prisma, provider);
    const { caseworker } = provider.users;
    // As app/(signed-in)/cases/[caseId]/actions.ts builds assignCaseAction.
    const assignCaseAction = authorisedAction(
      { name: "assignCase", permission: "update:case:any", schema: assignCaseSchema },
      async (input, actor, database) => {
        await assignCase(database, actor, input);
        return { redirectTo: `/cases/${input.caseId}?done=assigned` };
      },
      as(caseworker),
    );
    // Someone else assigns the case first; this form was rendered at the version before.
    await assignCase(db.prisma, provider.actors.officer, { caseId: theCase.id, version: theCase.version, caseworkerId: caseworker.id });
    const posted = { caseId: theCase.id, version: String(theCase.version), caseworkerId: provider.users.officer.id };
    const state = await assignCaseAction(undefined, form(posted));
    expect(state).toEqual({ status: "error", fieldErrors: {}, values: posted, message: STALE_MESSAGE });
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: theCase.id } })).assignedCaseworkerId).toBe(caseworker.id);

    // A STALE refusal that also names fields still says why at the top of the form.
    const staleWithFields = authorisedAction(
      { name: "addCaseNote", permission: "update:case:any", schema: addCaseNoteSchema },
      async () => {
        throw new UseCaseError("STALE", STALE_MESSAGE, { text: "Check the latest note before adding yours" });
      },
      as(caseworker),
    );
    expect(await staleWithFields(undefined, form({ caseId: theCase.id, text: "Mine" }))).toMatchObject({
      status: "error",
      message: STALE_MESSAGE,
      fieldErrors: { text: "Check the latest note before adding yours" },
    });
  });

  it("shows a use-case refusal that names fields against those fields, with no form-level message", async () => {
    const { id: caseId, version } = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "acknowledged", referralDate: "2026-11-13" });
    // As app/(signed-in)/cases/[caseId]/forms/actions.ts: the use-case checks the date against today.
    const recordUcpr1ReceivedAction = authorisedAction(
      { name: "recordUcpr1Received", permission: "update:case:any", schema: recordUcpr1ReceivedSchema },
      async (input, actor, database) => {
        await recordUcpr1Received(database, actor, input, TODAY);
        return { redirectTo: `/cases/${input.caseId}/forms?done=ucpr1` };
      },
      as(provider.users.caseworker),
    );
    const state = await recordUcpr1ReceivedAction(undefined, form({ caseId, version: String(version), "receivedOn-day": "25", "receivedOn-month": "11", "receivedOn-year": "2026" }));
    expect(state.status).toBe("error");
    expect(state.fieldErrors).toEqual({ receivedOn: expect.stringMatching(/today or in the past/) });
    expect(state.message).toBeUndefined();
    expect(await db.prisma.ucpr1Form.count({ where: { caseId } })).toBe(0);
  });

  it("shows a use-case refusal without field errors as the form's message: a restricted case is 'not found' (AC-01)", async () => {
    const { id: scrCase } = await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer });
    const state = await addCaseNoteAction(provider.users.caseworker)(undefined, form({ caseId: scrCase, text: "Probe" }));
    expect(state).toEqual({ status: "error", fieldErrors: {}, values: { caseId: scrCase, text: "Probe" }, message: NOT_FOUND_MESSAGE });
    expect(await db.prisma.caseNote.count({ where: { caseId: scrCase } })).toBe(0);
  });

  it("redirects where the handler says once the use-case has written", async () => {
    const { id: caseId } = await createCase(db.prisma, provider);
    expect(await redirectTarget(addCaseNoteAction(provider.users.caseworker)(undefined, form({ caseId, text: "Booked a room for the meeting." })))).toBe(
      `/cases/${caseId}?done=note#notes`,
    );
    expect(await db.prisma.caseNote.count({ where: { caseId, text: "Booked a room for the meeting." } })).toBe(1);
    expect(await auditRows({ action: "note.added", caseId })).toBe(1);
  });

  it("returns success with the handler's message when the handler does not redirect", async () => {
    const { id: caseId } = await createCase(db.prisma, provider);
    const action = authorisedAction(
      { name: "addCaseNote", permission: "update:case:any", schema: addCaseNoteSchema },
      async (input, actor, database) => {
        await addCaseNote(database, actor, input);
        return { message: "Note added." };
      },
      as(provider.users.caseworker),
    );
    expect(await action(undefined, form({ caseId, text: "Stays on the page" }))).toEqual({ status: "success", fieldErrors: {}, values: {}, message: "Note added." });
  });

  it("lets an unexpected error through to the error page instead of showing it on the form", async () => {
    const { id: caseId } = await createCase(db.prisma, provider);
    const action = authorisedAction(
      { name: "addCaseNote", permission: "update:case:any", schema: addCaseNoteSchema },
      async () => {
        throw new Error("connection reset by the database");
      },
      as(provider.users.caseworker),
    );
    await expect(action(undefined, form({ caseId, text: "x" }))).rejects.toThrow("connection reset by the database");
  });
});

describe("authorisedRoute: the chain the route handlers go through", () => {
  let db: TestDatabase;
  let provider: Provider;
  const as = (user: User | null): ChainDependencies => ({ currentUser: async () => (user ? sessionOf(db, user) : null), database: async () => db.prisma });
  const segment = <Params>(params: Params) => ({ params: Promise.resolve(params) });
  const sameOrigin = { host: "ses.example.test", origin: "https://ses.example.test", "sec-fetch-site": "same-origin" };
  const answer = async (response: Response) => ({ status: response.status, body: await response.text(), type: response.headers.get("content-type") });

  /** As app/(signed-in)/cases/[caseId]/forms/uc452/[part]/email/[inbox]/route.ts builds GET (simplified to one part and inbox). */
  const emailRoute = (user: User | null) =>
    authorisedRoute<{ caseId: string }>(
      { permissions: ["read:case:any"] },
      async (_request, { user: actor, db: database, params: { caseId } }) => {
        const email = await buildUc452EmailFor(database, actor, caseId, "part_6", "ses_policy");
        return new Response(email.message, { status: 200, headers: { "Content-Type": "message/rfc822" } });
      },
      as(user),
    );
  const emailRequest = (caseId: string) => new Request(`https://ses.example.test/cases/${caseId}/forms/uc452/part_6/email/ses_policy.eml`);

  beforeAll(async () => {
    db = await createTestDatabase();
    provider = await createProvider(db.prisma);
  });
  afterAll(() => db.close());

  it("refuses a cross-site POST with 403 before reading the session or running the handler (CS-05)", async () => {
    const currentUser = vi.fn(async () => sessionOf(db, provider.users.manager));
    const handler = vi.fn(async () => new Response("exported"));
    // As app/(signed-in)/dashboard/export/route.ts: an audited export, same-origin only.
    const route = authorisedRoute({ permissions: ["read:dashboard:any", "export:case-list:any"], sameOriginOnly: true }, handler, { currentUser, database: async () => db.prisma });
    const crossSite = new Request("https://ses.example.test/dashboard/export", {
      method: "POST",
      headers: { host: "ses.example.test", origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" },
    });
    const response = await route(crossSite, segment({}));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("This request must come from the SES Casework service.");
    expect(currentUser).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();

    const sameSite = new Request("https://ses.example.test/dashboard/export", { method: "POST", headers: sameOrigin });
    expect((await route(sameSite, segment({}))).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("answers 404 'Page not found' to a role without every permission and to a signed-out request, without running the handler (AC-01)", async () => {
    const handler = vi.fn(async () => new Response("exported"));
    const route = (user: User | null) => authorisedRoute({ permissions: ["read:dashboard:any", "export:case-list:any"], sameOriginOnly: true }, handler, as(user));
    const request = () => new Request("https://ses.example.test/dashboard/export", { method: "POST", headers: sameOrigin });
    const caseworker = await answer(await route(provider.users.caseworker)(request(), segment({})));
    expect(caseworker).toEqual({ status: 404, body: "Page not found", type: "text/plain; charset=utf-8" });
    expect(await answer(await route(null)(request(), segment({})))).toEqual(caseworker);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers a NOT_FOUND from the handler with the same 404 as a missing permission, so a restricted case is never revealed (AC-01)", async () => {
    const { id: scrCase } = await createCase(db.prisma, provider, { route: "scr_clerical", assignedTo: provider.users.officer });
    const restricted = await answer(await emailRoute(provider.users.caseworker)(emailRequest(scrCase), segment({ caseId: scrCase })));
    const noPermission = await answer(await emailRoute(provider.users.administrator)(emailRequest(scrCase), segment({ caseId: scrCase })));
    expect(restricted).toEqual({ status: 404, body: "Page not found", type: "text/plain; charset=utf-8" });
    expect(restricted).toEqual(noPermission);
  });

  it("hands the handler the session user, the database and the route's params, and returns its response", async () => {
    const { id: caseId } = await createCase(db.prisma, provider, { route: "prap_two_stage", state: "recommended", strand: "sesmp" });
    const response = await emailRoute(provider.users.caseworker)(emailRequest(caseId), segment({ caseId }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("message/rfc822");
    expect(await response.text()).toContain('To: "SES Policy inbox" <ses-policy@dwp.example.test>');
  });
});
