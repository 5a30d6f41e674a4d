// Compiles GOV.UK Frontend's Sass (styles/govuk.scss: Arial, no GDS Transport font-face, inside the
// "govuk" cascade layer) into app/generated/govuk-frontend.css. Run by postinstall, so a fresh
// clone has it after `npm ci`; the output is not committed.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as sass from "sass";

const result = sass.compile("styles/govuk.scss", { loadPaths: ["node_modules"], style: "compressed", quietDeps: true });

/**
 * Drop the IE 9–11 hacks (`@media screen\0`, `min-width: 0\0`): dart-sass emits their `\0` as
 * U+FFFD, which Turbopack's CSS parser rejects, and no supported browser uses them.
 */
function withoutIeHacks(source) {
  let css = source;
  for (let bad = css.indexOf("\uFFFD"); bad !== -1; bad = css.indexOf("\uFFFD")) {
    const start = css.lastIndexOf("@media", bad);
    let depth = 0;
    let end = css.indexOf("{", bad);
    for (; end < css.length; end++) {
      if (css[end] === "{") depth++;
      else if (css[end] === "}" && --depth === 0) break;
    }
    if (start === -1 || depth !== 0) throw new Error("could not remove an IE hack from govuk-frontend CSS");
    css = css.slice(0, start) + css.slice(end + 1);
  }
  return css;
}
const css = withoutIeHacks(result.css).replace(/^\uFEFF/, "");
if (css.includes("\uFFFD")) throw new Error("govuk-frontend CSS still contains an unparseable character");
mkdirSync(path.join("app", "generated"), { recursive: true });
writeFileSync(path.join("app", "generated", "govuk-frontend.css"), css);
console.log(`GOV.UK Frontend CSS compiled (${Math.round(css.length / 1024)} KiB).`);
