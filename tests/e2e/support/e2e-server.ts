/**
 * What the end-to-end server is started with (playwright.config.ts `webServer.env`) that the
 * tests need to know too: the session cookies minted by support/session-cookie.ts are encrypted
 * with the server's AUTH_SECRET. A test-only secret; the server never runs with it elsewhere.
 */
export const E2E_AUTH_SECRET = "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";
