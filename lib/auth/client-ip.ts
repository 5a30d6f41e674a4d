/**
 * The client's address for throttling and audit. Behind our reverse proxy the first
 * X-Forwarded-For hop is the client (the proxy must overwrite, not append to, what clients send).
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return /^[0-9a-fA-F:.]{2,45}$/.test(candidate) ? candidate : "unknown";
}
