/**
 * The real client address, for per-IP limits and audit rows (docs/security.md AU-02, AU-08, RL-01;
 * docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md).
 *
 * `X-Forwarded-For` is written by whoever sent the request, so it is trusted only for the number
 * of proxy hops the deployment declares in `TRUSTED_PROXY_HOPS` (default 0: the socket address).
 * The server hook (lib/security/install-client-address.ts) computes the address from the socket
 * before Next.js sees the request and stamps it on `CLIENT_ADDRESS_HEADER`, replacing whatever a
 * client sent under that name. Everything else reads it through `clientAddress()`.
 */
export const CLIENT_ADDRESS_HEADER = "x-ses-client-address";
export const UNKNOWN_ADDRESS = "unknown";

const MAX_HOPS = 10;
const ADDRESS_SHAPE = /^[0-9a-fA-F:.]{2,45}$/;

/** TRUSTED_PROXY_HOPS as a whole number 0–10; anything else is 0 (trust no header). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw || !/^\d{1,2}$/.test(raw)) return 0;
  return Math.min(Number(raw), MAX_HOPS);
}

function normaliseAddress(address: string | undefined | null): string {
  let candidate = (address ?? "").trim();
  // An IPv4 client on a dual-stack socket arrives as ::ffff:1.2.3.4.
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(candidate)) candidate = candidate.slice(7);
  return ADDRESS_SHAPE.test(candidate) ? candidate : UNKNOWN_ADDRESS;
}

/**
 * The chain is every X-Forwarded-For entry followed by the socket's peer. Each trusted proxy
 * appended the address it saw, so the client is the entry `hops` places left of the socket;
 * a chain shorter than that (a request that skipped a proxy) gives its leftmost entry.
 */
export function resolveClientAddress(input: { socketAddress: string | undefined | null; forwardedFor: string | string[] | undefined | null; hops: number }): string {
  if (input.hops <= 0) return normaliseAddress(input.socketAddress);
  const forwarded = (Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const chain = [...forwarded, input.socketAddress ?? ""];
  return normaliseAddress(chain[Math.max(chain.length - 1 - input.hops, 0)]);
}

/**
 * The host the browser asked for, for the same-origin check (docs/security.md CS-05): the Host
 * header, or with trusted proxies the X-Forwarded-Host entry the outermost trusted proxy wrote.
 * With no trusted hop an X-Forwarded-Host is ignored, whoever sent it.
 */
export function requestedHost(headers: Pick<Headers, "get">, hops: number = trustedProxyHops()): string | null {
  const host = headers.get("host")?.trim() || null;
  if (hops <= 0) return host;
  const forwarded = (headers.get("x-forwarded-host") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (forwarded.length === 0) return host;
  return forwarded[Math.max(forwarded.length - hops, 0)];
}

const hookFlag = globalThis as typeof globalThis & { __sesClientAddressHook?: boolean };

/** Set by the server hook once it stamps every request; without it the header cannot be trusted. */
export function markClientAddressHookInstalled(): void {
  hookFlag.__sesClientAddressHook = true;
}

/**
 * The client's address for this request: the one place every caller (sign-in, audit, limits)
 * gets it. "unknown" when the server hook is not running (then no header is trusted at all).
 */
export function clientAddress(source: Pick<Headers, "get"> | { headers: Pick<Headers, "get"> }): string {
  // Next's own Headers class keeps a `headers` field too, so ask for `get` first.
  const headers = typeof (source as Pick<Headers, "get">).get === "function" ? (source as Pick<Headers, "get">) : (source as { headers: Pick<Headers, "get"> }).headers;
  if (!hookFlag.__sesClientAddressHook) return UNKNOWN_ADDRESS;
  return normaliseAddress(headers.get(CLIENT_ADDRESS_HEADER));
}
