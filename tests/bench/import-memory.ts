/**
 * The memory target of the bulk import (docs/decisions/0023-bulk-import-and-expected-referrals.md):
 * "50,000 rows (upload and preview) within 400 MB" is the memory of the process that serves the
 * upload and the preview, so it is measured in a process of its own that does only that, not in
 * the bench's process (which has just generated files and committed 10,000 cases, and whose heap
 * the garbage collector need not hand back).
 *
 * The child loads the use-cases and opens the database (a server at rest), receives the file's
 * bytes (the upload as the server holds it), records its resident set size, then runs the upload
 * (startImport) and the preview (getImportPage, confirmImportMapping). It reports the kernel's
 * high-water mark of its resident set (process.resourceUsage().maxRSS), which, unlike sampling
 * on a timer, also catches a peak reached inside a long synchronous stretch (parsing the file).
 * The child runs with the web server's V8 options (scripts/server-node-options.ts), since the
 * upload and the preview run inside the web server as deployed.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../lib/db/open";
import { SERVER_NODE_OPTIONS } from "../../scripts/server-node-options";
import type { UseCaseActor } from "../../lib/server/assert-can";
import { prapCsv, uploadAndPreview } from "./import.bench";
import { isMainModule } from "./main-module";

interface ChildInput {
  url: string;
  actor: UseCaseActor;
  siteId: string;
  rows: number;
  offset: number;
}

export interface UploadMemory {
  /** Resident set of the process at rest: modules loaded, database open, the upload's bytes received. */
  atRestMb: number;
  /** Its high-water mark while handling the upload and the preview. */
  peakMb: number;
}

const CHILD_ENV = "BENCH_IMPORT_MEMORY_CHILD";
const MB = 1024 * 1024;

/** Upload and preview `rows` rows in a fresh process; its memory at rest and at its peak. */
export function measureUploadMemory(input: ChildInput): UploadMemory {
  const child = spawnSync(process.execPath, [...process.execArgv, ...SERVER_NODE_OPTIONS, fileURLToPath(import.meta.url)], {
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(input) },
    encoding: "utf8",
    maxBuffer: 16 * MB,
  });
  const report = child.stdout
    .trim()
    .split("\n")
    .reverse()
    .find((line) => line.startsWith("{"));
  if (child.status !== 0 || !report) throw new Error(`The memory measurement failed (exit ${child.status}):\n${child.stderr}`);
  return JSON.parse(report) as UploadMemory;
}

async function child(input: ChildInput): Promise<void> {
  const db = await openDatabase({ kind: "postgres", url: input.url });
  try {
    await db.prisma.site.findUniqueOrThrow({ where: { id: input.siteId }, select: { id: true } });
    const bytes = prapCsv(input.rows, input.offset);
    const atRest = process.memoryUsage().rss;
    await uploadAndPreview(db.prisma, input.actor, input.siteId, bytes);
    const memory: UploadMemory = { atRestMb: atRest / MB, peakMb: (process.resourceUsage().maxRSS * 1024) / MB };
    console.log(JSON.stringify(memory));
  } finally {
    await db.close();
  }
}

if (isMainModule(import.meta.url) && process.env[CHILD_ENV]) {
  child(JSON.parse(process.env[CHILD_ENV]) as ChildInput).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
