import type { ts as TS } from "ts-morph";
import { z } from "zod";
import { walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";
import { matcher, NON_LIBRARY_GLOBS } from "../../globs.js";

export default defineRule({
  id: "config/no-process-env",
  enforces: "Rule 8",
  description: "`process.env` is read only in configured config modules, where it is validated once.",
  scope: "file",
  languages: ["ts", "js"],
  messages: {
    env: {
      message: "`process.env` read outside a config module.",
      hint: "Read and validate environment variables in one config module (see the rule's `modules` option) and pass the values in.",
    },
  },
  options: z
    .object({
      modules: z
        .array(z.string())
        .default(["**/config.*", "**/config/**", "**/env.*", "**/env/**", "**/*.config.*"])
        .describe("Globs of the config modules allowed to read process.env."),
    })
    .strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined) return;
    if (!ast.text.includes("process")) return;
    if (matcher(ctx.options.modules)(ctx.file) || matcher(NON_LIBRARY_GLOBS)(ctx.file)) return;
    walk(ts, ast, (node) => {
      const isEnv =
        (ts.isPropertyAccessExpression(node) && node.name.text === "env") ||
        (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression) && node.argumentExpression.text === "env");
      if (!isEnv) return;
      const target = (node as TS.PropertyAccessExpression | TS.ElementAccessExpression).expression;
      if (ts.isIdentifier(target) && target.text === "process") ctx.report({ messageId: "env", node });
    });
  },
});
