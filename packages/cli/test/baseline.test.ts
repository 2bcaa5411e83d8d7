import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";

const ENV = { WARDEN_DAEMON: "0" };
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

const PAY = 'export function charge(amount: number): number {\n  throw new Error("not implemented");\n}\n';
const FILLER = Array.from({ length: 50 }, (_, i) => `export const rate${i} = ${i};\n`).join("");

function repo(): TempRepo {
  const r = gitRepo({
    "warden.config.json": JSON.stringify({ rules: { "waste/unused-exports": "off", "waste/unused-files": "off", "docs/exported-api-documented": "off" } }),
    "src/pay.ts": PAY,
  });
  repos.push(r);
  return r;
}

function findings(r: TempRepo): { ruleId: string; line: number; fingerprint: string }[] {
  const run = r.warden(["check", "--no-baseline", "--format", "json"], { env: ENV });
  return (JSON.parse(run.stdout) as { findings: { ruleId: string; line: number; fingerprint: string }[] }).findings;
}

describe("warden baseline", () => {
  it("records today's findings sorted, one per line, and only new findings block", () => {
    const r = repo();
    expect(r.warden(["check"], { env: ENV }).code).toBe(1);
    const created = r.warden(["baseline"], { env: ENV });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/recorded 1 finding/);
    const lines = readFileSync(path.join(r.dir, ".warden-baseline"), "utf8").trimEnd().split("\n");
    expect(lines[0]).toMatch(/^# warden baseline v1/);
    expect(lines.slice(2)).toEqual([expect.stringMatching(/^[0-9a-f]{20}\treal\/no-placeholder\tsrc\/pay\.ts$/)]);
    const clean = r.warden(["check", "--format", "json"], { env: ENV });
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ findings: [], summary: { baselined: 1 } });

    r.write({ "src/refund.ts": 'export function refund(): void {\n  throw new Error("TODO refund");\n}\n' });
    const fresh = r.warden(["check", "--format", "json"], { env: ENV });
    expect(fresh.code).toBe(1);
    const report = JSON.parse(fresh.stdout) as { findings: { file: string }[]; summary: { baselined: number } };
    expect(report.findings.map((f) => f.file)).toEqual(["src/refund.ts"]);
    expect(report.summary.baselined).toBe(1);
    expect(r.warden(["check", "--no-baseline", "--format", "json"], { env: ENV }).stdout).toContain("src/pay.ts");
  });

  it("keeps an entry matched when its function moves 50 lines down or is reformatted", () => {
    const r = repo();
    const [before] = findings(r);
    expect(r.warden(["baseline"], { env: ENV }).code).toBe(0);

    r.write({ "src/pay.ts": FILLER + PAY });
    const [moved] = findings(r);
    expect(moved?.line).toBe((before?.line ?? 0) + 50);
    expect(moved?.fingerprint).toBe(before?.fingerprint);
    expect(r.warden(["check"], { env: ENV }).code).toBe(0);

    // reformatted on its own (not moved): another layout, single quotes, a trailing comma
    r.write({ "src/pay.ts": "export function charge(amount: number): number { throw new Error(\n    'not implemented',\n  ); }\n" });
    const reformatted = findings(r);
    expect(reformatted).toHaveLength(1);
    expect(reformatted[0]?.ruleId).toBe("real/no-placeholder");
    expect(reformatted[0]?.fingerprint).toBe(before?.fingerprint);
    const check = r.warden(["check", "--format", "json"], { env: ENV });
    expect(check.code).toBe(0);
    expect((JSON.parse(check.stdout) as { summary: { baselined: number } }).summary.baselined).toBe(1);

    // both at once
    r.write({ "src/pay.ts": `${FILLER}export function charge(amount: number): number { throw new Error(\n    "not implemented"\n  ); }\n` });
    expect(findings(r)[0]?.fingerprint).toBe(before?.fingerprint);
    expect(r.warden(["check"], { env: ENV }).code).toBe(0);
  });

  it("--update drops entries that no longer occur and never adds new ones", () => {
    const r = repo();
    r.write({ "src/ship.ts": 'export function ship(): void {\n  throw new Error("not implemented");\n}\n' });
    expect(r.warden(["baseline"], { env: ENV }).stdout).toMatch(/recorded 2 finding/);
    r.write({ "src/pay.ts": "export function charge(amount: number): number {\n  return amount;\n}\n" });
    r.write({ "src/new.ts": 'export function later(): void {\n  throw new Error("not implemented");\n}\n' });
    const updated = r.warden(["baseline", "--update"], { env: ENV });
    expect(updated.code).toBe(0);
    expect(updated.stdout).toMatch(/dropped 1 entry that no longer occur; 1 remain; 1 new finding/);
    const entries = readFileSync(path.join(r.dir, ".warden-baseline"), "utf8").trimEnd().split("\n").slice(2);
    expect(entries).toEqual([expect.stringMatching(/\tsrc\/ship\.ts$/)]);
    expect(r.warden(["check"], { env: ENV }).code).toBe(1);
  });

  it("treats a corrupt or hand-edited baseline as a one-line usage error (exit 2)", () => {
    const r = repo();
    expect(r.warden(["baseline"], { env: ENV }).code).toBe(0);
    const file = path.join(r.dir, ".warden-baseline");
    writeFileSync(file, `${readFileSync(file, "utf8")}deadbeef\treal/no-placeholder\tsrc/x.ts\n`);
    const run = r.warden(["check"], { env: ENV });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^warden: \.warden-baseline:4: malformed entry/)]);
    writeFileSync(file, "not a baseline\n");
    expect(r.warden(["baseline", "--update"], { env: ENV }).stderr).toMatch(/^warden: \.warden-baseline:1: not a Warden baseline/);
  });

  it("--check fails when the baseline grew since the base commit, passes when it shrank", () => {
    const r = repo();
    expect(r.warden(["baseline"], { env: ENV }).code).toBe(0);
    expect(r.commit("chore: adopt warden", { noVerify: true }).code).toBe(0);
    expect(r.warden(["baseline", "--check", "--base", "HEAD"], { env: ENV }).code).toBe(0);

    r.write({ "src/ship.ts": 'export function ship(): void {\n  throw new Error("not implemented");\n}\n' });
    expect(r.warden(["baseline"], { env: ENV }).code).toBe(0);
    expect(r.commit("chore: record more", { noVerify: true }).code).toBe(0);
    const grew = r.warden(["baseline", "--check", "--base", "HEAD~1"], { env: ENV });
    expect(grew.code).toBe(1);
    expect(grew.stderr).toMatch(/grew since HEAD~1: 1 new entry/);
    expect(grew.stderr).toContain("src/ship.ts");

    r.write({ "src/ship.ts": "export function ship(): void {\n  return;\n}\n" });
    expect(r.warden(["baseline", "--update"], { env: ENV }).code).toBe(0);
    expect(r.warden(["baseline", "--check", "--base", "HEAD"], { env: ENV }).code).toBe(0);
    expect(r.warden(["baseline", "--check", "--base", "no-such-ref"], { env: ENV }).code).toBe(2);
  });
});
