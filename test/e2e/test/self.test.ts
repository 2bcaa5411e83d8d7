import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, WARDEN_BIN } from "@warden/test-utils";

// Warden guards its own repository through the same hooks and checks its users get: after
// `pnpm install` the hooks are active and call Warden, and the repository is clean with no
// baseline to hide behind.

function warden(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [WARDEN_BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", WARDEN_DAEMON: "0" },
    maxBuffer: 1 << 26,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("this repository guards itself", () => {
  it("has husky's hooks active, and they call Warden", () => {
    const hooksPath = spawnSync("git", ["config", "core.hooksPath"], { cwd: REPO_ROOT, encoding: "utf8" }).stdout.trim();
    expect(hooksPath).toBe(".husky/_");
    expect(readFileSync(path.join(REPO_ROOT, ".husky/pre-commit"), "utf8")).toMatch(/warden\.js hook pre-commit/);
    expect(readFileSync(path.join(REPO_ROOT, ".husky/commit-msg"), "utf8")).toMatch(/warden\.js hook commit-msg/);
    expect(readFileSync(path.join(REPO_ROOT, ".husky/pre-push"), "utf8")).toMatch(/warden\.js hook pre-push/);
  });

  it("passes its own warden check with no baseline", () => {
    expect(existsSync(path.join(REPO_ROOT, ".warden-baseline"))).toBe(false);
    const result = warden(["check", "--no-baseline", "--format", "json"]);
    expect(result.code, result.stdout.slice(0, 2000) + result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: unknown[] };
    expect(report.findings).toEqual([]);
  }, 120_000);

  it("passes its own warden scan with an empty secrets baseline", () => {
    const baseline = path.join(REPO_ROOT, ".secrets-baseline.json");
    if (existsSync(baseline)) expect(JSON.parse(readFileSync(baseline, "utf8"))).toMatchObject({ fingerprints: [] });
    const result = warden(["scan", "--format", "json"]);
    expect(result.code, result.stdout.slice(0, 2000) + result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { findings: unknown[] }).findings).toEqual([]);
  }, 120_000);
});
