import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { runRule } from "../../helpers.js";

const ID = "docs/package-readme";
const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe(ID, () => {
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
