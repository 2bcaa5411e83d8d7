import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "commits/conventional";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["commit:111111111111", 1, "Commit 111111111111 \"Fixed the thing\" is not \"type(scope): subject\"."],
      ["commit:222222222222", 1, "Commit 222222222222 uses type \"feature\", which is not one of: build, chore, ci, docs, feat, fix, perf, refactor, revert, style, test."],
      ["commit:333333333333", 1, "Commit 333333333333 has no blank line between its subject and body."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 19 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
