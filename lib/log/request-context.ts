/**
 * What a log line about a request carries besides the error (docs/security.md LG-05): the request
 * id proxy.ts gives every request (`x-request-id`, also sent back to the browser) and the user's
 * id once the session has been checked. The session is read in the page's code; the error is
 * logged by instrumentation.ts, a separate bundle, so the pairing lives on globalThis, bounded.
 */
export const REQUEST_ID_HEADER = "x-request-id";

const MAX_REMEMBERED = 2000;
const holder = globalThis as typeof globalThis & { __sesRequestUsers?: Map<string, string> };

export function rememberRequestUser(requestId: string | null | undefined, userId: string): void {
  if (!requestId) return;
  const users = (holder.__sesRequestUsers ??= new Map());
  users.delete(requestId);
  users.set(requestId, userId);
  if (users.size > MAX_REMEMBERED) users.delete(users.keys().next().value as string);
}

export function requestUserId(requestId: string | null | undefined): string | null {
  if (!requestId) return null;
  return holder.__sesRequestUsers?.get(requestId) ?? null;
}
