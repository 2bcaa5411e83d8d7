import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "docs/package-readme";
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      // The same private client as the clean twin's, but no README above it documents it.
      ["apps/demo/client/package.json", 1, 1, "missing"],
      ["apps/web/package.json", 1, 1, "missing"],
      ["packages/billing/package.json", 1, 1, "missing"],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 6 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("checks configured directories of the fixture repository too", async () => {
    expect(locations(await checkFixture(ID, "bad", { directories: ["tools/release"] }))).toEqual([
      // The same private client as the clean twin's, but no README above it documents it.
      ["apps/demo/client/package.json", 1, 1, "missing"],
      ["apps/web/package.json", 1, 1, "missing"],
      ["packages/billing/package.json", 1, 1, "missing"],
      ["tools/release/package.json", 1, 1, "missing"],
    ]);
    expect(await checkFixture(ID, "good", { directories: ["tools/release"] })).toEqual([]);
  });

  it("reports packages without a README.md, using the given existence check", async () => {
    const r = gitRepo({ "pnpm-workspace.yaml": "packages: [libs/*]\n", "libs/a/package.json": "{}", "libs/b/package.json": "{}" });
    repos.push(r);
    const findings = await runRule(ID, {}, undefined, { root: r.dir, mode: "full", exists: async (f) => f === "libs/a/README.md" });
    expect(locations(findings)).toEqual([["libs/b/package.json", 1, 1, "missing"]]);
  });

  it("reports nothing outside a workspace", async () => {
    const r = gitRepo({ "package.json": "{}" });
    repos.push(r);
    expect(await runRule(ID, {}, undefined, { root: r.dir, mode: "full", exists: async () => false })).toEqual([]);
  });
});
