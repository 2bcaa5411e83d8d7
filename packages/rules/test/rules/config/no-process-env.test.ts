import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "config/no-process-env";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      // Beside the NODE_ENV build switch of the package entry (the clean twin's), a real setting read there.
      ["packages/server/index.cjs", 3, 46, "env"],
      ["packages/server/src/db.ts", 4, 15, "env"],
      ["packages/server/src/db.ts", 5, 23, "env"],
      ["packages/server/src/db.ts", 10, 10, "env"],
      ["packages/server/src/http.js", 1, 28, "env"],
      ["packages/server/src/http.js", 2, 25, "env"],
      ["packages/server/src/mailer.ts", 4, 10, "env"],
      ["packages/server/src/pool.ts", 6, 22, "env"],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 8 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports process.env reads outside config modules", async () => {
    const code = "export const a = process.env.A;\nexport const b = process['env'].B;\nconst { C } = process.env;\n";
    const findings = await runRule(ID, { "src/db.ts": code });
    expect(locations(findings)).toEqual([
      ["src/db.ts", 1, 18, "env"],
      ["src/db.ts", 2, 18, "env"],
      ["src/db.ts", 3, 15, "env"],
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

  it("reports env read through imports of the process module", async () => {
    const files = {
      "src/a.ts": 'import { env } from "node:process";\nexport const a = env.A;\n',
      "src/b.ts": 'import { env as e } from "process";\nexport const b = { ...e };\n',
      "src/c.ts": 'import proc from "node:process";\nexport const c = proc.env.C;\n',
      "src/d.ts": 'import * as p from "process";\nexport const d = p["env"].D;\n',
      "src/e.js": 'const { env } = require("node:process");\nexport const e = globalThis.process.env.E;\n',
    };
    const findings = await runRule(ID, files);
    expect(locations(findings)).toEqual([
      ["src/a.ts", 2, 18, "env"],
      ["src/b.ts", 2, 23, "env"],
      ["src/c.ts", 2, 18, "env"],
      ["src/d.ts", 2, 18, "env"],
      ["src/e.js", 1, 9, "env"],
      ["src/e.js", 2, 18, "env"],
    ]);
  });

  it("ignores a local that shadows an imported env, and other modules' env", async () => {
    const code = [
      'import { env } from "node:process";',
      'import { env as settings } from "./settings.js";',
      "export function f(env: Record<string, string>): string | undefined {",
      "  return env.A ?? settings.B;",
      "}",
      "export const g = (o: { env: string }) => o.env;",
      "",
    ].join("\n");
    expect(await runRule(ID, { "src/a.ts": code })).toEqual([]);
  });

  it("ignores other objects' env properties", async () => {
    expect(await runRule(ID, { "src/a.ts": "export const e = options.env;\n" })).toEqual([]);
  });

  it("allows setting and removing variables, and still reports the read beside them (jest's watchman socket)", async () => {
    const code = "const previous = process.env.SOCK;\nprocess.env.SOCK = '/tmp/s';\ndelete process.env.SOCK;\nprocess.env['SOCK'] = previous;\n";
    expect(locations(await runRule(ID, { "src/watch.ts": code }))).toEqual([["src/watch.ts", 1, 18, "env"]]);
  });

  it("allows the whole environment handed on to a child process or a sandbox, and still reports a copy kept to read from (jest, kit)", async () => {
    const code = [
      "spawn('hg', [], { env: { ...process.env, HGPLAIN: '1' } });",
      "Object.assign(proxy, process.env);",
      "await server.init({ env: process.env });",
      "const env = process.env;",
    ].join("\n");
    expect(locations(await runRule(ID, { "src/run.ts": code }))).toEqual([["src/run.ts", 4, 13, "env"]]);
  });
});
