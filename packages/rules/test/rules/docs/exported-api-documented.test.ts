import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "docs/exported-api-documented";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      ["packages/geo/src/distance.ts", 9, 17, "missing"],
      ["packages/geo/src/distance.ts", 16, 14, "missing"],
      ["packages/geo/src/distance.ts", 18, 14, "missing"],
      ["packages/geo/src/distance.ts", 23, 14, "missing"],
      ["packages/geo/src/distance.ts", 32, 25, "missing"],
      ["packages/geo/src/format.js", 1, 17, "missing"],
      ["packages/geo/src/format.js", 5, 10, "missing"],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 8 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports undocumented exported functions, classes and function constants", async () => {
    const code = [
      "export function a(): void { run(); }",
      "export default class { run(): void { go(); } }",
      "export class B {}",
      "export const c = (): number => 1, d = 2;",
      "function internal(): void { run(); }",
      "export interface E { x: number }",
    ].join("\n");
    const findings = await runRule(ID, { "packages/x/src/a.ts": code });
    expect(locations(findings)).toEqual([
      ["packages/x/src/a.ts", 1, 17, "missing"],
      ["packages/x/src/a.ts", 2, 1, "missing"],
      ["packages/x/src/a.ts", 3, 14, "missing"],
      ["packages/x/src/a.ts", 4, 14, "missing"],
    ]);
  });

  it("accepts JSDoc comments, documents overloads once and ignores plain comments as docs", async () => {
    const code = [
      "/** Does a. */",
      "export function a(x: string): void;",
      "export function a(x: unknown): void { use(x); }",
      "/**",
      " * B.",
      " */",
      "export class B {}",
      "// not a doc comment",
      "export function c(): void { run(); }",
    ].join("\n");
    const findings = await runRule(ID, { "src/a.ts": code });
    expect(locations(findings)).toEqual([["src/a.ts", 9, 17, "missing"]]);
  });

  it("reports local declarations exported by an export list or export default, at the declaration", async () => {
    const code = [
      "function a(): void { run(); }",
      "class B {}",
      "const c = (): number => 1;",
      "const d = 2;",
      "/** Documented. */",
      "function e(): void { run(); }",
      "function f(): void { run(); }",
      "export { a, B as Bee, c, d, e };",
      "export default f;",
      "export { g } from './g.js';",
      "export { a as again };",
    ].join("\n");
    const findings = await runRule(ID, { "src/a.ts": code });
    expect(locations(findings)).toEqual([
      ["src/a.ts", 1, 10, "missing"],
      ["src/a.ts", 2, 7, "missing"],
      ["src/a.ts", 3, 7, "missing"],
      ["src/a.ts", 7, 10, "missing"],
    ]);
  });

  it("resolves export lists to interfaces and types when asked, and documents overloads once", async () => {
    const code = [
      "interface I { x: number }",
      "type T = string;",
      "/** Documented. */",
      "function o(x: string): void;",
      "function o(x: unknown): void { use(x); }",
      "export { type I, type T, o };",
    ].join("\n");
    const findings = await runRule(ID, { "src/a.ts": code }, { kinds: ["function", "interface", "type"] });
    expect(locations(findings)).toEqual([
      ["src/a.ts", 1, 11, "missing"],
      ["src/a.ts", 2, 6, "missing"],
    ]);
  });

  it("applies to included library files only, and to interfaces and types when asked", async () => {
    const code = "export function a(): void { run(); }\nexport interface I { x: number }\nexport type T = string;\n";
    expect(await runRule(ID, { "scripts/a.ts": code })).toEqual([]);
    expect(await runRule(ID, { "src/a.test.ts": code })).toEqual([]);
    const withTypes = await runRule(ID, { "src/a.ts": code }, { kinds: ["interface", "type"] });
    expect(locations(withTypes)).toEqual([
      ["src/a.ts", 2, 18, "missing"],
      ["src/a.ts", 3, 13, "missing"],
    ]);
  });

  it("rejects invalid options with the key path", async () => {
    await expect(runRule(ID, { "src/a.ts": "" }, { kinds: ["enum"] })).rejects.toThrow(/rules\["docs\/exported-api-documented"\] options\.kinds\.0/);
  });
});
