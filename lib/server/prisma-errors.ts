import { Prisma } from "@/lib/db/prisma";

/** A unique-constraint violation (P2002): a repeat submission or a duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
