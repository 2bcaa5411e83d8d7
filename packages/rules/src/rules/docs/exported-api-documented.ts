import { z } from "zod";
import type { ts as TS } from "ts-morph";
import { hasDocComment, hasExportKeyword } from "../../ast.js";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";

export default defineRule({
  id: "docs/exported-api-documented",
  enforces: "Rule 8",
  description: "Exported functions and classes of library code carry a doc comment (`/** … */`).",
  scope: "file",
  languages: ["ts", "js"],
  messages: {
    missing: {
      message: "Exported {{kind}} `{{name}}` has no doc comment.",
      hint: "Add a /** … */ comment above it that says what it does, its inputs and what it returns or throws.",
    },
  },
  options: z
    .object({
      include: z.array(z.string()).default(["**/src/**"]).describe("Globs of library files whose exports must be documented."),
      exclude: z.array(z.string()).default(["**/*.d.ts", "**/test/**", "**/*.{test,spec}.*"]),
      kinds: z
        .array(z.enum(["function", "class", "interface", "type", "const"]))
        .default(["function", "class", "const"])
        .describe("Which exported declarations need docs (`const` means exported arrow/function expressions)."),
    })
    .strict(),
  defaultLevel: "error",
  check(ctx) {
    const { ast, ts, options } = ctx;
    if (ast === undefined || ts === undefined) return;
    if (!matcher(options.include)(ctx.file) || matcher(options.exclude)(ctx.file)) return;
    const wants = new Set(options.kinds);
    const documentedFunctions = new Set<string>();
    const report = (node: TS.Node, kind: string, name: string): void => {
      ctx.report({ messageId: "missing", data: { kind, name }, node, key: `${kind}:${name}` });
    };
    for (const statement of ast.statements) {
      if (!hasExportKeyword(ts, statement)) continue;
      if (ts.isFunctionDeclaration(statement) && wants.has("function")) {
        const name = statement.name?.text ?? "default";
        if (documentedFunctions.has(name)) continue; // later overloads share the first one's doc
        documentedFunctions.add(name);
        if (!hasDocComment(ts, statement, ast)) report(statement.name ?? statement, "function", name);
      } else if (ts.isClassDeclaration(statement) && wants.has("class")) {
        if (!hasDocComment(ts, statement, ast)) report(statement.name ?? statement, "class", statement.name?.text ?? "default");
      } else if (ts.isInterfaceDeclaration(statement) && wants.has("interface")) {
        if (!hasDocComment(ts, statement, ast)) report(statement.name, "interface", statement.name.text);
      } else if (ts.isTypeAliasDeclaration(statement) && wants.has("type")) {
        if (!hasDocComment(ts, statement, ast)) report(statement.name, "type", statement.name.text);
      } else if (ts.isVariableStatement(statement) && wants.has("const")) {
        for (const declaration of statement.declarationList.declarations) {
          const init = declaration.initializer;
          if (init === undefined || !(ts.isArrowFunction(init) || ts.isFunctionExpression(init))) continue;
          if (!hasDocComment(ts, statement, ast)) report(declaration.name, "function", declaration.name.getText(ast));
        }
      }
    }
  },
});
