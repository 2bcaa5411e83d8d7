import { describe, expect, it } from "vitest";
import { checkFixture, checkSharedFixture, summary } from "../../fixture-repo.js";
import { runRule } from "../../helpers.js";

const RULE = "waste/unused-exports";

describe(RULE, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(RULE, "bad");
    expect(summary(findings)).toEqual([
      ["packages/app/src/greet.ts", 5, "Export farewell is not imported anywhere."],
      ["packages/app/src/greet.ts", 9, "Export VERSION is not imported anywhere."],
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
    expect(summary(await checkSharedFixture(RULE, "waste/unused-files", "monorepo-bad"))).toEqual([
      ["packages/web/src/lib/title.ts", 5, "Export legacyTitle is not imported anywhere."],
    ]);
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
