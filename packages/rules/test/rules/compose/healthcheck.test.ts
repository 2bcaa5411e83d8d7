import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "compose/healthcheck";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      ["compose.yaml", 2, 1, "missing"],
      ["compose.yaml", 6, 1, "disabled"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 11 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
