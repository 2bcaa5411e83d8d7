import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";

const ENV = { WARDEN_DAEMON: "0" };
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

interface Report {
  summary: { files: number };
  findings: { file: string; line: number; ruleId: string; fingerprint: string }[];
}

function repo(): TempRepo {
  const files: Record<string, string> = { "warden.config.json": JSON.stringify({ rules: { "waste/unused-files": "off" } }) };
  for (let i = 0; i < 24; i += 1) files[`src/m${i}.ts`] = `export function f${i}(): void {\n  throw new Error("not implemented");\n}\n`;
  files["docs/guide.md"] = "# Guide\n\nSee [missing](nowhere.md).\n";
  const r = gitRepo(files);
  repos.push(r);
  return r;
}

const keys = (report: Report): string[] => report.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}:${f.fingerprint}`);

describe("warden check --shard and warden report merge", () => {
  it("splits a full check deterministically and merges back to the unsharded result", () => {
    const r = repo();
    const whole = JSON.parse(r.warden(["check", "--format", "json", "--no-cache"], { env: ENV }).stdout) as Report;
    const shards = [1, 2, 3].map((i) => r.warden(["check", "--shard", `${i}/3`, "--format", "json", "--no-cache"], { env: ENV }));
    const parsed = shards.map((s) => JSON.parse(s.stdout) as Report);
    for (const p of parsed) expect(p.findings.length).toBeLessThan(whole.findings.length);
    expect(parsed.reduce((n, p) => n + p.summary.files, 0)).toBe(whole.summary.files);
    const again = JSON.parse(r.warden(["check", "--shard", "2/3", "--format", "json", "--no-cache"], { env: ENV }).stdout) as Report;
    expect(keys(again)).toEqual(keys(parsed[1] as Report));

    parsed.forEach((_, i) => writeFileSync(path.join(r.dir, `shard-${i + 1}.json`), shards[i]?.stdout ?? ""));
    const merged = r.warden(["report", "merge", "shard-1.json", "shard-2.json", "shard-3.json", "--format", "json"], { env: ENV });
    expect(merged.code).toBe(1);
    expect(keys(JSON.parse(merged.stdout) as Report)).toEqual(keys(whole));
    expect(keys(whole).filter((k) => k.includes("docs/links-resolve"))).toHaveLength(1);
  });

  it("rejects a bad shard and a report that is not Warden's JSON with exit 2", () => {
    const r = repo();
    for (const shard of ["0/3", "4/3", "x"]) {
      const run = r.warden(["check", "--shard", shard], { env: ENV });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--shard .*: expected i\/n/);
    }
    expect(r.warden(["check", "--staged", "--shard", "1/2"], { env: ENV }).code).toBe(2);
    writeFileSync(path.join(r.dir, "bad.json"), '{"findings": 3}');
    const merged = r.warden(["report", "merge", "bad.json"], { env: ENV });
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/^warden: bad\.json: not a warden JSON report/);
    expect(r.warden(["report", "merge", "missing.json"], { env: ENV }).code).toBe(2);
  });
});

describe("warden check --workers", () => {
  it("spreads a large full check over worker threads with the same findings as in-process", () => {
    const files: Record<string, string> = { "package.json": JSON.stringify({ name: "big", private: true, main: "src/m0.ts" }) };
    for (let i = 0; i < 1500; i += 1) {
      const body = i % 5 === 0 ? 'throw new Error("not implemented");' : "return x + 1;";
      files[`src/m${i}.ts`] = `/** Step ${i}. */\nexport function f${i}(x: number): number {\n  ${body}\n}\n`;
    }
    const r = gitRepo(files);
    repos.push(r);
    const inProcess = r.warden(["check", "--workers", "0", "--no-cache", "--format", "json"], { env: ENV });
    const threaded = r.warden(["check", "--workers", "2", "--no-cache", "--format", "json"], { env: ENV });
    expect(threaded.code).toBe(1);
    const a = JSON.parse(inProcess.stdout) as Report;
    const b = JSON.parse(threaded.stdout) as Report;
    expect(a.findings.filter((f) => f.ruleId === "real/no-placeholder")).toHaveLength(300);
    expect(keys(b)).toEqual(keys(a));
    expect(r.warden(["check", "--workers", "two"], { env: ENV }).code).toBe(2);
  }, 60_000);
});
