import { z } from "zod";
import { isEmptyBlock, walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";

export default defineRule({
  id: "errors/no-empty-catch",
  enforces: "Rule 5",
  description: "No empty `catch` blocks: a swallowed error hides the failure it should report.",
  scope: "file",
  languages: ["ts", "js"],
  messages: {
    empty: {
      message: "Empty catch block swallows the error.",
      hint: "Handle the error (recover, wrap and rethrow, or log it); if ignoring it is correct, say why in a comment inside the block.",
    },
  },
  options: z.object({}).strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined) return;
    walk(ts, ast, (node) => {
      if (ts.isCatchClause(node) && isEmptyBlock(node.block, ast)) {
        ctx.report({ messageId: "empty", node: node.getChildAt(0, ast) });
      }
    });
  },
});
