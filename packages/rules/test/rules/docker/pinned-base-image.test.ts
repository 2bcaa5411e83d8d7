import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "docker/pinned-base-image";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["Dockerfile", 1, "Base image node has no tag, so it means :latest."],
      ["Dockerfile", 4, "Base image nginx:latest uses the moving tag :latest."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 11 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("requires digests when asked to", async () => {
    const findings = await checkFixture(RULE, "good", { requireDigest: true });
    expect(summary(findings)).toEqual([
      ["Dockerfile", 2, "Base image node:20.19-bookworm-slim is not pinned by digest."],
      ["services/api/Dockerfile.prod", 2, "Base image node:20.19-bookworm-slim is not pinned by digest."],
    ]);
  });
});
