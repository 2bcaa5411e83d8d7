import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJsonSummary, readLcov } from "../src/coverage-reports.js";

// `warden coverage` over a three-package workspace: package a has its own istanbul json-summary
// (absolute paths, as vitest and jest write them), package b is covered by a root lcov report
// (relative paths), package c has no data, package d is excluded.

let repo: TempRepo;

function summary(dir: string, files: Record<string, [number, number, number, number]>): string {
  const entry = ([lc, lt, bc, bt]: [number, number, number, number]) => ({
    lines: { total: lt, covered: lc, skipped: 0, pct: 0 },
    statements: { total: lt + 2, covered: lc + 2, skipped: 0, pct: 0 },
    functions: { total: 4, covered: 4, skipped: 0, pct: 100 },
    branches: { total: bt, covered: bc, skipped: 0, pct: 0 },
  });
  return JSON.stringify({ total: entry([0, 0, 0, 0]), ...Object.fromEntries(Object.entries(files).map(([f, v]) => [path.join(dir, f), entry(v)])) });
}

beforeAll(() => {
  repo = gitRepo({
    "package.json": JSON.stringify({ name: "root", private: true }),
    "pnpm-workspace.yaml": "packages:\n  - packages/*\n",
    "packages/a/package.json": JSON.stringify({ name: "@acme/a" }),
    "packages/b/package.json": JSON.stringify({ name: "@acme/b" }),
    "packages/c/package.json": JSON.stringify({ name: "@acme/c" }),
    "packages/d/package.json": JSON.stringify({ name: "@acme/d-examples" }),
    "warden.config.json": JSON.stringify({ coverage: { exclude: ["@acme/d-examples"], packages: { "@acme/b": 60 } } }),
  });
  repo.write({
    // a: lines 90 of 100 and 5 of 10 → 95/110 = 86.3%; branches 10/40 = 25%
    "packages/a/coverage/coverage-summary.json": summary(path.join(repo.dir, "packages/a"), { "src/x.ts": [90, 100, 5, 20], "src/y.ts": [5, 10, 5, 20] }),
    // b through the root lcov: 13 of 20 lines = 65% (its own minimum is 60); a file outside every package is ignored
    "coverage/lcov.info": "TN:\nSF:packages/b/src/z.ts\nFNF:2\nFNH:1\nLF:20\nLH:13\nBRF:4\nBRH:4\nend_of_record\nSF:scripts/tool.ts\nLF:50\nLH:0\nend_of_record\n",
  });
});
afterAll(() => repo.cleanup());

