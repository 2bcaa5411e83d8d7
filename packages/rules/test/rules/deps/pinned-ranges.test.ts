import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations, runRule } from "../../helpers.js";

const RULE = "deps/pinned-ranges";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      ["package.json", 5, 1, "unbounded"],
      ["package.json", 6, 1, "unbounded"],
      ["package.json", 7, 1, "unbounded"],
      ["package.json", 8, 1, "unbounded"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 8 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it('takes "*" for a workspace package as the workspace link it is (npm, yarn classic), and still reports "*" for a registry package', async () => {
    const files = {
      "package.json": '{ "private": true, "workspaces": ["packages/*", "examples/*"] }\n',
      "packages/lib/package.json": '{ "name": "@demo/lib", "version": "1.0.0" }\n',
      "examples/web/package.json": '{\n  "name": "web",\n  "dependencies": {\n    "@demo/lib": "*",\n    "zod": "*"\n  }\n}\n',
    };
    expect(locations(await runRule(RULE, files, undefined, { mode: "full" }))).toEqual([["examples/web/package.json", 5, 1, "unbounded"]]);
  });

  it("leaves a project template's package.json alone (vue's playground download template), and still reports the repository's own", async () => {
    const latest = '{\n  "name": "x",\n  "dependencies": {\n    "vue": "latest"\n  }\n}\n';
    const files = { "src/download/template/package.json": latest, "packages/app/package.json": latest };
    expect(locations(await runRule(RULE, files, undefined, { mode: "full" }))).toEqual([["packages/app/package.json", 4, 1, "unbounded"]]);
  });
});
