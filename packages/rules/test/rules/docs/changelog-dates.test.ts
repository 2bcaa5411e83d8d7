import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "docs/changelog-dates";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["CHANGELOG.md", 3, "Date \"03/05/2026\" is not ISO-8601."],
      ["CHANGELOG.md", 7, "Date \"March 3, 2026\" is not ISO-8601."],
      ["CHANGELOG.md", 9, "Timestamp \"2026-03-01T10:00:00+02:00\" is not in UTC."],
      ["CHANGELOG.md", 11, "Date \"2026-3-1\" is not ISO-8601."],
      ["packages/a/CHANGELOG.md", 3, "Date \"2026/01/15\" is not ISO-8601."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 15 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
