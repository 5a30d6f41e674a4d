-- A user may hold several sites (docs/decisions/0030-users-with-several-sites.md). "User"."siteId"
-- stays as the user's primary site and is always one of the user's sites; "UserSite" lists them all.
-- Existing users keep the one site they had.

CREATE TABLE "UserSite" (
    "userId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserSite_pkey" PRIMARY KEY ("userId", "siteId")
);
CREATE INDEX "UserSite_siteId_idx" ON "UserSite"("siteId");
ALTER TABLE "UserSite" ADD CONSTRAINT "UserSite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UserSite" ADD CONSTRAINT "UserSite_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "UserSite" ("userId", "siteId")
SELECT "id", "siteId" FROM "User" WHERE "siteId" IS NOT NULL;
