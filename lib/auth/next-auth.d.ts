import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    sv?: number;
    signedInAt?: number;
  }
}

declare module "next-auth" {
  interface Session {
    sessionVersion?: number;
  }
}
