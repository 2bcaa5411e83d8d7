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
const ASSERTION = /^(?:expect|assert|should|verify|check|ensure)(?:[A-Z0-9_$]\w*)?$|^[a-z]\w*(?:Expect|Assert)$/;
/** A method that asserts (`t.assert.ok`, `sinon.assert.called`, supertest's `.expect(200)`): `check…`/`ensure…` methods are usually not assertions. */
const ASSERTING_METHOD = /^(?:expect|assert|should)(?:[A-Z0-9_$]\w*)?$/;
/** Methods of test-framework objects that assert inside: a rule tester's `run`, snapshot checks. */
const ASSERTING_API = /^(?:run|runTest|valid|invalid|matchSnapshot|snapshot)$/;
/** Names of rule testers and test harnesses (`ruleTester`, `new RuleTester()`, `testRule`, `runTest`). */
const TESTER = /^(?:\w*[Tt]ester|testRule|runRuleTest\w*|runTests?|runCases?)$/;
/** Modules whose exports may assert: test helpers, fixtures and harnesses (by a path segment), wherever they live. */
const HELPER_MODULE = /(?:^|[/@])(?:_*(?:test|tests|testing|test-?utils?|test-?helpers?|helpers?|utils?|fixtures?|mocks?|support|setup|harness|spec)_*|__\w+__)(?:[/.-]|$)/i;
/** Names of imported functions that run a check themselves (`testComponent`, `runCase`, `checkOutput`, `verifySnapshot`), from a relative module. */
const CHECKING_NAME = /^(?:test|run|check|verify|validate|execute|expect|assert|ensure)[A-Z0-9_]\w*$/;

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

    /** Type-test files (`*.test-d.ts`) assert at compile time: their tests need no runtime assertion. */
    const typeTestFile = /(?:\.test-d|(?:^|[-_./])types?\.(?:test|spec))\.[cm]?tsx?$/i.test(ctx.file);
    /**
     * Whether a test checks types: it declares a type, annotates a variable, or passes explicit
     * type arguments (`initTRPC.meta<Meta>()`); the type checker is its assertion.
     */
    const checksTypes = (fn: TS.Node): boolean => {
      let found = false;
      walk(ts, fn, (node) => {
        if (found) return;
        if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) found = true;
        else if (ts.isVariableDeclaration(node) && node.type !== undefined) found = true;
        else if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.typeArguments !== undefined && node.typeArguments.length > 0) found = true;
      });
      return found;
    };
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
    // What a test can reach that may assert where this file cannot see it: functions declared in
    // this file (followed), and bindings imported from relative modules or test helpers.
    const localFunctions = new Map<string, TS.Node>();
    const helperImports = new Set<string>();
    walk(ts, ast, (node) => {
      if (ts.isFunctionDeclaration(node) && node.name !== undefined && node.body !== undefined) localFunctions.set(node.name.text, node.body);
      else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
        const init = node.initializer;
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) localFunctions.set(node.name.text, init.body);
      } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const from = node.moduleSpecifier.text;
        const helperModule = HELPER_MODULE.test(from);
        const relative = from.startsWith(".");
        const clause = node.importClause;
        const names: string[] = [];
        if (clause?.name !== undefined) names.push(clause.name.text);
        const bindings = clause?.namedBindings;
        if (bindings !== undefined && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.push(element.name.text);
        if (bindings !== undefined && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
        for (const name of names) if (helperModule || (relative && CHECKING_NAME.test(name))) helperImports.add(name);
      }
    });
    const calleeRoot = (expr: TS.Expression): TS.Identifier | undefined => {
      if (ts.isIdentifier(expr)) return expr;
      if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr) || ts.isCallExpression(expr)) return calleeRoot(expr.expression);
      if (ts.isParenthesizedExpression(expr) || ts.isNonNullExpression(expr) || ts.isAwaitExpression(expr)) return calleeRoot(expr.expression);
      if (ts.isNewExpression(expr)) return calleeRoot(expr.expression);
      return undefined;
    };
    const following = new Set<string>();
    /**
     * Whether code could assert: it calls an assertion (a variable or a value merely named
     * `expected` does not count), uses a `should` chain, throws, carries a `@ts-expect-error`
     * (a type assertion), calls a test-framework API that asserts inside (rule testers,
     * snapshots), calls a local function that could assert, a helper imported from a relative or
     * test-helper module, or a method of the test's own fixtures (`page.click`, `t.throws`: page
     * objects and Playwright actions fail the test themselves).
     */
    const couldAssert = (fn: TS.Node, fixtures: ReadonlySet<string>): boolean => {
      if (/@ts-expect-error\b/.test(fn.getFullText(ast))) return true;
      let found = false;
      walk(ts, fn, (node) => {
        if (found) return;
        if (ts.isThrowStatement(node)) found = true;
        else if (ts.isPropertyAccessExpression(node) && node.name.text === "should") found = true;
        else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
          const callee = node.expression;
          if (ts.isCallExpression(node) && namesAssertion(callee)) found = true;
          else if (ts.isPropertyAccessExpression(callee) && ASSERTING_API.test(callee.name.text) && /tester|rule|snapshot/i.test(callee.expression.getText(ast))) found = true;
          else {
            const root = calleeRoot(callee);
            if (root === undefined) return;
            if (fixtures.has(root.text) && !ts.isIdentifier(callee)) found = true;
            else if (helperImports.has(root.text) || TESTER.test(root.text)) found = true;
            else if (ts.isIdentifier(callee) && localFunctions.has(callee.text) && !following.has(callee.text)) {
              following.add(callee.text);
              found = couldAssert(localFunctions.get(callee.text) as TS.Node, fixtures);
              following.delete(callee.text);
            }
          }
        }
      });
      return found;
    };
    /** The names a test function receives (Playwright's `{ page }`, node:test's `t`, `it.each`'s row stay out: only destructured fixtures and a context). */
    const fixturesOf = (fn: TS.ArrowFunction | TS.FunctionExpression): Set<string> => {
      const names = new Set<string>();
      const first = fn.parameters[0];
      if (first === undefined) return names;
      if (ts.isObjectBindingPattern(first.name)) {
        for (const element of first.name.elements) if (ts.isIdentifier(element.name)) names.add(element.name.text);
      } else if (ts.isIdentifier(first.name) && /^(?:t|ctx|context|test|fixtures?)$/.test(first.name.text)) names.add(first.name.text);
      if (names.size === 0) return names;
      // Page objects: values built from a fixture (`const cart = new CartPage(page)`) act through it.
      walk(ts, fn.body, (node) => {
        if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || node.initializer === undefined) return;
        let usesFixture = false;
        walk(ts, node.initializer, (inner) => {
          if (ts.isIdentifier(inner) && names.has(inner.text)) usesFixture = true;
        });
        if (usesFixture) names.add(node.name.text);
      });
      return names;
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
      // A test declared inside an assertion (`expect(() => test("x", fn)).toThrow()`) is the subject under test, not a test.
      for (let up: TS.Node = node.parent; !ts.isSourceFile(up); up = up.parent) {
        if (ts.isCallExpression(up) && namesAssertion(up.expression)) return;
      }
      // Playwright's `test.skip(condition, reason)` / `test.skip(({ browserName }) => …)` skips at run
      // time where the condition holds; the test still runs elsewhere. A skipped test has a body after its title.
      const conditional =
        node.arguments.length > 0 &&
        !node.arguments.slice(1).some((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) &&
        !ts.isStringLiteral(node.arguments[0] as TS.Expression) &&
        !ts.isNoSubstitutionTemplateLiteral(node.arguments[0] as TS.Expression) &&
        !ts.isTemplateExpression(node.arguments[0] as TS.Expression);
      if (modifiers.includes("skip") && conditional) return;
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
      const fn = node.arguments.find((arg): arg is TS.ArrowFunction | TS.FunctionExpression => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg));
      const nameArg = node.arguments[0];
      const name = nameArg !== undefined && (ts.isStringLiteral(nameArg) || ts.isNoSubstitutionTemplateLiteral(nameArg)) ? nameArg.text : call;
      if (fn === undefined) {
        // `it("title")` alone is a placeholder; `test()` with no title is a call of some local helper named so.
        const titled = nameArg !== undefined && (ts.isStringLiteral(nameArg) || ts.isNoSubstitutionTemplateLiteral(nameArg) || ts.isTemplateExpression(nameArg));
        if (node.arguments.length === 1 && titled) ctx.report({ messageId: "todo", data: { call }, node: callee });
        return;
      }
      if (!typeTestFile && !couldAssert(fn, fixturesOf(fn)) && !checksTypes(fn)) ctx.report({ messageId: "noAssertion", data: { name }, node: callee, key: `test:${name}` });
    });
  },
});
