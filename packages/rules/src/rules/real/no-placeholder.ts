import { z } from "zod";
import type TS from "typescript";
import { walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";

const MARKER = /\b(TODO|FIXME|XXX|HACK)\b/;
const PHRASE = /\b(not (?:yet )?implemented|unimplemented|stub(?:bed)? (?:implementation|for now|out)|placeholder (?:implementation|code|logic|for now))\b/i;
/** An error class that says the code is missing: `NotImplementedError`, `UnimplementedError`, `TodoError`, `StubError`. */
const THROWN_CLASS = /^(?:[\w$.]*\.)?(?:NotImplemented|NotYetImplemented|Unimplemented|Todo|Stub)(?:Error|Exception)?$/;
/**
 * A thrown message that says the code is missing: the not-implemented phrase alone or followed by
 * "yet", an unfinished-work marker, the un-implemented word, "stub". Not a message that uses the words for
 * something else: an unsupported case named after the phrase (like HTTP 501), or a message about a
 * template's placeholder field.
 */
const THROWN = /^\s*(?:(?:TODO|FIXME)\b|not ?implemented(?: yet)?\s*[.!]?\s*$|not ?(?:yet )?implemented yet\b|not yet implemented\b|unimplemented\b|stub(?:bed)?\b|placeholder\s*[.!]?\s*$)/i;

/**
 * Every comment of the file, in order, each once — wherever it stands, including the last thing
 * inside a block, object literal, class body or JSX expression (where no node's leading or
 * trailing comments reach). The raw scanner tokenises the source text; tokens it cannot tell
 * from context — regular expressions, the `}…` parts of template literals, JSX text — are
 * skipped whole at the positions the syntax tree gives for them, so their content never reads
 * as a comment.
 */
function commentRanges(ts: typeof TS, ast: TS.SourceFile): { pos: number; end: number }[] {
  const opaque = new Map<number, number>();
  walk(ts, ast, (node) => {
    switch (node.kind) {
      case ts.SyntaxKind.RegularExpressionLiteral:
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail:
        opaque.set(node.getStart(ast), node.end);
        break;
      case ts.SyntaxKind.JsxText:
        opaque.set(node.pos, node.end);
        break;
      default:
    }
  });
  const text = ast.text;
  const scanner = ts.createScanner(ast.languageVersion, false, ast.languageVariant, text);
  const ranges: { pos: number; end: number }[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const pos = scanner.getTokenFullStart();
    const skipTo = opaque.get(pos);
    if (skipTo !== undefined && skipTo > pos) {
      scanner.resetTokenState(skipTo);
      continue;
    }
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) {
      ranges.push({ pos, end: scanner.getTokenEnd() });
    }
  }
  return ranges;
}

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
    // A cheap gate before the walk: the words a placeholder throw would carry, anywhere in the text.
    const scanThrows = /not ?(?:yet )?implemented|unimplemented|\bTODO\b|\bFIXME\b|\bstub|placeholder|\bTodo(?:Error|Exception)\b/i.test(text);
    if (!scanComments && !scanThrows) return;
    if (scanComments) {
      for (const range of commentRanges(ts, ast)) {
        const comment = text.slice(range.pos, range.end);
        const marker = MARKER.exec(comment);
        const phrase = marker === null ? PHRASE.exec(comment) : null;
        const found = marker ?? phrase;
        if (found === null) continue;
        const start = ast.getLineAndCharacterOfPosition(range.pos + found.index);
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
    }
    if (scanThrows) {
      walk(ts, ast, (node) => {
        if (!ts.isThrowStatement(node)) return;
        const thrown = node.expression;
        if (!ts.isNewExpression(thrown) && !ts.isCallExpression(thrown)) return;
        // The message: a string argument, or the `message` of an options object.
        const texts: string[] = [];
        for (const arg of thrown.arguments ?? []) {
          if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) texts.push(arg.text);
          else if (ts.isTemplateExpression(arg)) texts.push(arg.head.text);
          else if (ts.isObjectLiteralExpression(arg)) {
            for (const property of arg.properties) {
              if (!ts.isPropertyAssignment(property) || property.name.getText(ast) !== "message") continue;
              const value = property.initializer;
              if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) texts.push(value.text);
              else if (ts.isTemplateExpression(value)) texts.push(value.head.text);
            }
          }
        }
        const errorClass = thrown.expression.getText(ast);
        if (THROWN_CLASS.test(errorClass) || texts.some((text) => THROWN.test(text))) ctx.report({ messageId: "thrown", node });
      });
    }
  },
});
