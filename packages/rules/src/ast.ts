import type ts from "typescript";

/** Visit every node below `root` depth-first with the raw compiler API (fast: no wrappers). */
export function walk(tsApi: typeof ts, root: ts.Node, visit: (node: ts.Node) => void): void {
  const step = (node: ts.Node): void => {
    visit(node);
    tsApi.forEachChild(node, step);
  };
  tsApi.forEachChild(root, step);
}

/** Whether a block `{ … }` holds nothing at all: no statements and no comment. */
export function isEmptyBlock(block: ts.Block, source: ts.SourceFile): boolean {
  if (block.statements.length > 0) return false;
  const inner = source.text.slice(block.getStart(source) + 1, block.getEnd() - 1);
  return inner.trim() === "";
}

/** Whether a declaration has the `export` keyword (a syntax check: never asks the type checker). */
export function hasExportKeyword(tsApi: typeof ts, node: ts.Node): boolean {
  const modifiers = tsApi.canHaveModifiers(node) ? tsApi.getModifiers(node) : undefined;
  return modifiers?.some((m) => m.kind === tsApi.SyntaxKind.ExportKeyword) ?? false;
}

/** Whether a JSDoc block comment (`/** … *\/`) stands right before `node`. */
export function hasDocComment(tsApi: typeof ts, node: ts.Node, source: ts.SourceFile): boolean {
  const ranges = tsApi.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  return ranges.some((range) => source.text.startsWith("/**", range.pos) && !source.text.startsWith("/**/", range.pos));
}

/** The expression under parentheses, type assertions (`as`, `<T>`), `satisfies` and non-null `!`: the value it evaluates to. */
export function skipWrappers(tsApi: typeof ts, expr: ts.Expression): ts.Expression {
  let current = expr;
  while (
    tsApi.isParenthesizedExpression(current) ||
    tsApi.isAsExpression(current) ||
    tsApi.isTypeAssertionExpression(current) ||
    tsApi.isSatisfiesExpression(current) ||
    tsApi.isNonNullExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The static name a member access reads: `a.b` and `a["b"]` give `b`; a computed `a[key]` gives undefined. */
export function memberName(tsApi: typeof ts, node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (tsApi.isPropertyAccessExpression(node)) return tsApi.isIdentifier(node.name) ? node.name.text : undefined;
  const arg = node.argumentExpression;
  return tsApi.isStringLiteral(arg) || tsApi.isNoSubstitutionTemplateLiteral(arg) ? arg.text : undefined;
}
