import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "deps/lockfile";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["packages/app/package.json", 5, "packages/app/package.json: dependencies.zod is \"^4.2.0\" but the lockfile has \"^4.1.0\"."],
      ["packages/app/package.json", 6, "packages/app/package.json: dependencies.yaml is \"2.9.1\" but the lockfile has no entry for it."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 8 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("reports a repository without a lockfile", async () => {
    expect(summary(await checkFixture(RULE, "missing"))).toEqual([["package.json", 1, "No lockfile is committed (pnpm-lock.yaml)."]]);
  });
});
