import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "deps/pinned-ranges";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      ["package.json", 5, 1, "unbounded"],
      ["package.json", 6, 1, "unbounded"],
      ["package.json", 7, 1, "unbounded"],
      ["package.json", 8, 1, "unbounded"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 8 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
