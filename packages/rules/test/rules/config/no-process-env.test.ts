import { describe, expect, it } from "vitest";
import { runRule } from "../../helpers.js";

const ID = "config/no-process-env";

describe(ID, () => {
  it("reports process.env reads outside config modules", async () => {
    const code = "export const a = process.env.A;\nexport const b = process['env'].B;\nconst { C } = process.env;\n";
    const findings = await runRule(ID, { "src/db.ts": code });
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [1, 18],
      [2, 18],
      [3, 15],
    ]);
  });

  it("allows config and env modules, tests and scripts, and configured globs", async () => {
    const code = "export const a = process.env.A;\n";
    const files = {
      "src/config.ts": code,
      "src/config/index.ts": code,
      "src/env.ts": code,
      "vitest.config.ts": code,
      "test/setup.ts": code,
      "scripts/release.mjs": code,
    };
    expect(await runRule(ID, files)).toEqual([]);
    expect(await runRule(ID, { "src/settings.ts": code }, { modules: ["src/settings.ts"] })).toEqual([]);
  });

  it("ignores other objects' env properties", async () => {
    expect(await runRule(ID, { "src/a.ts": "export const e = options.env;\n" })).toEqual([]);
  });
});
