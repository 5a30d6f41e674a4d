// Each e2e run starts from a fresh embedded database (demo data is loaded by scripts/start.ts).
import { rmSync } from "node:fs";

rmSync(".data/e2e-pglite", { recursive: true, force: true });
