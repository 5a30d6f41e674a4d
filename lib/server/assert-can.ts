import { can, type Permission, type Role } from "@/lib/domain/permissions";
import { UseCaseError } from "./use-case-error";

export interface UseCaseActor {
  id: string;
  roles: readonly Role[];
  organisationId: string;
  ip?: string | null;
  userAgent?: string | null;
}

/** Every use-case checks its own permission: a server action is a public endpoint (CS-04). */
export function assertCan(actor: UseCaseActor, permission: Permission): void {
  if (!can(actor.roles, permission)) throw new UseCaseError("FORBIDDEN", "You do not have permission to do that.");
}
