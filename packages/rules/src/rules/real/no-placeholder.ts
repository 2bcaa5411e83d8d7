import { z } from "zod";
import { walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";

const MARKER = /\b(TODO|FIXME|XXX|HACK)\b/;
const PHRASE = /\b(not (?:yet )?implemented|unimplemented|stub(?:bed)? (?:implementation|for now|out)|placeholder (?:implementation|code|logic|for now))\b/i;
const THROWN = /not ?(?:yet )?implemented|unimplemented|\bTODO\b|\bstub\b|placeholder/i;

export default defineRule({
  id: "real/no-placeholder",
  enforces: "Rule 1",
  description: "No placeholder, stub or unfinished-work markers in code: TODO/FIXME comments, `throw new Error(\"not implemented\")`.",
  scope: "file",
  languages: ["ts", "js"],
  messages: {
    marker: {
      message: "Unfinished-work marker {{marker}} left in a comment.",
      hint: "Finish the work now, or track it in an issue and delete the comment; code must be complete when committed.",
    },
    phrase: {
      message: "Comment says the code is a placeholder (\"{{phrase}}\").",
      hint: "Write the real implementation before committing; if it cannot be built yet, leave the feature out.",
    },
    thrown: {
      message: "Placeholder throw: the function exists but is not implemented.",
      hint: "Implement the function, or remove it and its callers until it can be built for real.",
    },
  },
  options: z.object({}).strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined) return;
    const text = ast.text;
    const scanComments = MARKER.test(text) || PHRASE.test(text);
    const scanThrows = THROWN.test(text);
    if (!scanComments && !scanThrows) return;
    const seen = new Set<number>();
    const inspectComments = (ranges: readonly { pos: number; end: number }[] | undefined): void => {
      for (const range of ranges ?? []) {
        if (seen.has(range.pos)) continue;
        seen.add(range.pos);
        const comment = text.slice(range.pos, range.end);
        const marker = MARKER.exec(comment);
        const phrase = marker === null ? PHRASE.exec(comment) : null;
        const found = marker ?? phrase;
        if (found === null) continue;
        const offset = range.pos + found.index;
        const start = ast.getLineAndCharacterOfPosition(offset);
        ctx.report({
          messageId: marker === null ? "phrase" : "marker",
          data: marker === null ? { phrase: found[1] ?? found[0] } : { marker: found[1] ?? found[0] },
          line: start.line + 1,
          column: start.character + 1,
          endLine: start.line + 1,
          endColumn: start.character + 1 + found[0].length,
          key: comment.replace(/\s+/g, " ").trim(),
        });
      }
    };
    walk(ts, ast, (node) => {
      if (scanComments) {
        inspectComments(ts.getLeadingCommentRanges(text, node.pos));
        inspectComments(ts.getTrailingCommentRanges(text, node.end));
      }
      if (scanThrows && ts.isThrowStatement(node)) {
        const thrown = node.expression;
        if ((ts.isNewExpression(thrown) || ts.isCallExpression(thrown)) && THROWN.test(thrown.getText(ast))) {
          ctx.report({ messageId: "thrown", node });
        }
      }
    });
  },
});
