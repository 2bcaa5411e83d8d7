import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { runRule } from "../../helpers.js";
import { checkFixture, summary } from "../../fixture-repo.js";

const ID = "docs/package-readme";
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(summary(findings)).toEqual([
      // The same private client as the clean twin's, but no README above it documents it.
      ["apps/demo/client/package.json", 1, "Package apps/demo/client has no README.md."],
      ["apps/web/package.json", 1, "Package apps/web has no README.md."],
      ["packages/billing/package.json", 1, "Package packages/billing has no README.md."],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 6 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("checks configured directories of the fixture repository too", async () => {
    expect(summary(await checkFixture(ID, "bad", { directories: ["tools/release"] }))).toEqual([
      // The same private client as the clean twin's, but no README above it documents it.
      ["apps/demo/client/package.json", 1, "Package apps/demo/client has no README.md."],
      ["apps/web/package.json", 1, "Package apps/web has no README.md."],
      ["packages/billing/package.json", 1, "Package packages/billing has no README.md."],
      ["tools/release/package.json", 1, "Package tools/release has no README.md."],
    ]);
    expect(await checkFixture(ID, "good", { directories: ["tools/release"] })).toEqual([]);
  });

  it("reports packages without a README.md, using the given existence check", async () => {
    const r = gitRepo({ "pnpm-workspace.yaml": "packages: [libs/*]\n", "libs/a/package.json": "{}", "libs/b/package.json": "{}" });
    repos.push(r);
    const findings = await runRule(ID, {}, undefined, { root: r.dir, mode: "full", exists: async (f) => f === "libs/a/README.md" });
    expect(findings.map((f) => [f.file, f.line, f.message])).toEqual([["libs/b/package.json", 1, "Package libs/b has no README.md."]]);
  });

  it("reports nothing outside a workspace", async () => {
    const r = gitRepo({ "package.json": "{}" });
    repos.push(r);
    expect(await runRule(ID, {}, undefined, { root: r.dir, mode: "full", exists: async () => false })).toEqual([]);
  });
});
