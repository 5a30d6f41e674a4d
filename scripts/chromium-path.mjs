// Which Debian Chromium the end-to-end tests drive (docs/stack-notes.md: never a downloaded browser).
import { existsSync } from "node:fs";

/** Debian's `chromium-headless-shell` package: Chromium's old headless shell, without the browser's UI. */
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
/** Debian's `chromium` package. Its /usr/bin wrapper adds /etc/chromium.d's flags (GPU rasterisation in software). */
const CHROMIUM = "/usr/bin/chromium";

/**
 * CHROMIUM_PATH when set; else the headless shell when installed, which ran the every-page spec for
 * one role in 1.3 minutes where /usr/bin/chromium took 1.9 on the same 2-core machine; else Chromium.
 */
export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : CHROMIUM;
}
