import type { PrismaClient } from "@/lib/db/prisma";
import { assertCan, type UseCaseActor } from "../assert-can";
import { NOT_FOUND_MESSAGE, UseCaseError } from "../use-case-error";
import { listUsers, type UserSummary } from "./list-users";

/** One user of the organisation, for their edit page; any other id is NOT_FOUND (AC-05). */
export async function getUser(prisma: PrismaClient, actor: UseCaseActor, userId: string): Promise<UserSummary> {
  assertCan(actor, "manage:user:any");
  const users = await listUsers(prisma, actor);
  const user = users.find((candidate) => candidate.id === userId);
  if (!user) throw new UseCaseError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return user;
}
