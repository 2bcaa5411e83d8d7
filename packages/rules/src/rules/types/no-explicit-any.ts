import { z } from "zod";
import { walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";

export default defineRule({
  id: "types/no-explicit-any",
  enforces: "Rule 8",
  description: "No explicit `any` type: it switches the type checker off for everything it touches.",
  scope: "file",
  languages: ["ts"],
  messages: {
    any: {
      message: "Explicit `any` disables type checking here.",
      hint: "Use the real type, a generic, or `unknown` narrowed with a type guard or a zod schema.",
    },
  },
  options: z.object({ ignoreTests: z.boolean().default(false) }).strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined) return;
    if (ctx.options.ignoreTests && ctx.isTestFile) return;
    if (!/\bany\b/.test(ast.text)) return;
    walk(ts, ast, (node) => {
      if (node.kind === ts.SyntaxKind.AnyKeyword) ctx.report({ messageId: "any", node, key: `any:${node.parent.getText(ast).slice(0, 200)}` });
    });
  },
});
