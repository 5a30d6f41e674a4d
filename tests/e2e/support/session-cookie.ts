import type { BrowserContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { authConfig } from "@/lib/auth/auth.config";
import { IDLE_TIMEOUT_SECONDS, sessionCookieName } from "@/lib/auth/session-policy";
import { DEMO_USERS, userId, type DemoUserKey } from "@/lib/seed/demo/people";
import { E2E_AUTH_SECRET } from "./e2e-server";

/**
 * Signing in without the sign-in form (epic-stack's loginAs): the Auth.js session cookie the app
 * would set after a real sign-in, minted here. The token carries exactly the claims the app's
 * sign-in puts in it, because the app's own `jwt` callback (lib/auth/auth.config.ts) builds it
 * from Auth.js's default token; it is encrypted as Auth.js does (`encode`, the cookie name as the
 * salt) with the e2e server's AUTH_SECRET. The server then checks it like any other session:
 * against the user row, its `active` flag and its `sessionVersion` (lib/auth/current-user.ts).
 * The token says the second factor was passed, as the two-factor page's signed grant would.
 *
 * The accounts are the demo users scripts/start.ts seeds, with their deterministic ids
 * (lib/seed/ids.ts) and the sessionVersion every new user starts with (0). So no spec may end
 * these accounts' sessions: signing one of them out through the app, resetting its password or
 * deactivating it would refuse every cookie minted for it, in every worker. Specs that sign out
 * use the `multi` demo account (foundation.spec.ts) or a user they create.
 */
export const DEMO_ACCOUNTS = {
  caseworker: "caseworker",
  glasgowCaseworker: "caseworkerGlasgow",
  nominatedOfficer: "officer",
  manager: "manager",
  administrator: "admin",
} as const satisfies Record<string, Exclude<DemoUserKey, "multi">>;

export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

type NewCookie = Parameters<BrowserContext["addCookies"]>[0][number];

/** A session cookie for the demo account, as the server would set it, for the site at `baseURL`. */
export async function sessionCookie(account: DemoAccount, baseURL: string): Promise<NewCookie> {
  const user = DEMO_USERS.find((candidate) => candidate.key === DEMO_ACCOUNTS[account]);
  if (!user) throw new Error(`No demo user for ${account}`);
  const id = userId(user.key);
  // What Auth.js's credentials callback passes to the jwt callback after authorize() succeeds.
  const signedIn = { token: { name: user.name, email: user.email, picture: undefined, sub: id }, user: { id, name: user.name, email: user.email, sessionVersion: 0 }, account: null, trigger: "signIn" };
  const token = await authConfig.callbacks.jwt(signedIn as unknown as Parameters<typeof authConfig.callbacks.jwt>[0]);
  if (!token) throw new Error("The app's jwt callback refused the session");
  // A session that has passed the second factor (docs/security.md AU-04), as after the two-factor page.
  token.mfa = true;
  const name = sessionCookieName(true);
  const value = await encode({ token, secret: E2E_AUTH_SECRET, salt: name, maxAge: IDLE_TIMEOUT_SECONDS });
  // Set for the site's URL, so host-only as the __Host- prefix requires (SE-01); given as https
  // because Chromium takes a Secure cookie only from a secure origin here (the browser treats the
  // server's own http://localhost as one; cookies are not bound to a scheme or port).
  const site = new URL("/", baseURL);
  site.protocol = "https:";
  return {
    name,
    value,
    url: site.href,
    expires: Math.floor(Date.now() / 1000) + IDLE_TIMEOUT_SECONDS,
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
  };
}
