// Prisma CLI configuration. The app never uses the CLI at run time: migrations are applied by
// lib/db/migrate.ts (see docs/decisions/0002-hand-written-migrations.md). The URL here only matters
// to someone running `prisma migrate deploy` against a real PostgreSQL elsewhere.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/ses" },
});
