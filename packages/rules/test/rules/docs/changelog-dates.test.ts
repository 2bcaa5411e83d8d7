import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "docs/changelog-dates";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      ["CHANGELOG.md", 3, 12, "notIso"],
      ["CHANGELOG.md", 7, 12, "notIso"],
      ["CHANGELOG.md", 9, 12, "notUtc"],
      ["CHANGELOG.md", 11, 12, "notIso"],
      ["packages/a/CHANGELOG.md", 3, 11, "notIso"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 15 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
