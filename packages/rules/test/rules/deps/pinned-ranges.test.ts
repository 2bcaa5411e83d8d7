import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "deps/pinned-ranges";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["package.json", 5, "dependencies.zod is \"*\" (any version)."],
      ["package.json", 6, "dependencies.react is the dist-tag \"latest\" (moves without notice)."],
      ["package.json", 7, "dependencies.lodash is \">=4.0.0\" (no upper bound)."],
      ["package.json", 8, "dependencies.left-pad is a git or URL dependency not pinned to a commit."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 8 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
