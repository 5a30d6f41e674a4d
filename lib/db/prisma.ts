// The one place the generated Prisma client is imported from (lint keeps it inside lib/db and lib/server).
export { PrismaClient, Prisma } from "./generated/prisma/client";
export type * from "./generated/prisma/client";
