import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "types/no-explicit-any";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      // Beside the generator's routeTree.gen.ts (left to its generator): the same code written by hand.
      ["packages/events/src/bus.ts", 1, 33, "any"],
      ["packages/events/src/bus.ts", 3, 22, "any"],
      ["packages/events/src/bus.ts", 14, 30, "any"],
      ["packages/events/src/bus.ts", 15, 49, "any"],
      ["packages/events/src/bus.ts", 19, 62, "any"],
      ["packages/events/src/bus.ts", 23, 65, "any"],
      ["packages/events/src/bus.ts", 24, 18, "any"],
      ["packages/events/src/routes.ts", 7, 43, "any"],
      ["packages/events/test/bus.spec.ts", 5, 15, "any"],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 8 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports every explicit any", async () => {
    const code = ["export function f(a: any): Promise<any> {", "  return a as any;", "}", "const many: any[] = [];"].join("\n");
    expect(locations(await runRule(ID, { "src/a.ts": code }))).toEqual([
      ["src/a.ts", 1, 22, "any"],
      ["src/a.ts", 1, 36, "any"],
      ["src/a.ts", 2, 15, "any"],
      ["src/a.ts", 4, 13, "any"],
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
