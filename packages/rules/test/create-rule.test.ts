// `pnpm create-rule` writes a complete rule (source, test, docs page, fixture) and registers it.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "@warden/test-utils";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the script and of builtin.ts in a temporary tree shaped like the repository. */
function sandbox(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "warden-create-rule-"));
  dirs.push(dir);
  for (const file of ["scripts/dev/create-rule.mjs", "packages/rules/src/builtin.ts"]) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, file), path.join(dir, file));
  }
  return dir;
}

describe("scripts/dev/create-rule.mjs", () => {
  it("writes the source, test, docs page and fixture twins, and registers the rule", () => {
    const dir = sandbox();
    const result = spawnSync(process.execPath, ["scripts/dev/create-rule.mjs", "code/no-debugger", "--enforces", "Rule 8"], { cwd: dir, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    for (const file of [
      "packages/rules/src/rules/code/no-debugger.ts",
      "packages/rules/test/rules/code/no-debugger.test.ts",
      "docs/rules/code/no-debugger.md",
      "packages/rules/test/fixtures/code-no-debugger/bad/src/example.ts",
      "packages/rules/test/fixtures/code-no-debugger/good/src/example.ts",
    ]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    const builtin = readFileSync(path.join(dir, "packages/rules/src/builtin.ts"), "utf8");
    expect(builtin).toContain('import codeNoDebugger from "./rules/code/no-debugger.js";');
    expect(builtin).toMatch(/ {2}codeNoDebugger,\n\]\.sort\(/);
    expect(readFileSync(path.join(dir, "docs/rules/code/no-debugger.md"), "utf8")).toContain("```ts bad messageId=found");
  });

  it("refuses an existing rule and writes nothing", () => {
    const dir = sandbox();
    const before = readFileSync(path.join(dir, "packages/rules/src/builtin.ts"), "utf8");
    mkdirSync(path.join(dir, "docs/rules/real"), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, "docs/rules/real/no-placeholder.md"), path.join(dir, "docs/rules/real/no-placeholder.md"));
    const result = spawnSync(process.execPath, ["scripts/dev/create-rule.mjs", "real/no-placeholder"], { cwd: dir, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("already exists");
    expect(readFileSync(path.join(dir, "packages/rules/src/builtin.ts"), "utf8")).toBe(before);
    expect(existsSync(path.join(dir, "packages/rules/src/rules/real/no-placeholder.ts"))).toBe(false);
  });
});
