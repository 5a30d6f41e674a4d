import "server-only";
import { headers } from "next/headers";

/**
 * The full address of a set-up or reset link for the administrator to hand over (docs/security.md
 * AU-06): SES_PUBLIC_URL when the deployment sets it, otherwise the address this request came to.
 */
export async function linkAddress(path: string): Promise<string> {
  const configured = process.env.SES_PUBLIC_URL?.replace(/\/+$/, "");
  if (configured) return `${configured}${path}`;
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${protocol}://${host.split(",")[0].trim()}${path}`;
}

const expiry = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
export const formatLinkExpiry = (date: Date) => expiry.format(date);
