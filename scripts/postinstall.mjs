// The project's own postinstall (dependency install scripts stay off: docs/stack-notes.md).
import { spawnSync } from "node:child_process";

for (const script of ["scripts/prisma-generate.mjs", "scripts/build-govuk-css.mjs"]) {
  const result = spawnSync(process.execPath, [script], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
