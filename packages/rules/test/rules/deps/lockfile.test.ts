import { describe, expect, it } from "vitest";
import { checkFixture } from "../../fixture-repo.js";
import { locations } from "../../helpers.js";

const RULE = "deps/lockfile";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      ["packages/app/package.json", 5, 1, "stale"],
      ["packages/app/package.json", 6, 1, "stale"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 8 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("reports a repository without a lockfile", async () => {
    expect(locations(await checkFixture(RULE, "missing"))).toEqual([["package.json", 1, 1, "missing"]]);
  });
});
