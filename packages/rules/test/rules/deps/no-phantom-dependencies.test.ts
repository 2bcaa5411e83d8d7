import { describe, expect, it } from "vitest";
import { checkFixture, checkSharedFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "deps/no-phantom-dependencies";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      ["packages/app/src/index.ts", 3, 1, "phantom"],
      ["packages/app/src/index.ts", 4, 1, "phantom"],
      ["packages/app/src/index.ts", 7, 27, "phantom"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 1 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("lets tests, configs and scripts of a workspace package import the root's dependencies, and never reads fixtures", async () => {
    expect(await checkFixture(RULE, "root-good")).toEqual([]);
  });

  it("still reports library code importing a root devDependency", async () => {
    expect(locations(await checkFixture(RULE, "root-bad"))).toEqual([["packages/core/src/run.ts", 1, 1, "phantom"]]);
  });

  it("takes path aliases (`~/`, `@/`) for what they are, not packages, on the real-shape monorepo", async () => {
    expect(await checkSharedFixture(RULE, "waste/unused-files", "monorepo-good")).toEqual([]);
  });
});
