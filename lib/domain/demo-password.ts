/**
 * The demo accounts' published password (lib/seed/demo/people.ts takes it from here). The
 * password policy (./password-policy.ts) refuses it to anyone choosing a password, so no account
 * comes to hold it through the app, and the production start-up check only has to verify a
 * bounded set of hashes (docs/security.md AU-05; lib/server/startup/production-readiness.ts).
 */
export const PUBLISHED_DEMO_PASSWORD = "Harbour-lantern-2026";
