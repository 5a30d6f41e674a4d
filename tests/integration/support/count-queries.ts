import { postgresAdapter } from "@/lib/db/postgres-adapter";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/db/prisma";
import type { TestDatabase } from "./test-database";

/** A second client on a test database that records the SQL of every query it sends (Prisma query events). */
export interface CountingClient {
  prisma: PrismaClient;
  /** The SQL of each query sent while `run` ran. */
  queriesDuring(run: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

export function countingClient(db: TestDatabase): CountingClient {
  const adapter = db.kind === "postgres" ? postgresAdapter(db.url!, 2) : new PrismaPGlite(db.pglite!);
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  let recording: string[] | null = null;
  prisma.$on("query", (event) => recording?.push(event.query));
  return {
    prisma,
    async queriesDuring(run) {
      recording = [];
      try {
        await run();
        return recording;
      } finally {
        recording = null;
      }
    },
    close: () => prisma.$disconnect(),
  };
}
