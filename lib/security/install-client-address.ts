import http from "node:http";
import { CLIENT_ADDRESS_HEADER, markClientAddressHookInstalled, resolveClientAddress, trustedProxyHops } from "./client-address";

const installed = globalThis as typeof globalThis & { __sesClientAddressEmit?: boolean };

/**
 * Runs once in the Node.js server process (instrumentation.ts `register`). Next.js gives route
 * code no socket address, and it fills `X-Forwarded-For` from the socket only when the client
 * sent none, so the address is worked out here, from the socket, before Next.js sees the request
 * (docs/decisions/0020-lockout-client-address-rate-limits-and-logs.md). Every request of every
 * http.Server in the process gets `CLIENT_ADDRESS_HEADER`, overwriting any client-sent value.
 */
export function installClientAddressHook(hops: number = trustedProxyHops()): void {
  if (installed.__sesClientAddressEmit) return;
  installed.__sesClientAddressEmit = true;
  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithClientAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request" && args[0] instanceof http.IncomingMessage) {
      const request = args[0];
      request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
        socketAddress: request.socket?.remoteAddress,
        forwardedFor: request.headers["x-forwarded-for"],
        hops,
      });
    }
    return Reflect.apply(originalEmit, this, [event, ...args]) as boolean;
  } as typeof http.Server.prototype.emit;
  markClientAddressHookInstalled();
}
