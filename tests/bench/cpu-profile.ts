/**
 * Reads a V8 CPU profile (`node --cpu-prof`) of `next start` and splits the CPU time of a
 * window (the load phase) into what it was spent on. Each sample is charged to the nearest frame
 * on its stack that maps — through the build's source maps (.next/server chunks and Next's own
 * compiled runtime both ship them) — to a known owner: a native or Node-internal frame (a socket
 * write, a crypto call, JSON.stringify) is charged to the code that called it.
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap, type SourceMapping } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CPU_CATEGORIES = ["render", "serialisation", "data", "auth", "app", "framework", "gc", "other"] as const;
export type CpuCategory = (typeof CPU_CATEGORIES)[number];

export const CPU_CATEGORY_LABELS: Record<CpuCategory, string> = {
  render: "render (React to HTML)",
  serialisation: "serialisation (RSC payload)",
  data: "data (Prisma, pg, use-cases)",
  auth: "auth (session JWT, proxy, CSP)",
  app: "app (pages, components, domain)",
  framework: "framework (Next router, HTTP, streams)",
  gc: "garbage collection",
  other: "other",
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Ordered: the first rule that matches the original source (or URL) wins. */
const RULES: ReadonlyArray<readonly [RegExp, CpuCategory]> = [
  [/react-server-dom|ReactFlight|react-server\b/, "serialisation"],
  [/react-dom|ReactFizz|react\/cjs|\/react\//, "render"],
  [/jose\/|@auth\/|next-auth|oauth4webapi|lib\/auth\/|\/proxy\.ts|lib\/security\//, "auth"],
  [/@prisma\/|prisma\/|lib\/db\/|\/pg\/|pg-protocol|pg-pool|pg-types|lib\/server\//, "data"],
  [/\[project\]\/(app|components|lib)\/|\/app\/\(|\/components\/|lib\/domain\/|lib\/calendar\//, "app"],
  [/next\/dist|next\/src|\/next\//, "framework"],
];

const sourceMaps = new Map<string, SourceMap | null>();

/** The original position of a generated one, when the source map has it. */
function originalOf(frame: ProfileNode["callFrame"]): SourceMapping | null {
  if (!frame.url || frame.url.startsWith("node:")) return null;
  const entry = sourceMapFor(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  // A generated position the map does not cover comes back with no original source.
  return entry && "originalSource" in entry && typeof entry.originalSource === "string" ? entry : null;
}

function sourceMapFor(url: string): SourceMap | null {
  if (sourceMaps.has(url)) return sourceMaps.get(url)!;
  let map: SourceMap | null = null;
  try {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    const mapFile = `${file}.map`;
    if (path.isAbsolute(file) && existsSync(mapFile)) map = new SourceMap(JSON.parse(readFileSync(mapFile, "utf8")));
  } catch {
    map = null;
  }
  sourceMaps.set(url, map);
  return map;
}

function ownCategory(frame: ProfileNode["callFrame"]): CpuCategory | null {
  if (frame.functionName === "(garbage collector)") return "gc";
  if (!frame.url || frame.url.startsWith("node:")) return null; // native or Node internals: the caller owns it
  // The original source first; when its path names no owner (Next.js's router and Prisma's runtime
  // map to relative paths such as "../src/server/lib/…"), the file it was loaded from.
  const original = originalOf(frame)?.originalSource;
  for (const source of original ? [original, frame.url] : [frame.url]) {
    for (const [pattern, category] of RULES) if (pattern.test(source)) return category;
  }
  return null;
}

export interface CpuBreakdown {
  /** CPU milliseconds in the window (idle excluded). */
  busyMs: number;
  windowMs: number;
  byCategory: Record<CpuCategory, number>;
  /** The frames with the most self time: "function (original source:line)" and milliseconds. */
  topFrames: Array<{ frame: string; category: string; ms: number }>;
}

function describeFrame(frame: ProfileNode["callFrame"]): string {
  const entry = originalOf(frame);
  // A source map may map a position to no original source (generated code): the bundle's URL then.
  const where = entry?.originalSource ? `${entry.originalSource.replace(/^.*\[project\]\//, "").replace(/^.*node_modules\//, "")}:${entry.originalLine + 1}` : frame.url.replace(/^.*node_modules\//, "") || "native";
  return `${frame.functionName || "(anonymous)"} (${where})`;
}

/**
 * The breakdown of samples taken between `fromUs` and `toUs` (CLOCK_MONOTONIC microseconds, the
 * clock of both V8's profile timestamps and `process.hrtime`).
 */
export function breakdownCpuProfile(file: string, fromUs: number, toUs: number): CpuBreakdown {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const category = new Map<number, CpuCategory | "idle" | "program">();
  const visit = (node: ProfileNode, inherited: CpuCategory | null) => {
    const name = node.callFrame.functionName;
    const own = name === "(idle)" ? "idle" : name === "(program)" ? "program" : ownCategory(node.callFrame);
    category.set(node.id, own ?? inherited ?? "other");
    const next = own === "idle" || own === "program" ? inherited : (own ?? inherited);
    for (const child of node.children ?? []) visit(byId.get(child)!, next);
  };
  const childIds = new Set(profile.nodes.flatMap((node) => node.children ?? []));
  for (const node of profile.nodes) if (!childIds.has(node.id)) visit(node, null);

  const byCategory = Object.fromEntries(CPU_CATEGORIES.map((c) => [c, 0])) as Record<CpuCategory, number>;
  const selfUs = new Map<number, number>();
  let busyUs = 0;
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (time < fromUs || time > toUs) continue;
    const owner = category.get(profile.samples[i]) ?? "other";
    if (owner === "idle") continue;
    // "(program)" is V8 work outside JavaScript (compiling, IC misses): counted as framework overhead.
    const charged: CpuCategory = owner === "program" ? "other" : owner;
    byCategory[charged] += delta / 1000;
    busyUs += delta;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + delta);
  }
  const byFrame = new Map<string, { category: string; us: number }>();
  for (const [id, us] of selfUs) {
    const key = describeFrame(byId.get(id)!.callFrame);
    const entry = byFrame.get(key) ?? { category: String(category.get(id)), us: 0 };
    entry.us += us;
    byFrame.set(key, entry);
  }
  const topFrames = [...byFrame]
    .sort((a, b) => b[1].us - a[1].us)
    .slice(0, 25)
    .map(([frame, entry]) => ({ frame, category: entry.category, ms: entry.us / 1000 }));
  return { busyMs: busyUs / 1000, windowMs: (toUs - fromUs) / 1000, byCategory, topFrames };
}

export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
