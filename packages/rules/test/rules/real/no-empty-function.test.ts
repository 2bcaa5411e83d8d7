import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "real/no-empty-function";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      // Beside the clean twin's returned, conditional and noop-named no-ops: an empty formatter named as the real one.
      ["packages/jobs/src/format.ts", 8, 45, "empty"],
      ["packages/jobs/src/queue.ts", 6, 17, "empty"],
      ["packages/jobs/src/queue.ts", 8, 49, "empty"],
      ["packages/jobs/src/queue.ts", 10, 54, "empty"],
      ["packages/jobs/src/queue.ts", 15, 17, "empty"],
      ["packages/jobs/src/queue.ts", 17, 3, "empty"],
      ["packages/jobs/src/queue.ts", 23, 7, "empty"],
      ["packages/jobs/src/worker.js", 2, 25, "empty"],
      ["packages/jobs/src/worker.js", 6, 3, "empty"],
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
    expect(locations(findings)).toEqual([
      ["src/a.ts", 1, 17, "empty"],
      ["src/a.ts", 2, 24, "empty"],
      ["src/a.ts", 3, 30, "empty"],
      ["src/a.ts", 5, 17, "empty"],
      ["src/a.ts", 6, 3, "empty"],
      ["src/a.ts", 8, 7, "empty"],
    ]);
    // One messageId; the message names the kind of function found.
    expect(findings.map((f) => /^Empty (\w+)/.exec(f.message)?.[1])).toEqual(["function", "arrow", "function", "constructor", "method", "accessor"]);
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

  it("allows a typed class field's no-op default, and still reports an untyped field's empty arrow", async () => {
    const code = [
      "export class Wizard {",
      "  setStep: (step: number) => void = () => {};",
      "  handle = () => {};",
      "}",
    ].join("\n");
    expect(locations(await runRule(ID, { "src/a.ts": code }))).toEqual([["src/a.ts", 3, 18, "empty"]]);
  });

  it("skips type-test folders (tstyche's __typetests__ in jest-worker)", async () => {
    const code = "export function runTest(a: string): void {}\n";
    const findings = await runRule(ID, { "packages/worker/__typetests__/testWorker.ts": code, "packages/worker/src/testWorker.ts": code });
    expect(findings.map((f) => f.file)).toEqual(["packages/worker/src/testWorker.ts"]);
  });

  it("ignores test files unless ignoreTests is false", async () => {
    const files = { "src/a.test.ts": "const mock = () => {};\n" };
    expect(await runRule(ID, files)).toEqual([]);
    expect(await runRule(ID, files, { ignoreTests: false })).toHaveLength(1);
  });

  it("allows no-ops the author acknowledged, a let's starting value and silenced mocks, not a swallowed rejection (vue, jest, kit)", async () => {
    const code = [
      "export class BaseWatchPlugin {",
      "  // eslint-disable-next-line @typescript-eslint/no-empty-function",
      "  apply(): void {}",
      "}",
      "compile(src, {",
      "  // ignore errors since they were already reported by the parser",
      "  onError: () => {},",
      "});",
      "export let notifyVersion = () => {};",
      "promise.catch(() => {});",
      "spy.mockImplementation(() => {});",
      "const emptyRender = () => {};",
      "export const stub = () => {};",
      "run({ done: () => {} });",
    ].join("\n");
    // A swallowed rejection, a const with no word of intent and a callback of an ordinary call are still stubs.
    expect(locations(await runRule(ID, { "src/a.ts": code }))).toEqual([
      ["src/a.ts", 10, 21, "empty"],
      ["src/a.ts", 13, 27, "empty"],
      ["src/a.ts", 14, 19, "empty"],
    ]);
  });

  it("allows a base class's hooks and a method an options object hands to a constructor (jest's BaseReporter, vue's Readable)", async () => {
    const code = [
      "export class BaseReporter {",
      "  onRunStart(): void {}",
      "}",
      "export const stream = new Readable({ read() {} });",
      "export class Reporter {",
      "  onRunStart(): void {}",
      "}",
      "export const options = configure({ read() {} });",
    ].join("\n");
    expect(locations(await runRule(ID, { "src/a.ts": code }))).toEqual([
      ["src/a.ts", 6, 3, "empty"],
      ["src/a.ts", 8, 36, "empty"],
    ]);
  });
});
