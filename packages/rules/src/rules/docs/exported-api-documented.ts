import { z } from "zod";
import type TS from "typescript";
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
      exclude: z
        .array(z.string())
        .default([
          "**/*.d.ts",
          "**/test/**",
          "**/tests/**",
          "**/__tests__/**",
          "**/*.{test,spec}.*",
          // Applications, examples, playgrounds and docs sites: their exports are no library API.
          "apps/**",
          "examples/**",
          "**/examples/**",
          "**/playground/**",
          "**/playgrounds/**",
          "**/.vitepress/**",
          "**/docs/**",
          "www/**",
          "website/**",
          "site/**",
          // Framework route modules: the framework calls their exports, nobody else.
          "**/pages/**",
          "**/app/**/{page,layout,route,loading,error,not-found,template,default,global-error}.{ts,tsx,js,jsx}",
          "**/routes/**",
        ])
        .describe("Globs of files whose exports need no doc comment: tests, applications, examples, docs sites and framework route modules."),
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
    const seen = new Set<string>();
    const report = (node: TS.Node, kind: string, name: string): void => {
      ctx.report({ messageId: "missing", data: { kind, name }, node, key: `${kind}:${name}` });
    };
    /** Check one top-level declaration once (`only`: just the declaration of that name, for export lists). */
    const checkDeclaration = (statement: TS.Statement, only?: string): void => {
      const first = (key: string): boolean => {
        if (seen.has(key)) return false; // later overloads share the first one's doc; export lists repeat names
        seen.add(key);
        return true;
      };
      if (ts.isFunctionDeclaration(statement) && wants.has("function")) {
        const name = statement.name?.text ?? "default";
        if ((only !== undefined && name !== only) || !first(`function:${name}`)) return;
        if (!hasDocComment(ts, statement, ast)) report(statement.name ?? statement, "function", name);
      } else if (ts.isClassDeclaration(statement) && wants.has("class")) {
        const name = statement.name?.text ?? "default";
        if ((only !== undefined && name !== only) || !first(`class:${name}`)) return;
        if (!hasDocComment(ts, statement, ast)) report(statement.name ?? statement, "class", name);
      } else if (ts.isInterfaceDeclaration(statement) && wants.has("interface")) {
        const name = statement.name.text;
        if ((only !== undefined && name !== only) || !first(`interface:${name}`)) return; // merged interfaces: the first one
        if (!hasDocComment(ts, statement, ast)) report(statement.name, "interface", name);
      } else if (ts.isTypeAliasDeclaration(statement) && wants.has("type")) {
        const name = statement.name.text;
        if ((only !== undefined && name !== only) || !first(`type:${name}`)) return;
        if (!hasDocComment(ts, statement, ast)) report(statement.name, "type", name);
      } else if (ts.isVariableStatement(statement) && wants.has("const")) {
        for (const declaration of statement.declarationList.declarations) {
          const init = declaration.initializer;
          if (init === undefined || !(ts.isArrowFunction(init) || ts.isFunctionExpression(init))) continue;
          const name = declaration.name.getText(ast);
          if ((only !== undefined && name !== only) || !first(`const:${name}`)) continue;
          if (!hasDocComment(ts, statement, ast)) report(declaration.name, "function", name);
        }
      }
    };
    // Declarations exported where they stand: `export function f`, `export default class`, `export const c = …`.
    for (const statement of ast.statements) {
      if (hasExportKeyword(ts, statement)) checkDeclaration(statement);
    }
    // Local declarations exported by name: `export { f, g as h }`, `export default f`. Re-exports
    // (`export { x } from "./y"`) are documented where they are declared. Names are resolved through the
    // file's own top-level declarations only: syntax, never the type checker.
    const exportedNames: string[] = [];
    for (const statement of ast.statements) {
      if (ts.isExportDeclaration(statement) && statement.moduleSpecifier === undefined && statement.exportClause !== undefined) {
        if (!ts.isNamedExports(statement.exportClause)) continue;
        for (const specifier of statement.exportClause.elements) exportedNames.push((specifier.propertyName ?? specifier.name).text);
      } else if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
        exportedNames.push(statement.expression.text);
      }
    }
    if (exportedNames.length === 0) return;
    const declarations = new Map<string, TS.Statement[]>();
    const declare = (name: string, statement: TS.Statement): void => {
      const list = declarations.get(name);
      if (list === undefined) declarations.set(name, [statement]);
      else if (list[list.length - 1] !== statement) list.push(statement);
    };
    for (const statement of ast.statements) {
      if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
        if (statement.name !== undefined) declare(statement.name.text, statement);
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) declare(declaration.name.text, statement);
        }
      }
    }
    for (const name of exportedNames) {
      for (const statement of declarations.get(name) ?? []) checkDeclaration(statement, name);
    }
  },
});
