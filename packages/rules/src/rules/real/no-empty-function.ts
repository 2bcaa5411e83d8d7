import { z } from "zod";
import type TS from "typescript";
import { isEmptyBlock, walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";

/** Type-test files (`*.test-d.ts`, a `test-dts/` folder): their functions exist to be type-checked. */
const TYPE_TESTS = /\.test-d\.[cm]?tsx?$|(?:^|\/)(?:test-dts?|__typetests__)\//;
/** Names that say doing nothing is the point: `noop`, `NOOP`, `doNothing`, `ignore`, `emptyFn`. */
const NO_OP_NAME = /^(?:_*(?:noop\w*|nop|noOp\w*|NOOP\w*|doNothing|ignore\w*|empty(?:[A-Z_]\w*)?))$/;
/** Calls whose callback is a no-op by design: a silenced mock (`spy.mockImplementation(() => {})`, `vi.fn(() => {})`). A swallowed rejection (`p.catch(() => {})`) still counts. */
const NO_OP_SLOT = /^(?:mockImplementation|mockImplementationOnce|fn)$/;
/** A comment that acknowledges the empty body: a lint suppression of the empty-function rule. */
const ACKNOWLEDGED = /(?:eslint|oxlint|biome)[-\w]*[^\n]*no-empty-function|\bnoop\b|no-op|intentional|deliberate|do(?:es)? nothing|ignore/i;

export default defineRule({
  id: "real/no-empty-function",
  enforces: "Rule 1",
  description: "No functions with an empty body: an empty function is a stub that pretends work is done.",
  scope: "file",
  languages: ["ts", "js"],
  messages: {
    empty: {
      message: "Empty {{kind}} body: this function does nothing.",
      hint: "Implement it, delete it, or—when doing nothing is the point—say why in a comment inside the body.",
    },
  },
  options: z
    .object({
      ignoreTests: z.boolean().default(true).describe("Allow empty functions (no-op mocks) in test files."),
    })
    .strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts } = ctx;
    if (ast === undefined || ts === undefined) return;
    if (ctx.options.ignoreTests && (ctx.isTestFile || TYPE_TESTS.test(ctx.file))) return;
    const kindOf = (node: TS.Node): string | undefined => {
      if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) return "function";
      if (ts.isArrowFunction(node)) return "arrow function";
      if (ts.isMethodDeclaration(node)) return "method";
      if (ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) return "accessor";
      if (ts.isConstructorDeclaration(node)) return "constructor";
      return undefined;
    };
    const text = ast.text;
    /** Whether a comment on the line before the function's statement (or member), or on its own line, says the emptiness is meant. */
    const acknowledged = (node: TS.Node): boolean => {
      let holder: TS.Node = node;
      while (!ts.isSourceFile(holder.parent) && !ts.isBlock(holder.parent) && !ts.isClassLike(holder.parent) && !ts.isObjectLiteralExpression(holder.parent)) holder = holder.parent;
      const start = holder.getFullStart();
      const lineEnd = text.indexOf("\n", node.getEnd());
      const leading = text.slice(start, holder.getStart(ast));
      const own = text.slice(holder.getStart(ast), lineEnd === -1 ? text.length : lineEnd);
      const lastLines = leading.split("\n").slice(-3).join("\n");
      const comments = [...lastLines.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g), ...own.matchAll(/\/\/[^\n]*$|\/\*[\s\S]*?\*\//g)].map((m) => m[0]);
      return comments.some((c) => ACKNOWLEDGED.test(c));
    };
    walk(ts, ast, (node) => {
      const kind = kindOf(node);
      if (kind === undefined) return;
      const body = (node as TS.FunctionLikeDeclarationBase).body;
      if (body === undefined || !ts.isBlock(body) || !isEmptyBlock(body, ast)) return;
      if (ts.isConstructorDeclaration(node)) {
        // Parameter properties and private/protected constructors make an empty body meaningful.
        const params = node.parameters.some((p) => (ts.getModifiers(p) ?? []).length > 0);
        const restricted = (ts.getModifiers(node) ?? []).some(
          (m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword,
        );
        if (params || restricted) return;
      }
      // The author said so on the line before or beside it (`// eslint-disable-next-line no-empty-function`, `// ignore errors: reported already`).
      if (acknowledged(node)) return;
      // A function expression handed out as a value — returned, a branch of `?:` or `||`/`??`, a
      // default (of a parameter or a typed class field), or named as a no-op — is a deliberate no-op (a disabled formatter, the production
      // half of a dev-only hook), not a stub. Callbacks passed to a call still count.
      if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
        let holder: TS.Node = node.parent;
        while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent;
        if (ts.isReturnStatement(holder) || ts.isConditionalExpression(holder) || ts.isParameter(holder) || ts.isBindingElement(holder)) return;
        // A typed class field's default (`setStep: (n: number) => void = () => {}`): a default, like a parameter's.
        if (ts.isPropertyDeclaration(holder) && holder.type !== undefined && holder.initializer !== undefined) return;
        if (ts.isBinaryExpression(holder) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(holder.operatorToken.kind)) return;
        if (ts.isArrowFunction(holder) && holder.body === node) return; // `() => () => {}`: a factory of no-ops
        // `console.warn = () => {}`, `el.onerror = function () {}`: a property patched with a deliberate no-op.
        if (ts.isBinaryExpression(holder) && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(holder.left) || ts.isElementAccessExpression(holder.left)) && !/^(?:module\.)?exports\b/.test(holder.left.getText(ast))) return;
        if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && NO_OP_NAME.test(holder.name.text)) return;
        // `let notify = () => {}`: the starting value of a variable that is assigned the real function later.
        if (ts.isVariableDeclaration(holder) && ts.isVariableDeclarationList(holder.parent) && (holder.parent.flags & ts.NodeFlags.Let) !== 0) return;
        if (ts.isCallExpression(holder) && holder.arguments.includes(node as TS.Expression)) {
          const callee = holder.expression;
          const called = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
          if (NO_OP_SLOT.test(called) && (called !== "fn" || ts.isPropertyAccessExpression(callee))) return;
        }
      }
      const declared = (node as TS.FunctionLikeDeclarationBase).name;
      if (declared !== undefined && ts.isIdentifier(declared) && NO_OP_NAME.test(declared.text)) return;
      // A method of a base class (`BaseReporter`, `AbstractPlugin`, `DefaultHandler`, `NoopLogger`) is a hook
      // subclasses override; a method of an options object handed to a constructor (`new Readable({ read() {} })`)
      // fills a slot the API requires.
      if (ts.isMethodDeclaration(node)) {
        const owner = node.parent;
        if (ts.isClassLike(owner) && owner.name !== undefined && /^(?:Base|Abstract|Default|Noop|Null|Empty)[A-Z]/.test(owner.name.text)) return;
        if (ts.isObjectLiteralExpression(owner) && ts.isNewExpression(owner.parent)) return;
      }
      const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
      if (modifiers.some((m) => m.kind === ts.SyntaxKind.OverrideKeyword)) return;
      const name = (node as TS.FunctionLikeDeclarationBase).name;
      ctx.report({ messageId: "empty", data: { kind }, node: name ?? body, key: `${kind}:${name?.getText(ast) ?? body.getText(ast)}` });
    });
  },
});
