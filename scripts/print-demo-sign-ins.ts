import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../lib/seed/seed-demo";

export function printDemoSignIns(): void {
  console.log("\nDemo sign-ins (password for all: " + DEMO_PASSWORD + "):");
  for (const signIn of DEMO_SIGN_INS) console.log(`  ${signIn.email.padEnd(32)} ${signIn.description}`);
  console.log("");
}
