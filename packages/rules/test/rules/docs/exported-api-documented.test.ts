import { describe, expect, it } from "vitest";
import { runRule } from "../../helpers.js";

const ID = "docs/exported-api-documented";

describe(ID, () => {
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
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [1, "Exported function `a` has no doc comment."],
      [2, "Exported class `default` has no doc comment."],
      [3, "Exported class `B` has no doc comment."],
      [4, "Exported function `c` has no doc comment."],
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
    expect(findings.map((f) => f.message)).toEqual(["Exported function `c` has no doc comment."]);
  });

  it("applies to included library files only, and to interfaces and types when asked", async () => {
    const code = "export function a(): void { run(); }\nexport interface I { x: number }\nexport type T = string;\n";
    expect(await runRule(ID, { "scripts/a.ts": code })).toEqual([]);
    expect(await runRule(ID, { "src/a.test.ts": code })).toEqual([]);
    const withTypes = await runRule(ID, { "src/a.ts": code }, { kinds: ["interface", "type"] });
    expect(withTypes.map((f) => f.message)).toEqual(["Exported interface `I` has no doc comment.", "Exported type `T` has no doc comment."]);
  });

  it("rejects invalid options with the key path", async () => {
    await expect(runRule(ID, { "src/a.ts": "" }, { kinds: ["enum"] })).rejects.toThrow(/rules\["docs\/exported-api-documented"\] options\.kinds\.0/);
  });
});
