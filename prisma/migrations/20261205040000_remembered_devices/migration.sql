-- Remembered devices (docs/security.md AU-02, AU-04; docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md):
-- after a sign-in that passed the second factor, the browser gets a long-lived signed cookie with a
-- random device id; only its SHA-256 is kept here, one row per user who signed in on that browser.
-- A locked account signing in from one of its remembered devices, with the right password and a
-- correct second factor, is unlocked. Rows are deleted when the user's second factor is reset or
-- they are signed out everywhere (revocation), and a row unused for 180 days no longer counts.
CREATE TABLE "RememberedDevice" (
  "id" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "tokenHash" VARCHAR(64) NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "lastUsedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "RememberedDevice_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RememberedDevice_userId_tokenHash_key" ON "RememberedDevice"("userId", "tokenHash");
