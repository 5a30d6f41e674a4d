import type { Prisma, PrismaClient } from "@/lib/db/prisma";
import { hashDeviceId, REMEMBERED_DEVICE_DAYS } from "@/lib/security/remembered-device";

/**
 * The browsers where a user has signed in with their second factor (docs/security.md AU-02, AU-04;
 * docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md). Only the SHA-256 of the
 * device id is stored. A row unused for REMEMBERED_DEVICE_DAYS no longer counts.
 */
type Db = Pick<PrismaClient | Prisma.TransactionClient, "rememberedDevice">;

/** Whether this device id is remembered for the user (and still fresh); touches lastUsedAt when it is. */
export async function isRememberedDevice(db: Db, userId: string, deviceId: string | null, now: Date): Promise<boolean> {
  if (!deviceId) return false;
  const freshAfter = new Date(now.getTime() - REMEMBERED_DEVICE_DAYS * 86_400_000);
  const touched = await db.rememberedDevice.updateMany({
    where: { userId, tokenHash: hashDeviceId(deviceId), lastUsedAt: { gt: freshAfter } },
    data: { lastUsedAt: now },
  });
  return touched.count === 1;
}

/** Remember the device for the user after a sign-in that passed the second factor. Repeating it is harmless. */
export async function rememberDevice(db: Db, userId: string, deviceId: string, now: Date): Promise<void> {
  await db.rememberedDevice.upsert({
    where: { userId_tokenHash: { userId, tokenHash: hashDeviceId(deviceId) } },
    create: { userId, tokenHash: hashDeviceId(deviceId), createdAt: now, lastUsedAt: now },
    update: { lastUsedAt: now },
  });
}

/** Revocation: the user's remembered devices stop counting (second factor reset, signed out everywhere). */
export async function forgetDevices(db: Db, userId: string): Promise<number> {
  return (await db.rememberedDevice.deleteMany({ where: { userId } })).count;
}
