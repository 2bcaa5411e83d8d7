import { describe, expect, it } from "vitest";
import { checkFixture, checkSharedFixture } from "../../fixture-repo.js";
import { locations, runRule } from "../../helpers.js";

const RULE = "waste/unused-exports";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(locations(findings)).toEqual([
      ["packages/app/src/greet.ts", 5, 17, "unused"],
      ["packages/app/src/greet.ts", 9, 14, "unused"],
    ]);
    expect(findings.every((f) => f.ruleId === RULE && f.rule?.startsWith("Rule 13 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(RULE, "good")).toEqual([]);
  });

  it("counts the public API of packages whose exports point into build output, and stays clean on the real-shape monorepo", async () => {
    expect(await checkSharedFixture(RULE, "waste/unused-files", "monorepo-good")).toEqual([]);
  });

  it("reports the unused export beside them", async () => {
    expect(locations(await checkSharedFixture(RULE, "waste/unused-files", "monorepo-bad"))).toEqual([["packages/web/src/lib/title.ts", 5, 17, "unused"]]);
  });

  it("counts imports from a file judged unused: the export is not unused because its importer is", async () => {
    const files = {
      "package.json": JSON.stringify({ name: "app", main: "src/main.ts" }),
      "src/main.ts": 'import { used } from "./lib.js";\n\nused();\n',
      "src/lib.ts": "export function used(): void {}\n\nexport function onlyOld(): void {}\n",
      "src/old.ts": 'import { onlyOld } from "./lib.js";\n\nonlyOld();\n',
    };
    expect(await runRule(RULE, files, undefined, { mode: "full" })).toEqual([]);
  });
});
