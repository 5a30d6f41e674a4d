import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
    signedInAt?: number;
    /** The second factor was passed in this session (docs/security.md AU-04). */
    mfa?: boolean;
  }
}

declare module "next-auth" {
  interface Session {
    sessionVersion?: number;
    mfa?: boolean;
    signedInAt?: number;
    /** Only for `update`: a grant from lib/auth/session-grant.ts; the jwt callback ignores anything else. */
    grant?: string;
  }
}
