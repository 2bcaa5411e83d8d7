import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "logging/no-console";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      // Beside the patch and restore of console.warn (not log calls), a call that is one.
      ["packages/sync/src/internal/quiet.ts", 4, 3, "console"],
      ["packages/sync/src/progress.js", 2, 3, "console"],
      ["packages/sync/src/sync.ts", 7, 3, "console"],
      ["packages/sync/src/sync.ts", 12, 7, "console"],
      ["packages/sync/src/sync.ts", 17, 3, "console"],
      ["packages/sync/src/sync.ts", 22, 3, "console"],
      ["packages/sync/src/sync.ts", 23, 3, "console"],
      ["packages/sync/src/sync.ts", 27, 3, "computed"],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 8 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports console calls in library code with the method name", async () => {
    const code = "export function f(): void {\n  console.log('x');\n  console.error('y');\n}\n";
    const findings = await runRule(ID, { "packages/a/src/f.ts": code });
    expect(locations(findings)).toEqual([
      ["packages/a/src/f.ts", 2, 3, "console"],
      ["packages/a/src/f.ts", 3, 3, "console"],
    ]);
  });

  it("allows console in tests, scripts, bins, examples, config files and allowed globs", async () => {
    const code = "console.log('x');\n";
    const files = {
      "src/a.test.ts": code,
      "scripts/build.mjs": code,
      "packages/cli/bin/run.js": code,
      "examples/demo/server.js": code,
      "vite.config.ts": code,
    };
    expect(await runRule(ID, files)).toEqual([]);
    expect(await runRule(ID, { "packages/cli/src/print.ts": code }, { allow: ["packages/cli/src/**"] })).toEqual([]);
  });

  it("reports computed access, destructuring and console reached through the global object", async () => {
    const code = [
      "export function f(level: 'info' | 'warn'): void {",
      "  console[level]('x');",
      "  console['log']('y');",
      "  const { warn, error: fail } = console;",
      "  warn('a'); fail('b');",
      "  globalThis.console.log('z');",
      "  window.console.debug('w');",
      "}",
    ].join("\n");
    const findings = await runRule(ID, { "packages/a/src/f.ts": code });
    expect(locations(findings)).toEqual([
      ["packages/a/src/f.ts", 2, 3, "computed"],
      ["packages/a/src/f.ts", 3, 3, "console"],
      ["packages/a/src/f.ts", 4, 11, "console"],
      ["packages/a/src/f.ts", 4, 17, "console"],
      ["packages/a/src/f.ts", 6, 3, "console"],
      ["packages/a/src/f.ts", 7, 3, "console"],
    ]);
  });

  it("does not count taking console methods (to patch, restore, bind or pass on) as logging", async () => {
    const code = [
      "const original = console.error;",
      "console.error = (...args: unknown[]) => original('[x]', ...args);",
      "export const sink = { log: console.log.bind(console), warn: console.warn };",
      "const { debug } = console;",
      "export const restore = (): void => { console.error = original; };",
      "export const viaCall = (): void => console.info.call(console, 'called');",
    ].join("\n");
    const findings = await runRule(ID, { "packages/a/src/patch.ts": code });
    expect(locations(findings)).toEqual([["packages/a/src/patch.ts", 6, 36, "console"]]);
  });

  it("allows console in apps, playgrounds, docs sites and CLI entry points", async () => {
    const code = "console.log('x');\n";
    const files = { "apps/web/src/route.ts": code, "packages/playground/src/main.ts": code, "docs/.vitepress/config.ts": code, "packages/openapi/src/cli.ts": code, "www/src/page.tsx": code };
    expect(await runRule(ID, files)).toEqual([]);
  });

  it("does not mistake a local variable for the global console", async () => {
    expect(await runRule(ID, { "src/a.ts": "const consoleLike = { log() { return 1; } };\nconsoleLike.log();\n" })).toEqual([]);
  });

  it("skips type-test files, which are only type-checked (vue's dts-test)", async () => {
    const code = "console.log(value.test);\n";
    const findings = await runRule(ID, { "packages/dts-test/watch.test-d.ts": code, "packages/a/src/watch.ts": code });
    expect(findings.map((f) => f.file)).toEqual(["packages/a/src/watch.ts"]);
  });
});
