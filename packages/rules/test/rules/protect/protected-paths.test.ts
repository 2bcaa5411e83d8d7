import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "protect/protected-paths";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      [".mcp.json", 1, "Commit 444444444444 changes the protected path .mcp.json without an Authorized-by trailer."],
      ["mcp/servers.json", 1, "Commit 555555555555 changes the protected path mcp/servers.json without an Authorized-by trailer."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 20 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
