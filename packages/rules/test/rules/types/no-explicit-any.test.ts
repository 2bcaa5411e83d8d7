import { describe, expect, it } from "vitest";
import { positions, runRule } from "../../helpers.js";
import { checkFixture, summary } from "../../fixture-repo.js";

const ID = "types/no-explicit-any";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(summary(findings)).toEqual([
      ["packages/events/src/bus.ts", 1, "Explicit `any` disables type checking here."],
      ["packages/events/src/bus.ts", 3, "Explicit `any` disables type checking here."],
      ["packages/events/src/bus.ts", 14, "Explicit `any` disables type checking here."],
      ["packages/events/src/bus.ts", 15, "Explicit `any` disables type checking here."],
      ["packages/events/src/bus.ts", 19, "Explicit `any` disables type checking here."],
      ["packages/events/src/bus.ts", 23, "Explicit `any` disables type checking here."],
      ["packages/events/src/bus.ts", 24, "Explicit `any` disables type checking here."],
      // Beside the generator's routeTree.gen.ts (left to its generator): the same code written by hand.
      ["packages/events/src/routes.ts", 7, "Explicit `any` disables type checking here."],
      ["packages/events/test/bus.spec.ts", 5, "Explicit `any` disables type checking here."],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 8 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports every explicit any", async () => {
    const code = ["export function f(a: any): Promise<any> {", "  return a as any;", "}", "const many: any[] = [];"].join("\n");
    expect(positions(await runRule(ID, { "src/a.ts": code }))).toEqual([
      [ID, 1, 22],
      [ID, 1, 36],
      [ID, 2, 15],
      [ID, 4, 13],
    ]);
  });

  it("ignores the word in names, strings and JavaScript files", async () => {
    const code = "const anyValue: unknown = 'any';\nexport const company = anyValue;\n";
    expect(await runRule(ID, { "src/a.ts": code, "src/b.js": "/** @type {any} */ const x = 1;" })).toEqual([]);
  });

  it("can be relaxed for tests", async () => {
    const files = { "src/a.test.ts": "const x: any = 1;" };
    expect(await runRule(ID, files)).toHaveLength(1);
    expect(await runRule(ID, files, { ignoreTests: true })).toEqual([]);
  });
});
