import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { plainString } from "@/lib/domain/forms/fields";
import { getPrisma } from "@/lib/db/client";
import { authenticate } from "@/lib/server/auth/authenticate";
import { authConfig } from "./auth.config";
import { clientAddress } from "@/lib/security/client-address";
import { cookieFromHeader, readDeviceCookie, rememberedDeviceCookieName } from "@/lib/security/remembered-device";
import { useSecureCookies } from "./session-policy";

class AccountLocked extends CredentialsSignin {
  code = "locked";
}
class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

const credentialsSchema = z.object({
  email: plainString("email address").trim().max(320),
  password: plainString("password").max(1024),
});

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticate(await getPrisma(), {
          email: parsed.data.email,
          password: parsed.data.password,
          ip: clientAddress(request.headers),
          userAgent: request.headers.get("user-agent"),
          // A remembered device lets the owner of a locked account on to the second factor (AU-02).
          deviceId: readDeviceCookie(cookieFromHeader(request.headers.get("cookie"), rememberedDeviceCookieName(useSecureCookies()))),
        });
        if (!result.ok) throw result.reason === "locked" ? new AccountLocked() : new InvalidCredentials();
        return {
          id: result.user.id,
          name: result.user.name,
          email: result.user.email,
          sessionVersion: result.user.sessionVersion,
        };
      },
    }),
  ],
});