describe("warden coverage", () => {
  it("holds each package to its minimum and fails on a package without data", () => {
    const result = repo.warden(["coverage"]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^✔ @acme\/a {11}86\.3% {2}\(95\/110 lines in 2 files\)$/m);
    expect(result.stdout).toMatch(/^✔ @acme\/b {11}65\.0% {2}\(13\/20 lines in 1 file\)$/m);
    expect(result.stdout).toMatch(/^✖ @acme\/c {11}no coverage data {2}minimum 80%$/m);
    expect(result.stdout).toContain("· @acme/d-examples  no coverage data  excluded (coverage.exclude)");
    expect(result.stdout).toMatch(/✖ 1 of 3 packages below the minimum\n$/);
    expect(result.stderr).toContain("from 2 reports (coverage/lcov.info, packages/a/coverage/coverage-summary.json)");
  });

  it("takes --min and --metric, and says when lines stand in for statements", () => {
    repo.write({ "warden.config.json": JSON.stringify({ coverage: { exclude: ["@acme/c", "@acme/d-examples"] } }) });
    const branches = repo.warden(["coverage", "--metric", "branches", "--format", "json"]);
    expect(branches.code).toBe(1);
    const report = JSON.parse(branches.stdout) as { packages: { name: string; pct: number | null; passed: boolean; note?: string }[] };
    expect(report.packages.filter((p) => p.pct !== null).map((p) => [p.name, p.pct, p.passed])).toEqual([
      ["@acme/a", 25, false],
      ["@acme/b", 100, true],
    ]);
    const statements = repo.warden(["coverage", "--metric", "statements", "--min", "60"]);
    expect(statements.code, statements.stdout).toBe(0);
    expect(statements.stdout).toMatch(/@acme\/a +86\.8% {2}\(99\/114 statements in 2 files\)\n/);
    expect(statements.stdout).toMatch(/@acme\/b +65\.0% {2}\(13\/20 statements in 1 file\) {2}— lines stand in for statements \(lcov has none\)\n/);
  });

  it("refuses bad input in one line", () => {
    for (const [args, message] of [
      [["coverage", "--min", "120"], "--min takes a percentage from 0 to 100"],
      [["coverage", "--metric", "mutations"], 'unknown metric "mutations"'],
    ] as const) {
      const result = repo.warden([...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(`warden: ${message}${message.startsWith("--min") ? ', not "120"' : " (lines, statements, branches, functions)"}`);
    }
    repo.write({ "packages/a/coverage/coverage-summary.json": "{ not json" });
    const broken = repo.warden(["coverage"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/packages\/a\/coverage\/coverage-summary.json: not an istanbul json-summary report/);
  });
});

describe("warden coverage after a real vitest run", () => {
  it("reads what @vitest/coverage-v8 wrote (json-summary at the root) and agrees with its per-package totals", () => {
    const vitest = path.join(path.dirname(createRequire(fileURLToPath(import.meta.url)).resolve("vitest/package.json")), "vitest.mjs");
    const ws = gitRepo({
      "package.json": JSON.stringify({ name: "ws", private: true, type: "module", workspaces: ["packages/*"] }),
      "packages/p/package.json": JSON.stringify({ name: "p", type: "module" }),
      "packages/p/src/math.js": "export function sign(x) {\n  if (x > 0) return 1;\n  if (x < 0) return -1;\n  return 0;\n}\nexport function twice(x) {\n  return 2 * x;\n}\n",
      "packages/p/test/math.test.js": 'import { expect, test } from "vitest";\nimport { sign } from "../src/math.js";\ntest("sign", () => expect(sign(5)).toBe(1));\n',
      "packages/q/package.json": JSON.stringify({ name: "q", type: "module" }),
      "packages/q/src/id.js": "export const id = (x) => x;\n",
      "packages/q/test/id.test.js": 'import { expect, test } from "vitest";\nimport { id } from "../src/id.js";\ntest("id", () => expect(id(1)).toBe(1));\n',
    });
    try {
      const run = spawnSync(process.execPath, [vitest, "run", "--root", ws.dir, "--coverage.enabled", "--coverage.provider=v8", "--coverage.reporter=json-summary", "--coverage.include=packages/*/src/**"], { cwd: ws.dir, encoding: "utf8", env: { ...process.env, CI: "true" } });
      expect(run.status, run.stderr + run.stdout).toBe(0);
      const written = JSON.parse(readFileSync(path.join(ws.dir, "coverage/coverage-summary.json"), "utf8")) as Record<string, { lines: { covered: number; total: number } }>;
      const p = written[path.join(ws.dir, "packages/p/src/math.js")]?.lines;
      const result = ws.warden(["coverage", "--format", "json"]);
      const report = JSON.parse(result.stdout) as { packages: { name: string; covered: number; total: number; passed: boolean }[] };
      expect(report.packages.map((r) => [r.name, r.covered, r.total, r.passed])).toEqual([
        ["p", p?.covered, p?.total, false],
        ["q", 1, 1, true],
      ]);
      expect(p !== undefined && p.covered < p.total).toBe(true);
      expect(result.code).toBe(1);
    } finally {
      ws.cleanup();
    }
  });
});

describe("report readers", () => {
  it("read istanbul json-summary and lcov files with paths resolved from the run's folder", () => {
    const json = readJsonSummary(JSON.stringify({ total: {}, "src/a.ts": { lines: { total: 10, covered: 7 }, branches: { total: 0, covered: 0 } } }), "/w/pkg");
    expect(json.get("/w/pkg/src/a.ts")).toEqual({ lines: { total: 10, covered: 7 }, branches: { total: 0, covered: 0 } });
    const lcov = readLcov("SF:/abs/b.ts\nFN:1,f\nFNF:1\nFNH:0\nDA:1,1\nLF:3\nLH:2\nend_of_record\n", "/w");
    expect(lcov.get("/abs/b.ts")).toEqual({ lines: { total: 3, covered: 2 }, functions: { total: 1, covered: 0 } });
  });
});
