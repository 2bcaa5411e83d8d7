import { describe, expect, it } from "vitest";
import { checkFixture, checkSharedFixture, summary } from "../../fixture-repo.js";

const RULE = "deps/no-phantom-dependencies";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["packages/app/src/index.ts", 3, "Import of \"chalk\", which packages/app/package.json does not declare."],
      ["packages/app/src/index.ts", 4, "Import of \"@babel/parser\", which packages/app/package.json does not declare."],
      ["packages/app/src/index.ts", 7, "Import of \"lodash\", which packages/app/package.json does not declare."],
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
    expect(summary(await checkFixture(RULE, "root-bad"))).toEqual([
      ["packages/core/src/run.ts", 1, 'Import of "vitest", which packages/core/package.json does not declare.'],
    ]);
  });

  it("takes path aliases (`~/`, `@/`) for what they are, not packages, on the real-shape monorepo", async () => {
    expect(await checkSharedFixture(RULE, "waste/unused-files", "monorepo-good")).toEqual([]);
  });
});
