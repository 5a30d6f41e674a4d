import "server-only";
import { cookies } from "next/headers";
import { readDeviceCookie, REMEMBERED_DEVICE_MAX_AGE_SECONDS, rememberedDeviceCookieName, signDeviceId } from "@/lib/security/remembered-device";
import { useSecureCookies } from "./session-policy";

/**
 * The remembered-device cookie (docs/security.md AU-02; lib/security/remembered-device.ts):
 * HttpOnly, SameSite=Lax, Secure (with the __Host- prefix) except in the plain-HTTP escape hatch
 * that session-policy.ts allows outside production, long-lived, signed with AUTH_SECRET.
 */
export async function readRememberedDevice(): Promise<string | null> {
  return readDeviceCookie((await cookies()).get(rememberedDeviceCookieName(useSecureCookies()))?.value);
}

export async function setRememberedDevice(deviceId: string): Promise<void> {
  const secure = useSecureCookies();
  (await cookies()).set(rememberedDeviceCookieName(secure), signDeviceId(deviceId), {
    httpOnly: true,
    secure,
    sameSite: "lax",
    path: "/",
    maxAge: REMEMBERED_DEVICE_MAX_AGE_SECONDS,
  });
}
