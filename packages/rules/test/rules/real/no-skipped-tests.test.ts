import { describe, expect, it } from "vitest";
import { locations, runRule } from "../../helpers.js";
import { checkFixture } from "../../fixture-repo.js";

const ID = "real/no-skipped-tests";
const file = "test/cart.test.ts";

describe(ID, () => {
  it("reports every planted violation with its file, line and written rule", async () => {
    const findings = await checkFixture(ID, "bad");
    expect(locations(findings)).toEqual([
      // Beside the clean twin's helpers that assert (local, imported, page objects, rule testers, type tests): helpers that do not.
      ["packages/cart/e2e/smoke.spec.ts", 3, 1, "noAssertion"],
      ["packages/cart/test/cart.spec.ts", 11, 3, "skipped"],
      ["packages/cart/test/cart.spec.ts", 15, 3, "todo"],
      ["packages/cart/test/cart.spec.ts", 17, 3, "noAssertion"],
      ["packages/cart/test/cart.spec.ts", 21, 3, "todo"],
      ["packages/cart/test/cart.spec.ts", 24, 1, "focused"],
      ["packages/cart/test/cart.spec.ts", 29, 3, "skipped"],
      ["packages/cart/test/cart.spec.ts", 35, 3, "noAssertion"],
      ["packages/cart/test/cart.spec.ts", 39, 3, "noAssertion"],
      ["packages/cart/test/cart.spec.ts", 45, 1, "skipped"],
      ["packages/cart/test/compact.test.js", 4, 1, "focused"],
      ["packages/cart/test/compact.test.js", 8, 1, "noAssertion"],
      ["packages/cart/test/helpers.spec.ts", 10, 3, "noAssertion"],
      ["packages/cart/test/helpers.spec.ts", 14, 3, "noAssertion"],
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
    expect(locations(findings)).toEqual([
      ["test/cart.test.ts", 1, 1, "skipped"],
      ["test/cart.test.ts", 2, 1, "todo"],
      ["test/cart.test.ts", 3, 1, "focused"],
      ["test/cart.test.ts", 4, 1, "skipped"],
      ["test/cart.test.ts", 5, 1, "skipped"],
      ["test/cart.test.ts", 6, 1, "todo"],
      ["test/cart.test.ts", 7, 1, "focused"],
    ]);
  });

  it("reports tests without an assertion", async () => {
    const code = ["test('adds', () => {", "  add(1, 2);", "});", "it.each([1])('runs %i', (n) => { run(n); });"].join("\n");
    const findings = await runRule(ID, { [file]: code });
    expect(locations(findings)).toEqual([
      ["test/cart.test.ts", 1, 1, "noAssertion"],
      ["test/cart.test.ts", 4, 1, "noAssertion"],
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

  it("allows Playwright's conditional skips, a renamed expect and a test declared inside an assertion (kit, jest)", async () => {
    const code = [
      "test.skip(({ javaScriptEnabled }) => !javaScriptEnabled);",
      "test('enhance', async ({ page, javaScriptEnabled }) => {",
      "  test.skip(!javaScriptEnabled, 'needs JavaScript');",
      "  await page.goto('/');",
      "});",
      "test('matches', () => {",
      "  jestExpect(stringMatching(/en/).asymmetricMatch('queen')).toBe(true);",
      "});",
      "test('throws outside a describe', () => {",
      "  expect(() => {",
      "    test('inner', () => {});",
      "  }).toThrow();",
      "});",
      "test.skip('removes strict-dynamic', () => {",
      "  expect(1).toBe(1);",
      "});",
      "test('skips itself', () => {",
      "  test.skip();",
      "});",
    ].join("\n");
    // A skip with a title and a body, and a bare `test.skip()`, still skip (and that test asserts nothing).
    expect(locations(await runRule(ID, { [file]: code }))).toEqual([
      ["test/cart.test.ts", 14, 1, "skipped"],
      ["test/cart.test.ts", 17, 1, "noAssertion"],
      ["test/cart.test.ts", 18, 3, "skipped"],
    ]);
  });
});
