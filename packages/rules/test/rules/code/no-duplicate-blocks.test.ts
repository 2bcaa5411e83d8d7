import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "code/no-duplicate-blocks";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["src/invoice.ts", 2, "Lines 2–14 duplicate src/cart.ts:3–15 (114 tokens)."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 4 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("respects a larger minimum size", async () => {
    expect(await checkFixture(RULE, "bad", { minTokens: 200 })).toEqual([]);
  });

  it("keeps its fingerprint when the copy moves down the file", async () => {
    const [before] = await checkFixture(RULE, "bad");
    const [after] = await checkFixture(RULE, "bad-moved");
    expect(after?.line).toBeGreaterThan(before?.line ?? 0);
    expect(after?.fingerprint).toBe(before?.fingerprint);
  });
});
