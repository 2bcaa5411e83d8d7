import { describe, expect, it } from "vitest";
import { runRule } from "../../helpers.js";

const ID = "logging/no-console";

describe(ID, () => {
  it("reports console calls in library code with the method name", async () => {
    const code = "export function f(): void {\n  console.log('x');\n  console.error('y');\n}\n";
    const findings = await runRule(ID, { "packages/a/src/f.ts": code });
    expect(findings.map((f) => [f.line, f.column, f.message])).toEqual([
      [2, 3, "`console.log` in library code."],
      [3, 3, "`console.error` in library code."],
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

  it("does not mistake a local variable for the global console", async () => {
    expect(await runRule(ID, { "src/a.ts": "const consoleLike = { log() { return 1; } };\nconsoleLike.log();\n" })).toEqual([]);
  });
});
