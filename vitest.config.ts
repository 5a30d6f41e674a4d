import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          // No unit test may make anything call console.error (React's warnings about markup).
          setupFiles: ["tests/support/no-console-errors.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // The action chain is marked server-only (it must never reach a client bundle); these
          // tests are its server. Next's own bundler resolves the marker the same way.
          alias: { "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
          // next-auth imports "next/server" without an extension, which Node's own ESM resolver
          // refuses; through Vite's resolver it loads as it does in the app.
          server: { deps: { inline: ["next-auth"] } },
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One database per worker file; PGlite is in-process and CPU-bound, keep it lean on 2 cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ["tests/integration/global-setup.ts"],
        },
      },
    ],
  },
});
