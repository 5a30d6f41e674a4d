-- Identity (docs/security.md AU-04, AU-06, AC-06, SE-05; docs/decisions/0019-identity-mfa-links-and-role-approval.md).

-- AU-04: TOTP multi-factor authentication. The secret is stored encrypted (AES-256-GCM, key derived
-- from AUTH_SECRET); the last accepted time step makes each code single use.
ALTER TABLE "User"
  ADD COLUMN "mfaSecret" VARCHAR(300),
  ADD COLUMN "mfaEnabledAt" TIMESTAMPTZ(3),
  ADD COLUMN "mfaLastTimeStep" INTEGER;

-- AU-04: ten recovery codes per enrolment, hashed like passwords, each usable once.
CREATE TABLE "MfaRecoveryCode" (
  "id" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "codeHash" VARCHAR(200) NOT NULL,
  "usedAt" TIMESTAMPTZ(3),
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "MfaRecoveryCode_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "MfaRecoveryCode_userId_idx" ON "MfaRecoveryCode"("userId");

-- AU-06: set-up and reset links. Only the SHA-256 of the random token is stored; a link works once,
-- expires after 24 hours and is revoked by the next link issued for the same user.
CREATE TABLE "PasswordLink" (
  "id" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "tokenHash" VARCHAR(64) NOT NULL,
  "purpose" VARCHAR(20) NOT NULL,
  "createdById" UUID,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "expiresAt" TIMESTAMPTZ(3) NOT NULL,
  "usedAt" TIMESTAMPTZ(3),
  "revokedAt" TIMESTAMPTZ(3),
  CONSTRAINT "PasswordLink_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PasswordLink_tokenHash_key" ON "PasswordLink"("tokenHash");
CREATE INDEX "PasswordLink_userId_idx" ON "PasswordLink"("userId");

-- AC-06 (segregation of duties): granting or removing the nominated officer role waits for a second
-- administrator's approval.
CREATE TABLE "RoleChangeRequest" (
  "id" UUID NOT NULL,
  "organisationId" UUID NOT NULL,
  "userId" UUID NOT NULL,
  "role" "Role" NOT NULL,
  "grant" BOOLEAN NOT NULL,
  "requestedById" UUID NOT NULL,
  "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "status" VARCHAR(20) NOT NULL DEFAULT 'pending',
  "decidedById" UUID,
  "decidedAt" TIMESTAMPTZ(3),
  "decisionReason" VARCHAR(1000),
  "version" INTEGER NOT NULL DEFAULT 1,
  CONSTRAINT "RoleChangeRequest_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RoleChangeRequest_organisationId_status_idx" ON "RoleChangeRequest"("organisationId", "status");
CREATE INDEX "RoleChangeRequest_userId_status_idx" ON "RoleChangeRequest"("userId", "status");
