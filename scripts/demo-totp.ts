// Prints the current two-factor code of the demo accounts (docs/security.md AU-04), for signing
// in to the local demo without an authenticator app. Demo accounts never exist in production (AU-05).
import { generate } from "otplib";
import { DEMO_TOTP_SECRET } from "../lib/security/mfa-secret";

console.log(await generate({ secret: DEMO_TOTP_SECRET }));
