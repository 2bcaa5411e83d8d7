import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "waste/unused-dependencies";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["packages/lib/package.json", 16, "dependencies.lodash is declared but never used by packages/lib."],
      ["packages/lib/package.json", 21, "devDependencies.@types/lodash is declared but never used by packages/lib."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 13 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
