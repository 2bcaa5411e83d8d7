import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "scripts/shellcheck";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([["scripts/ci/quote.sh", 4, 10, "finding"]]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 7 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("says so when shellcheck is not installed instead of passing silently", async () => {
    const findings = await checkFixture(RULE, "good", { command: "shellcheck-is-not-installed" });
    expect(locations(findings)).toEqual([["scripts/ci/quote.sh", 1, 1, "missing"]]);
    expect(await checkFixture(RULE, "good", { command: "shellcheck-is-not-installed", whenMissing: "skip" })).toEqual([]);
  });
});
