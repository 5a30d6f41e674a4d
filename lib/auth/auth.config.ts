import type { NextAuthConfig } from "next-auth";
import { readSessionGrant } from "./session-grant";
import { IDLE_TIMEOUT_SECONDS, sessionCookieName, sessionExpired, useSecureCookies } from "./session-policy";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

/**
 * The part of the Auth.js configuration that needs no database, shared by proxy.ts (which
 * refreshes the rolling session cookie) and lib/auth/auth.ts (which adds the credentials
 * provider). Authorisation never happens here: pages and server actions check the user against
 * the database on every request (lib/auth/current-user.ts).
 */
const secure = useSecureCookies();

export const authConfig = {
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  useSecureCookies: secure,
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS, updateAge: 0 },
  // Auth.js's token format with the key derived once per process (lib/auth/session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  cookies: {
    sessionToken: {
      name: sessionCookieName(secure),
      options: { httpOnly: true, sameSite: "lax", path: "/", secure },
    },
  },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      const now = Math.floor(Date.now() / 1000);
      if (user) {
        // First call after sign-in: remember who and which session version (SE-04). The second
        // factor is still to come (AU-04): lib/auth/current-user.ts lets the session reach only
        // the two-factor pages until a signed grant marks it passed.
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.signedInAt = now;
        token.mfa = false;
        return token;
      }
      if (sessionExpired(token.signedInAt as number | undefined, now)) return null;
      if (trigger === "update") {
        const grant = await readSessionGrant((session as { grant?: unknown } | undefined)?.grant, token, process.env.AUTH_SECRET, now);
        if (grant) {
          token.sv = grant.sv;
          token.mfa = grant.mfa;
        }
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sv;
      session.mfa = token.mfa === true;
      session.signedInAt = token.signedInAt;
      return session;
    },
  },
} satisfies NextAuthConfig;
