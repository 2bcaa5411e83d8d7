import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "docker/healthcheck";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["Dockerfile", 1, "The image has no HEALTHCHECK, so nothing can tell a hung container from a healthy one."],
      ["Dockerfile.worker", 3, "HEALTHCHECK NONE switches the health check off."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 11 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
