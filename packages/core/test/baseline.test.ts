import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyBaseline, baselineEntries, fingerprintOf, parseBaseline, readBaseline, renderBaseline, ResultCache, writeBaseline, writeFileAtomic, type Finding } from "@warden/core";

function finding(file: string, ruleId: string, key: string, line = 1): Finding {
  return { ruleId, messageId: "m", severity: "error", message: "m", file, line, column: 1, fingerprint: fingerprintOf(ruleId, file, key) };
}

describe("baseline file", () => {
  const findings = [finding("src/z.ts", "real/no-placeholder", "a"), finding("src/a.ts", "types/no-explicit-any", "b"), finding("src/a.ts", "errors/no-empty-catch", "c")];

  it("renders sorted by file then rule, one entry per line, and parses back", () => {
    const text = renderBaseline(baselineEntries(findings));
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines.slice(2).map((l) => l.split("\t").slice(1).join(" "))).toEqual([
      "errors/no-empty-catch src/a.ts",
      "types/no-explicit-any src/a.ts",
      "real/no-placeholder src/z.ts",
    ]);
    expect(parseBaseline(text)).toEqual(baselineEntries(findings));
    expect(renderBaseline(parseBaseline(text))).toBe(text);
  });

  it("splits findings into fresh and known by fingerprint, whatever the line, and lists entries gone", () => {
    const entries = baselineEntries(findings.slice(0, 2));
    const moved = { ...(findings[0] as Finding), line: 51 };
    const split = applyBaseline([moved, findings[2] as Finding], entries);
    expect(split.known).toEqual([moved]);
    expect(split.fresh).toEqual([findings[2]]);
    expect(split.gone.map((e) => e.file)).toEqual(["src/a.ts"]);
  });

  it("rejects a changed header, a malformed line and a duplicate with the file and line", () => {
    const text = renderBaseline(baselineEntries(findings));
    expect(() => parseBaseline(text.replace("v1", "v9"), "b")).toThrow(/^b:1: not a Warden baseline/);
    expect(() => parseBaseline(`${text}zz\tx/y\tf\n`, "b")).toThrow(/^b:6: malformed entry/);
    const line = text.trimEnd().split("\n")[2];
    expect(() => parseBaseline(`${text}${line}\n`, "b")).toThrow(/^b:6: duplicate entry/);
  });

  it("is written atomically and read back; a missing file is no baseline", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-baseline-"));
    try {
      expect(await readBaseline(dir)).toBeUndefined();
      await writeBaseline(dir, baselineEntries(findings));
      expect(await readBaseline(dir)).toEqual(baselineEntries(findings));
      expect(readFileSync(path.join(dir, ".warden-baseline"), "utf8")).toBe(renderBaseline(baselineEntries(findings)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("ResultCache", () => {
  it("persists entries per Warden version and survives a damaged file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-cache-"));
    mkdirSync(path.join(dir, "node_modules")); // a JS repository: the cache lives in node_modules/.cache/warden
    try {
      const first = await ResultCache.open(dir, "1.0.0");
      first.set("k", { findings: [], suppressed: 2 });
      await first.save();
      expect((await ResultCache.open(dir, "1.0.0")).get("k")).toEqual({ findings: [], suppressed: 2 });
      expect((await ResultCache.open(dir, "2.0.0")).get("k")).toBeUndefined();
      const file = path.join(dir, "node_modules/.cache/warden/results-1.0.0.json");
      await import("node:fs/promises").then((fs) => fs.writeFile(file, "{not json"));
      expect((await ResultCache.open(dir, "1.0.0")).get("k")).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rewrites the file only when a run stored something new", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-cache-"));
    mkdirSync(path.join(dir, "node_modules")); // a JS repository: the cache lives in node_modules/.cache/warden
    try {
      const file = path.join(dir, "node_modules/.cache/warden/results-1.0.0.json");
      const first = await ResultCache.open(dir, "1.0.0");
      first.set("a", 1);
      await first.save();
      writeFileSync(file, JSON.stringify({ a: 1, marker: true })); // a rewrite would drop "marker"
      const reader = await ResultCache.open(dir, "1.0.0");
      expect(reader.get("a")).toBe(1);
      reader.set("a", 1); // the same entry again: nothing new
      await reader.save();
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ a: 1, marker: true });
      const writer = await ResultCache.open(dir, "1.0.0");
      writer.set("b", 2);
      await writer.save();
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ b: 2, a: 1, marker: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("writeFileAtomic (every baseline writer)", () => {
  it("replaces the file whole and leaves no temporary file, also when the rename fails", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-atomic-"));
    try {
      const target = path.join(dir, "baseline.json");
      writeFileSync(target, "old\n");
      await writeFileAtomic(target, "new\n");
      expect(readFileSync(target, "utf8")).toBe("new\n");
      // A folder in the way: the rename fails, the error surfaces, nothing is left behind.
      const blocked = path.join(dir, "folder");
      mkdirSync(path.join(blocked, "inside"), { recursive: true });
      await expect(writeFileAtomic(blocked, "x")).rejects.toThrow();
      expect(readdirSync(dir).sort()).toEqual(["baseline.json", "folder"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
