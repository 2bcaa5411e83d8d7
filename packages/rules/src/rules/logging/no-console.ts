import { z } from "zod";
import { walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";
import { matcher, NON_LIBRARY_GLOBS } from "../../globs.js";

export default defineRule({
  id: "logging/no-console",
  enforces: "Rule 8",
  description: "No `console.*` in library code: libraries log through a logger; only CLIs and scripts print.",
  scope: "file",
  languages: ["ts", "js"],
  messages: {
    console: {
      message: "`console.{{method}}` in library code.",
      hint: "Log through the package's logger (levels, redaction, testable), or return the data and let the CLI print it.",
    },
  },
  options: z
    .object({
      allow: z.array(z.string()).default([]).describe("Extra globs where console output is fine (CLI entry points)."),
    })
    .strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined) return;
    if (!ast.text.includes("console")) return;
    if (matcher(NON_LIBRARY_GLOBS)(ctx.file) || matcher(ctx.options.allow)(ctx.file)) return;
    walk(ts, ast, (node) => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "console") {
        ctx.report({ messageId: "console", data: { method: node.name.text }, node });
      }
    });
  },
});
