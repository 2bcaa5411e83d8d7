import { z } from "zod";
import type TS from "typescript";
import { walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";

const TEST_FUNCTIONS = new Set(["it", "test"]);
const SUITE_FUNCTIONS = new Set(["describe", "suite", "context"]);
const SKIPPED_GLOBALS = new Set(["xit", "xtest", "xdescribe", "xcontext"]);
const FOCUSED_GLOBALS = new Set(["fit", "fdescribe"]);
/**
 * A function that asserts: `expect`, `assert`, `should`, `verify`, `check`, `ensure`, alone or as
 * the first word of a camel-case name (`expectTypeOf`, `assertShape`, `checkInvariants`) — not
 * `expected`, `checkout` or `assertion`.
 */
const ASSERTION = /^(?:expect|assert|should|verify|check|ensure)(?:[A-Z0-9_$]\w*)?$/;
/** A method that asserts (`t.assert.ok`, `sinon.assert.called`, supertest's `.expect(200)`): `check…`/`ensure…` methods are usually not assertions. */
const ASSERTING_METHOD = /^(?:expect|assert|should)(?:[A-Z0-9_$]\w*)?$/;

export default defineRule({
  id: "real/no-skipped-tests",
  enforces: "Rule 1",
  description: "No skipped, todo, focused or assertion-free tests.",
  scope: "file",
  languages: ["ts", "js"],
  messages: {
    skipped: {
      message: "Skipped test ({{call}}): it never runs, so it proves nothing.",
      hint: "Make the test pass and remove `.skip`, or delete it; a skipped test is a stub.",
    },
    todo: {
      message: "Placeholder test ({{call}}) with no implementation.",
      hint: "Write the test now, or delete the line.",
    },
    focused: {
      message: "Focused test ({{call}}) silently disables every other test in the file.",
      hint: "Remove `.only` before committing.",
    },
    noAssertion: {
      message: "Test \"{{name}}\" makes no assertion: it passes whatever the code does.",
      hint: "Assert the behaviour (expect/assert) so the test can fail when the code is wrong.",
    },
  },
  options: z.object({}).strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined || !ctx.isTestFile) return;

    const baseName = (expr: TS.Expression): string | undefined => {
      if (ts.isIdentifier(expr)) return expr.text;
      if (ts.isPropertyAccessExpression(expr)) return baseName(expr.expression);
      if (ts.isCallExpression(expr)) return baseName(expr.expression);
      return undefined;
    };
    const modifiersOf = (expr: TS.Expression): string[] => {
      if (ts.isPropertyAccessExpression(expr)) return [...modifiersOf(expr.expression), expr.name.text];
      if (ts.isCallExpression(expr)) return modifiersOf(expr.expression);
      return [];
    };
    /** Whether a callee, or anything it is reached through, names an assertion: `expect(x).toBe`, `assert.equal`, `t.assert.ok`, `x.should.equal`. */
    const namesAssertion = (expr: TS.Expression): boolean => {
      if (ts.isIdentifier(expr)) return ASSERTION.test(expr.text);
      if (ts.isPropertyAccessExpression(expr)) return ASSERTING_METHOD.test(expr.name.text) || namesAssertion(expr.expression);
      if (ts.isCallExpression(expr)) return namesAssertion(expr.expression);
      if (ts.isParenthesizedExpression(expr) || ts.isNonNullExpression(expr) || ts.isAwaitExpression(expr)) return namesAssertion(expr.expression);
      if (ts.isElementAccessExpression(expr)) return namesAssertion(expr.expression);
      return false;
    };
    /**
     * Whether the test function asserts: it calls an assertion (a variable or a value merely
     * named `expected` does not count), or uses a `should` chain (`x.should.be.true`).
     */
    const hasAssertion = (fn: TS.Node): boolean => {
      let found = false;
      walk(ts, fn, (node) => {
        if (found) return;
        if (ts.isCallExpression(node) && namesAssertion(node.expression)) found = true;
        else if (ts.isPropertyAccessExpression(node) && node.name.text === "should") found = true;
      });
      return found;
    };

    walk(ts, ast, (node) => {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      const base = baseName(callee);
      if (base === undefined) return;
      const call = callee.getText(ast).replace(/\s+/g, "");
      if (SKIPPED_GLOBALS.has(base) && ts.isIdentifier(callee)) {
        ctx.report({ messageId: "skipped", data: { call }, node: callee });
        return;
      }
      if (FOCUSED_GLOBALS.has(base) && ts.isIdentifier(callee)) {
        ctx.report({ messageId: "focused", data: { call }, node: callee });
        return;
      }
      if (!TEST_FUNCTIONS.has(base) && !SUITE_FUNCTIONS.has(base)) return;
      // `it.each(table)` is itself called: the outer call `it.each(table)(name, fn)` is the test.
      if (ts.isCallExpression(node.parent) && node.parent.expression === node) return;
      const modifiers = modifiersOf(callee);
      if (modifiers.includes("skip")) {
        ctx.report({ messageId: "skipped", data: { call }, node: callee });
        return;
      }
      if (modifiers.includes("todo")) {
        ctx.report({ messageId: "todo", data: { call }, node: callee });
        return;
      }
      if (modifiers.includes("only")) {
        ctx.report({ messageId: "focused", data: { call }, node: callee });
        return;
      }
      if (!TEST_FUNCTIONS.has(base)) return;
      if (modifiers.some((m) => m !== "concurrent" && m !== "sequential" && m !== "each" && m !== "fails")) return;
      const fn = node.arguments.find((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg));
      const nameArg = node.arguments[0];
      const name = nameArg !== undefined && (ts.isStringLiteral(nameArg) || ts.isNoSubstitutionTemplateLiteral(nameArg)) ? nameArg.text : call;
      if (fn === undefined) {
        if (node.arguments.length <= 1) ctx.report({ messageId: "todo", data: { call }, node: callee });
        return;
      }
      if (!hasAssertion(fn)) ctx.report({ messageId: "noAssertion", data: { name }, node: callee, key: `test:${name}` });
    });
  },
});
