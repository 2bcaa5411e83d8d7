import { z } from "zod";
import type { ts as TS } from "ts-morph";
import { walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";

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
  options: z.object({}).strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined) return;
    const describe = (expr: TS.Expression): string | undefined => {
      if (ts.isParenthesizedExpression(expr)) return describe(expr.expression);
      if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) || ts.isTemplateExpression(expr)) return "a string";
      if (ts.isNumericLiteral(expr) || ts.isBigIntLiteral(expr)) return "a number";
      if (ts.isObjectLiteralExpression(expr)) return "a plain object";
      if (ts.isArrayLiteralExpression(expr)) return "an array";
      if (expr.kind === ts.SyntaxKind.TrueKeyword || expr.kind === ts.SyntaxKind.FalseKeyword) return "a boolean";
      if (expr.kind === ts.SyntaxKind.NullKeyword) return "null";
      if (ts.isIdentifier(expr) && expr.text === "undefined") return "undefined";
      if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        return describe(expr.left) === "a string" || describe(expr.right) === "a string" ? "a string" : undefined;
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
