import { describe, expect, it } from "vitest";
import { runRule } from "../../helpers.js";
import { checkFixture, summary } from "../../fixture-repo.js";

const ID = "real/no-skipped-tests";
const file = "test/cart.test.ts";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(summary(findings)).toEqual([
      ["packages/cart/e2e/smoke.spec.ts", 3, "Test \"computes a total\" makes no assertion: it passes whatever the code does."],
      ["packages/cart/test/cart.spec.ts", 11, "Skipped test (it.skip): it never runs, so it proves nothing."],
      ["packages/cart/test/cart.spec.ts", 15, "Placeholder test (it.todo) with no implementation."],
      ["packages/cart/test/cart.spec.ts", 17, "Test \"handles an empty cart\" makes no assertion: it passes whatever the code does."],
      ["packages/cart/test/cart.spec.ts", 21, "Placeholder test (test) with no implementation."],
      ["packages/cart/test/cart.spec.ts", 24, "Focused test (describe.only) silently disables every other test in the file."],
      ["packages/cart/test/cart.spec.ts", 29, "Skipped test (xit): it never runs, so it proves nothing."],
      ["packages/cart/test/cart.spec.ts", 35, "Test \"checks out the cart\" makes no assertion: it passes whatever the code does."],
      ["packages/cart/test/cart.spec.ts", 39, "Test \"charges the total of the lines\" makes no assertion: it passes whatever the code does."],
      ["packages/cart/test/cart.spec.ts", 45, "Skipped test (describe.skip): it never runs, so it proves nothing."],
      ["packages/cart/test/compact.test.js", 4, "Focused test (it.only) silently disables every other test in the file."],
      ["packages/cart/test/compact.test.js", 8, "Test \"drops quantity %i\" makes no assertion: it passes whatever the code does."],
      // Beside the clean twin's helpers that assert (local, imported, page objects, rule testers, type tests): helpers that do not.
      ["packages/cart/test/helpers.spec.ts", 10, "Test \"fills the cart through a local helper\" makes no assertion: it passes whatever the code does."],
      ["packages/cart/test/helpers.spec.ts", 14, "Test \"adds a line\" makes no assertion: it passes whatever the code does."],
    ]);
    expect(findings.every((f) => f.ruleId === ID && f.rule?.startsWith("Rule 1 — ") === true)).toBe(true);
  });

  it("reports nothing on the clean twin", async () => {
    expect(await checkFixture(ID, "good")).toEqual([]);
  });

  it("reports skipped, todo and focused tests and suites", async () => {
    const code = [
      "it.skip('a', () => { expect(1).toBe(1); });",
      "test.todo('b');",
      "describe.only('c', () => {});",
      "xit('d', () => { expect(1).toBe(1); });",
      "it.concurrent.skip('e', () => { expect(1).toBe(1); });",
      "it('f');",
      "fdescribe('g', () => {});",
    ].join("\n");
    const findings = await runRule(ID, { [file]: code });
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [1, "Skipped test (it.skip): it never runs, so it proves nothing."],
      [2, "Placeholder test (test.todo) with no implementation."],
      [3, "Focused test (describe.only) silently disables every other test in the file."],
      [4, "Skipped test (xit): it never runs, so it proves nothing."],
      [5, "Skipped test (it.concurrent.skip): it never runs, so it proves nothing."],
      [6, "Placeholder test (it) with no implementation."],
      [7, "Focused test (fdescribe) silently disables every other test in the file."],
    ]);
  });

  it("reports tests without an assertion", async () => {
    const code = ["test('adds', () => {", "  add(1, 2);", "});", "it.each([1])('runs %i', (n) => { run(n); });"].join("\n");
    const findings = await runRule(ID, { [file]: code });
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [1, 'Test "adds" makes no assertion: it passes whatever the code does.'],
      [4, 'Test "runs %i" makes no assertion: it passes whatever the code does.'],
    ]);
  });

  it("accepts tests that assert in any common style", async () => {
    const code = [
      "it('a', () => { expect(add(1, 2)).toBe(3); });",
      "it('b', async () => { await expect(p).rejects.toThrow(); });",
      "test('c', () => { assert.equal(add(1, 2), 3); });",
      "test('d', (t) => { t.assert.ok(true); });",
      "it('e', ({ expect }) => { expect(1).toBe(1); });",
      "it('f', () => { checkInvariants(state); });",
      "it.skipIf(process.platform === 'win32')('g', () => { expect(1).toBe(1); });",
    ].join("\n");
    expect(await runRule(ID, { [file]: code })).toEqual([]);
  });

  it("only looks at test files", async () => {
    expect(await runRule(ID, { "src/it.ts": "it.skip('a', () => {});\n" })).toEqual([]);
  });

  it("leaves type-test files alone (types.test.ts, *.types.test.ts, *.test-d.ts) and still reports the same test elsewhere", async () => {
    const code = "import { createClient } from '@x/client';\ntest('accepts links only', () => {\n  createClient({ links: [] });\n});\n";
    const findings = await runRule(ID, { "src/internals/types.test.ts": code, "src/client.types.test.ts": code, "src/client.test-d.ts": code, "src/client.test.ts": code });
    expect(findings.map((f) => f.file)).toEqual(["src/client.test.ts"]);
  });
});
