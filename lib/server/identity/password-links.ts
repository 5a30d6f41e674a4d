import { createHash, randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/db/prisma";

/**
 * Set-up and reset links (docs/security.md AU-06): an administrator never types or learns a
 * user's password. A link carries 256 random bits; only their SHA-256 is stored (a database
 * reader cannot use a link); it works once, expires after 24 hours, and issuing the next link for
 * the user revokes any earlier one. E-mailing the link is later work: `issuePasswordLink` returns
 * the path, and whatever hands it over (today the administrator's screen) adds the site's address.
 */
export const PASSWORD_LINK_HOURS = 24;
export type PasswordLinkPurpose = "setup" | "reset";

type LinkWriter = Pick<Prisma.TransactionClient, "passwordLink">;

export const hashLinkToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function passwordLinkPath(token: string): string {
  return `/set-password/${token}`;
}

/** A unusable password hash for an account whose password is not set (it never verifies). */
export function unusablePasswordHash(): string {
  return `!unset:${randomBytes(16).toString("base64url")}`;
}

export async function issuePasswordLink(
  db: LinkWriter,
  link: { userId: string; purpose: PasswordLinkPurpose; createdById: string | null },
  now: Date = new Date(),
): Promise<{ path: string; expiresAt: Date }> {
  await db.passwordLink.updateMany({ where: { userId: link.userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  await db.passwordLink.create({ data: { ...link, tokenHash: hashLinkToken(token), expiresAt, createdAt: now } });
  return { path: passwordLinkPath(token), expiresAt };
}

export interface UsablePasswordLink {
  id: string;
  userId: string;
  purpose: PasswordLinkPurpose;
  userName: string;
  userEmail: string;
}

/** The link behind a token if it can still be used: not used, not revoked, not expired, its user active. */
export async function findUsablePasswordLink(db: Pick<PrismaClient, "passwordLink" | "user">, token: string, now: Date = new Date()): Promise<UsablePasswordLink | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const link = await db.passwordLink.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!link || link.usedAt || link.revokedAt || link.expiresAt <= now) return null;
  const user = await db.user.findUnique({ where: { id: link.userId }, select: { name: true, email: true, active: true } });
  if (!user?.active) return null;
  return { id: link.id, userId: link.userId, purpose: link.purpose === "reset" ? "reset" : "setup", userName: user.name, userEmail: user.email };
}
