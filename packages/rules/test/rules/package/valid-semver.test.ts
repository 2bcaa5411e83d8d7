import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "package/valid-semver";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      ["package.json", 4, 1, "invalid"],
      ["packages/a/package.json", 3, 1, "invalid"],
      ["packages/b/package.json", 3, 1, "notString"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 5 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
