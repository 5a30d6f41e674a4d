import "server-only";
import { headers } from "next/headers";

/** The path of this request (set by proxy.ts), for marking the current navigation item. */
export async function currentPath(): Promise<string> {
  return ((await headers()).get("x-ses-path") ?? "/").split("?")[0];
}
