// `pnpm create-rule` writes a complete rule (source, test, docs page, fixture) and registers it;
// run here in a temporary copy of the rules package, where the new rule is then loaded and run.
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walkFiles, WardenConfigSchema } from "@warden/core";
import { REPO_ROOT } from "@warden/test-utils";
import type * as RulesModule from "@warden/rules";
import { locations } from "./helpers.js";
import { registrationProblems } from "./registered.js";

const ID = "code/no-debugger";
let dir = "";
let created: ReturnType<typeof spawnSync>;

/**
 * A temporary tree shaped like the repository: the script, a copy of packages/rules/src and the
 * package's node_modules (linked), so that the generated rule can be imported and run.
 */
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "warden-create-rule-"));
  mkdirSync(path.join(dir, "scripts/dev"), { recursive: true });
  copyFileSync(path.join(REPO_ROOT, "scripts/dev/create-rule.mjs"), path.join(dir, "scripts/dev/create-rule.mjs"));
  cpSync(path.join(REPO_ROOT, "packages/rules/src"), path.join(dir, "packages/rules/src"), { recursive: true });
  copyFileSync(path.join(REPO_ROOT, "packages/rules/package.json"), path.join(dir, "packages/rules/package.json"));
  symlinkSync(path.join(REPO_ROOT, "packages/rules/node_modules"), path.join(dir, "packages/rules/node_modules"));
  created = spawnSync(process.execPath, ["scripts/dev/create-rule.mjs", ID, "--enforces", "Rule 8"], { cwd: dir, encoding: "utf8" });
});
afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

/** The copy's rules package, loaded from its sources (with the new rule registered in it). */
async function sandboxRules(): Promise<typeof RulesModule> {
  return (await import(pathToFileURL(path.join(dir, "packages/rules/src/index.ts")).href)) as typeof RulesModule;
}

describe("scripts/dev/create-rule.mjs", () => {
  it("writes the source, test, docs page and fixture twins, and registers the rule", () => {
    expect(created.status, String(created.stderr)).toBe(0);
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

  it("the new rule loads, runs: reports its planted violation and accepts the clean twin", async () => {
    const rules = await sandboxRules();
    const rule = rules.BUILTIN_RULES.find((r) => r.id === ID);
    expect(rule, `${ID} is not in the copy's BUILTIN_RULES`).toBeDefined();
    if (rule === undefined) return;
    const check = async (variant: string) => {
      const root = path.join(dir, "packages/rules/test/fixtures/code-no-debugger", variant);
      const names = await walkFiles(root);
      const result = await rules.runRules({
        root,
        files: names.map((name) => ({ path: name, content: readFileSync(path.join(root, name)) })),
        config: WardenConfigSchema.parse({ rules: { [ID]: "error" } }),
        rules: [rule],
        mode: "full",
        exists: async (file) => existsSync(path.join(root, file)),
      });
      return locations(result.findings);
    };
    expect(await check("bad")).toEqual([["src/example.ts", 2, 3, "found"]]);
    expect(await check("good")).toEqual([]);
  });

  it("the registration check passes on the copy, and fails on a rule module left unregistered", async () => {
    const rules = await sandboxRules();
    const rulesDir = path.join(dir, "packages/rules/src/rules");
    const registered = rules.BUILTIN_RULES.map((r) => r.id);
    expect(await registrationProblems(rulesDir, registered)).toEqual([]);
    const source = readFileSync(path.join(rulesDir, "code/no-debugger.ts"), "utf8");
    writeFileSync(path.join(rulesDir, "code/no-alert.ts"), source.replace(`id: "${ID}"`, 'id: "code/no-alert"'));
    writeFileSync(path.join(rulesDir, "code/misnamed.ts"), source.replace(`id: "${ID}"`, 'id: "code/other-name"'));
    try {
      expect(await registrationProblems(rulesDir, registered)).toEqual([
        'src/rules/code/misnamed.ts defines "code/other-name", not the id its path names ("code/misnamed")',
        "code/no-alert is not registered in packages/rules/src/builtin.ts",
      ]);
    } finally {
      rmSync(path.join(rulesDir, "code/no-alert.ts"));
      rmSync(path.join(rulesDir, "code/misnamed.ts"));
    }
  });

  it("refuses an existing rule and writes nothing", () => {
    const before = readFileSync(path.join(dir, "packages/rules/src/builtin.ts"), "utf8");
    const page = path.join(dir, "docs/rules/real/no-placeholder.md");
    expect(existsSync(page)).toBe(false);
    const result = spawnSync(process.execPath, ["scripts/dev/create-rule.mjs", "real/no-placeholder"], { cwd: dir, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("already exists");
    expect(readFileSync(path.join(dir, "packages/rules/src/builtin.ts"), "utf8")).toBe(before);
    expect(existsSync(page), "no docs page written for the existing rule").toBe(false);
  });
});
