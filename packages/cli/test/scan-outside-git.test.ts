// `warden scan PATH…` needs no repository: an unpacked release or a build output is scanned as a folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { githubToken, runWarden } from "@warden/test-utils";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("warden scan outside a git work tree", () => {
  it("scans a folder and the current folder, and says in one line that the git targets need git", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-release-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, "dist"), { recursive: true });
    writeFileSync(path.join(dir, "dist", "config.js"), `export const token = "${githubToken()}";\n`);
    writeFileSync(path.join(dir, "README.md"), "# release\n");
    const env = { GIT_CEILING_DIRECTORIES: path.dirname(dir) };

    const folder = runWarden(dir, ["scan", "dist", "-f", "json"], { env });
    expect(folder.stderr).toMatch(/^warden scan dist: scanned 1 file, \d+ bytes\n$/);
    expect(folder.code).toBe(1);
    const report = JSON.parse(folder.stdout) as { findings: { ruleId: string; file: string; line: number }[] };
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([["secrets/github-pat", "dist/config.js", 1]]);

    const whole = runWarden(dir, ["scan"], { env });
    expect(whole.code).toBe(1);
    expect(whole.stdout).toContain("dist/config.js:1");

    const staged = runWarden(dir, ["scan", "--staged"], { env });
    expect(staged.code).toBe(2);
    expect(staged.stderr).toMatch(/^warden: .*not inside a git work tree\n {2}hint: run it inside a git repository .*\n$/);
  });
});
