import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "docs/package-changelog";
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function workspace(): TempRepo {
  const r = gitRepo({
    "pnpm-workspace.yaml": "packages:\n  - packages/*\n  - '!packages/ignored'\n",
    "packages/a/package.json": '{ "name": "a" }',
    "packages/a/CHANGELOG.md": "# a\n",
    "packages/b/package.json": '{ "name": "b" }',
    "packages/b/src/index.ts": "export {};\n",
    "packages/ignored/package.json": '{ "name": "ignored" }',
  });
  repos.push(r);
  return r;
}

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      ["apps/web/package.json", 1, 1, "missing"],
      ["packages/auth/package.json", 1, 1, "missing"],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 18 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("checks configured directories of the fixture repository too", async () => {
    expect(locations(await checkFixture(ID, "bad", { directories: ["tools/release"] }))).toEqual([
      ["apps/web/package.json", 1, 1, "missing"],
      ["packages/auth/package.json", 1, 1, "missing"],
      ["tools/release/package.json", 1, 1, "missing"],
    ]);
    expect(await checkFixture(ID, "good", { directories: ["tools/release"] })).toEqual([]);
  });

  it("reports every workspace package without a CHANGELOG.md in a full check", async () => {
    const r = workspace();
    const { existsSync } = await import("node:fs");
    const findings = await runRule(ID, {}, undefined, { root: r.dir, mode: "full", exists: async (f) => existsSync(`${r.dir}/${f}`) });
    expect(locations(findings)).toEqual([["packages/b/package.json", 1, 1, "missing"]]);
  });

  it("looks only at packages with changed files in a partial check", async () => {
    const r = workspace();
    const manifestsOnly = async (f: string) => f.endsWith("/package.json");
    const none = await runRule(ID, { "packages/a/src/x.ts": "", "packages/ignored/x.ts": "", "other/x.ts": "" }, undefined, { root: r.dir, mode: "changes", exists: manifestsOnly });
    expect(none.map((f) => f.file)).toEqual(["packages/a/package.json"]);
    const onlyA = await runRule(ID, { "packages/a/src/x.ts": "" }, undefined, { root: r.dir, mode: "changes", exists: async () => true });
    expect(onlyA).toEqual([]);
  });

  it("supports npm/yarn workspaces and extra directories", async () => {
    const r = gitRepo({ "package.json": '{ "workspaces": ["apps/*"] }', "apps/web/package.json": "{}", "tools/x/a.sh": "" });
    repos.push(r);
    const findings = await runRule(ID, {}, { directories: ["tools/x"] }, { root: r.dir, mode: "full", exists: async () => false });
    expect(locations(findings)).toEqual([
      ["apps/web/package.json", 1, 1, "missing"],
      ["tools/x/package.json", 1, 1, "missing"],
    ]);
  });
});
