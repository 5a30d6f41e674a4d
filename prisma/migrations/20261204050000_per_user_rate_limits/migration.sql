-- Per-user limits on search and exports (docs/security.md RL-01), kept by rate-limiter-flexible's
-- RateLimiterPostgres in PostgreSQL so every app instance shares them. The table is created here,
-- never by the library at run time (docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md).
-- Columns as the library expects them: "expire" is milliseconds since the epoch.
CREATE TABLE "RateLimiterFlexible" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);
