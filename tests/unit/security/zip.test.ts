import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createZip } from "@/lib/server/export/zip";
import { readZip } from "@/tests/support/read-zip";

/** The ZIP writer behind the subject access export (docs/security.md DP-03). */
describe("createZip (DP-03)", () => {
  const files = [
    { name: "subject-access.json", content: JSON.stringify({ name: "Zoë O’Neill", notes: "x".repeat(5000) }) },
    { name: "cases.csv", content: "\uFEFFreference,state\r\nSES-000001,rejected\r\n" },
    { name: "empty.txt", content: "" },
  ];

  it("round-trips every file byte for byte, names and UTF-8 included", () => {
    const archive = createZip(files, new Date("2026-12-03T10:00:00Z"));
    const read = readZip(archive);
    expect([...read.keys()]).toEqual(files.map((file) => file.name));
    for (const file of files) expect(read.get(file.name)?.toString("utf8")).toBe(file.content);
  });

  it("compresses (deflate), so a repetitive file is smaller in the archive", () => {
    expect(createZip(files).length).toBeLessThan(5000);
  });

  it("is read by the system's unzip when it is installed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ses-zip-"));
    const file = path.join(dir, "export.zip");
    writeFileSync(file, createZip(files));
    let listing: string;
    try {
      listing = execFileSync("unzip", ["-t", file], { encoding: "utf8" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // no unzip on this machine
      throw error;
    }
    expect(listing).toMatch(/No errors detected/);
  });

  it("refuses a file name that climbs out of the archive", () => {
    expect(() => createZip([{ name: "../evil.txt", content: "x" }])).toThrow(/Unsafe/);
  });
});
