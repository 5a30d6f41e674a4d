// The e2e tests drive Debian's Chromium (no browser downloads here: docs/stack-notes.md).
import { existsSync } from "node:fs";
import { chromiumPath } from "./chromium-path.mjs";

const executable = chromiumPath();
if (!existsSync(executable)) {
  console.error(
    `\nThe end-to-end tests need Chromium at ${executable}, and it is not installed.\n` +
      `Install it with:  sudo apt-get update && sudo apt-get install -y chromium chromium-headless-shell\n` +
      `(or set CHROMIUM_PATH to another Chromium). Do not run \`npx playwright install\`: it downloads a browser.\n`,
  );
  process.exit(1);
}
