// Each e2e run starts from a fresh embedded database (demo data is loaded by scripts/start.ts).
import { rmSync } from "node:fs";

const dataDir = process.argv[2];
if (!dataDir || !dataDir.startsWith(".data/e2e-pglite")) {
  console.error("usage: reset-e2e-database.mjs .data/e2e-pglite-<port>");
  process.exit(2);
}
rmSync(dataDir, { recursive: true, force: true });
