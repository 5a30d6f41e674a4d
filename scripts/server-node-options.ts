/**
 * The V8 options of the web server's process (`next start`), in one place: `npm start`
 * (scripts/start.ts) passes them, and the pages bench (tests/bench/next-server.ts) starts its
 * servers with the same, so the bench measures what is deployed.
 *
 * `--max-old-space-size`: V8 otherwise sizes the old generation for a 4 GB heap and, under 20
 * concurrent requests, lets it grow with the garbage it has not yet collected and keeps the pages
 * it grew by — about 800 MB resident at peak and 10 s after on the bench. A limit well above what
 * the server holds live (about 100 MB of modules and caches after the pages are warm) makes it
 * collect sooner instead; room is left for the largest request, a 20 MB spreadsheet's upload and
 * preview (docs/decisions/0023-bulk-import-and-expected-referrals.md: under 400 MB for a process
 * of its own). Figures and the choice: docs/decisions/0034-case-page-and-server-memory.md.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ["--max-old-space-size=384"];
