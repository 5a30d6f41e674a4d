import { getCurrentUser } from "@/lib/auth/current-user";

/**
 * Auth.js's own HTTP endpoints are closed (docs/security.md SE-04, CS-05). The app signs in through
 * its server action (app/sign-in/sign-in-action.ts) and out through app/sign-out/route.ts, both
 * of which call Auth.js in-process; the built-in sign-out page, CSRF, callback and provider routes
 * would bypass the audit and the session version, so they answer 404. Only `session` stays, for
 * anything that asks whether the browser is signed in: it answers from the database, so a revoked
 * or deactivated session — or one that has not passed its second factor — is `null`.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  const { nextauth } = await params;
  if (nextauth.join("/") !== "session") return notFound();
  const user = await getCurrentUser();
  const body = user ? { user: { name: user.name, email: user.email } } : null;
  return Response.json(body, { headers: { "Cache-Control": "private, no-cache, no-store" } });
}

export async function POST(): Promise<Response> {
  return notFound();
}

function notFound(): Response {
  return new Response("Page not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
