import { DEMO_TOTP_SECRET } from "../lib/security/mfa-secret";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../lib/seed/seed-demo";

export function printDemoSignIns(): void {
  console.log("\nDemo sign-ins (password for all: " + DEMO_PASSWORD + "):");
  for (const signIn of DEMO_SIGN_INS) console.log(`  ${signIn.email.padEnd(32)} ${signIn.description}`);
  console.log(
    `Two-factor authentication: add the key ${DEMO_TOTP_SECRET} to an authenticator app (or run\n` +
      `  npx tsx scripts/demo-totp.ts) and enter its 6-digit code after the password.`,
  );
  console.log("");
}
