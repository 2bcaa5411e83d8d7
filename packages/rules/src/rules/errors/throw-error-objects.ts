import { z } from "zod";
import type TS from "typescript";
import { skipWrappers, walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";

/** Binary operators whose result is always a number (or bigint), whatever the operands. */
const NUMERIC_OPERATORS = new Set<string>(["-", "*", "/", "%", "**", "&", "|", "^", "<<", ">>", ">>>"]);
/** Binary operators whose result is always a boolean. */
const BOOLEAN_OPERATORS = new Set<string>(["==", "!=", "===", "!==", "<", ">", "<=", ">=", "in", "instanceof"]);

export default defineRule({
  id: "errors/throw-error-objects",
  enforces: "Rule 5",
  description: "Only `Error` objects are thrown: never strings, numbers, or plain objects.",
  scope: "file",
  languages: ["ts", "js"],
  messages: {
    literal: {
      message: "Thrown value is {{what}}, not an Error: it has no stack trace and breaks `instanceof Error` handling.",
      hint: "Throw an Error (or a subclass with a code): `throw new Error(\"…\")`.",
    },
  },
  options: z
    .object({ ignoreTests: z.boolean().default(true).describe("Allow throwing non-Errors in test files (tests of how code handles them).") })
    .strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined) return;
    if (ctx.options.ignoreTests && ctx.isTestFile) return;
    /**
     * What the expression certainly evaluates to when that is not an Error (`undefined` when it may be
     * one: identifiers, calls, `new`, member access…). Only syntax: never asks the type checker.
     */
    const describe = (raw: TS.Expression): string | undefined => {
      const expr = skipWrappers(ts, raw); // parentheses, `as`, `<T>`, `satisfies` and `!` do not change the value
      if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) || ts.isTemplateExpression(expr)) return "a string";
      if (ts.isNumericLiteral(expr) || ts.isBigIntLiteral(expr)) return "a number";
      if (ts.isObjectLiteralExpression(expr)) return "a plain object";
      if (ts.isArrayLiteralExpression(expr)) return "an array";
      if (ts.isRegularExpressionLiteral(expr)) return "a regular expression";
      if (expr.kind === ts.SyntaxKind.TrueKeyword || expr.kind === ts.SyntaxKind.FalseKeyword) return "a boolean";
      if (expr.kind === ts.SyntaxKind.NullKeyword) return "null";
      if (ts.isIdentifier(expr) && expr.text === "undefined") return "undefined";
      if (ts.isVoidExpression(expr)) return "undefined";
      if (ts.isTypeOfExpression(expr)) return "a string";
      if (ts.isDeleteExpression(expr)) return "a boolean";
      if (ts.isPrefixUnaryExpression(expr)) return expr.operator === ts.SyntaxKind.ExclamationToken ? "a boolean" : "a number";
      if (ts.isPostfixUnaryExpression(expr)) return "a number";
      if (ts.isConditionalExpression(expr)) return describe(expr.whenTrue) ?? describe(expr.whenFalse);
      if (ts.isBinaryExpression(expr)) {
        const operator = expr.operatorToken.kind;
        if (operator === ts.SyntaxKind.PlusToken) {
          return describe(expr.left) === "a string" || describe(expr.right) === "a string" ? "a string" : undefined;
        }
        // `a ?? "x"`, `a || "x"`: the fallback is what gets thrown when `a` is missing.
        if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) return describe(expr.right);
        if (operator === ts.SyntaxKind.CommaToken) return describe(expr.right);
        const text = ts.tokenToString(operator);
        if (text !== undefined && NUMERIC_OPERATORS.has(text)) return "a number";
        if (text !== undefined && BOOLEAN_OPERATORS.has(text)) return "a boolean";
      }
      return undefined;
    };
    walk(ts, ast, (node) => {
      if (!ts.isThrowStatement(node)) return;
      const what = describe(node.expression);
      if (what !== undefined) ctx.report({ messageId: "literal", data: { what }, node: node.expression });
    });
  },
});
