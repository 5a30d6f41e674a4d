import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, requestedHost, resolveClientAddress, trustedProxyHops } from "@/lib/security/client-address";
import { installClientAddressHook } from "@/lib/security/install-client-address";
import { isSameOriginRequest } from "@/lib/security/same-origin";

describe("clientAddress: the address used for limits and audit (AU-02, AU-08, M2)", () => {
  it("uses the socket address and ignores X-Forwarded-For when no proxy hop is trusted (AU-02)", () => {
    expect(resolveClientAddress({ socketAddress: "192.0.2.10", forwardedFor: "10.20.30.40", hops: 0 })).toBe("192.0.2.10");
    expect(resolveClientAddress({ socketAddress: "::ffff:192.0.2.10", forwardedFor: null, hops: 0 })).toBe("192.0.2.10");
    expect(resolveClientAddress({ socketAddress: "2001:db8::1", forwardedFor: undefined, hops: 0 })).toBe("2001:db8::1");
  });

  it("takes the entry the trusted proxies appended, never one the client wrote (AU-02)", () => {
    // The client forged 10.20.30.40; our one proxy appended the real peer 203.0.113.7.
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "10.20.30.40, 203.0.113.7", hops: 1 })).toBe("203.0.113.7");
    expect(resolveClientAddress({ socketAddress: "10.0.0.3", forwardedFor: "10.20.30.40, 203.0.113.7, 10.0.0.2", hops: 2 })).toBe("203.0.113.7");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: ["10.20.30.40", "203.0.113.7"], hops: 1 })).toBe("203.0.113.7");
  });

  it("falls back to the leftmost entry when the chain is shorter than the hops, and to unknown for junk (AU-02)", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "", hops: 2 })).toBe("10.0.0.2");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "<script>", hops: 1 })).toBe("unknown");
    expect(resolveClientAddress({ socketAddress: undefined, forwardedFor: null, hops: 0 })).toBe("unknown");
  });

  it("reads TRUSTED_PROXY_HOPS as 0 to 10, and anything else as 0 (AU-02)", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "1" })).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "99" })).toBe(10);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "-1" })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "one" })).toBe(0);
  });

  describe("the server hook", () => {
    let server: http.Server | undefined;
    afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

    it("stamps the socket address on every request, overwriting a client-sent copy and ignoring a forged X-Forwarded-For (AU-02, AU-08)", async () => {
      expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "10.20.30.40" }))).toBe("unknown"); // hook not yet running
      installClientAddressHook(0);
      server = http.createServer((request, response) => {
        const headers = new Headers();
        for (const [key, value] of Object.entries(request.headers)) headers.set(key, String(value));
        response.end(clientAddress({ headers }));
      });
      await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", () => resolve()));
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "10.20.30.40", [CLIENT_ADDRESS_HEADER]: "10.20.30.41" } });
      expect(await response.text()).toBe("127.0.0.1");
    });
  });
});

describe("the export's same-origin check and X-Forwarded-Host (CS-05, L6)", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("ignores X-Forwarded-Host when no proxy hop is trusted (CS-05)", () => {
    const forged = headers({ origin: "https://evil.example", host: "ses.example", "x-forwarded-host": "evil.example" });
    expect(isSameOriginRequest(forged, 0)).toBe(false);
    expect(requestedHost(forged, 0)).toBe("ses.example");
  });

  it("uses the X-Forwarded-Host written by a trusted proxy (CS-05)", () => {
    const proxied = headers({ origin: "https://ses.example", host: "app:3000", "x-forwarded-host": "ses.example" });
    expect(isSameOriginRequest(proxied, 1)).toBe(true);
    expect(isSameOriginRequest(proxied, 0)).toBe(false);
    // A client-sent value in front of the proxy's own is not the one read.
    expect(requestedHost(headers({ host: "app:3000", "x-forwarded-host": "evil.example, ses.example" }), 1)).toBe("ses.example");
  });
});

describe("clientAddress reads Next.js's own headers object (AU-02)", () => {
  it("takes a Headers whose class also has a `headers` field, as next/headers' adapter does", () => {
    class AdapterLike extends Headers {
      readonly headers = { "x-ses-client-address": "wrong" };
    }
    installClientAddressHook(0);
    expect(clientAddress(new AdapterLike({ [CLIENT_ADDRESS_HEADER]: "192.0.2.5" }))).toBe("192.0.2.5");
  });
});
