import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "compose/ports";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["compose.yaml", 4, "Port 8080 is already published by compose.dev.yaml (web)."],
      ["compose.yaml", 4, "Service api publishes port 9090, which docs/ports.md does not list."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 11 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("asks for a registry when none exists", async () => {
    expect(summary(await checkFixture(RULE, "no-registry"))).toEqual([
      ["compose.yaml", 4, "Compose services publish ports but there is no port registry (docs/ports.md)."],
    ]);
  });
});
