import { describe, expect, it } from "vitest";
import { checkFixture, summary } from "../../fixture-repo.js";

const RULE = "docker/no-secret-env";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["Dockerfile", 2, "ARG NPM_TOKEN looks like a secret; it is stored in the image layers and `docker history`."],
      ["Dockerfile", 3, "ENV DB_PASSWORD looks like a secret; it is stored in the image layers and `docker history`."],
      ["Dockerfile", 5, "ENV GITHUB_TOKEN looks like a secret; it is stored in the image layers and `docker history`."],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 11 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });
});
