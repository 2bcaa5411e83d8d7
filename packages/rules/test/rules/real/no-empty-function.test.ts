import { describe, expect, it } from "vitest";
import { positions, runRule } from "../../helpers.js";
import { checkFixture, summary } from "../../fixture-repo.js";

const ID = "real/no-empty-function";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(summary(findings)).toEqual([
      // Beside the clean twin's returned, conditional and noop-named no-ops: an empty formatter named as the real one.
      ["packages/jobs/src/format.ts", 8, "Empty arrow function body: this function does nothing."],
      ["packages/jobs/src/queue.ts", 6, "Empty function body: this function does nothing."],
      ["packages/jobs/src/queue.ts", 8, "Empty arrow function body: this function does nothing."],
      ["packages/jobs/src/queue.ts", 10, "Empty function body: this function does nothing."],
      ["packages/jobs/src/queue.ts", 15, "Empty constructor body: this function does nothing."],
      ["packages/jobs/src/queue.ts", 17, "Empty method body: this function does nothing."],
      ["packages/jobs/src/queue.ts", 23, "Empty accessor body: this function does nothing."],
      ["packages/jobs/src/worker.js", 2, "Empty arrow function body: this function does nothing."],
      ["packages/jobs/src/worker.js", 6, "Empty method body: this function does nothing."],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 1 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports empty functions, arrows, methods, accessors and constructors", async () => {
    const code = [
      "export function a(): void {}",
      "export const b = () => {};",
      "export const c = function () {};",
      "export class D {",
      "  constructor() {}",
      "  m(): void {}",
      "  get x(): number { return 1; }",
      "  set x(v: number) {}",
      "}",
    ].join("\n");
    const findings = await runRule(ID, { "src/a.ts": code });
    expect(positions(findings)).toEqual([
      [ID, 1, 17],
      [ID, 2, 24],
      [ID, 3, 30],
      [ID, 5, 17],
      [ID, 6, 3],
      [ID, 8, 7],
    ]);
    expect(findings[0]?.message).toBe("Empty function body: this function does nothing.");
    expect(findings[3]?.message).toBe("Empty constructor body: this function does nothing.");
  });

  it("allows bodies with a comment, parameter properties, private constructors, overrides and signatures", async () => {
    const code = [
      "export function noop(): void {",
      "  // nothing to release",
      "}",
      "export class A extends Base {",
      "  constructor(private readonly db: string) { super(); }",
      "}",
      "export class B { constructor(readonly x: number) {} }",
      "export class C { private constructor() {} }",
      "export class E extends Base { override hook(): void {} }",
      "export abstract class F { abstract run(): void; }",
      "export function over(a: string): void;",
      "export function over(a: unknown): void { use(a); }",
    ].join("\n");
    expect(await runRule(ID, { "src/a.ts": code })).toEqual([]);
  });

  it("ignores test files unless ignoreTests is false", async () => {
    const files = { "src/a.test.ts": "const mock = () => {};\n" };
    expect(await runRule(ID, files)).toEqual([]);
    expect(await runRule(ID, files, { ignoreTests: false })).toHaveLength(1);
  });
});
