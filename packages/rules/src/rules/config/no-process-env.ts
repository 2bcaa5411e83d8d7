import type TS from "typescript";
import { z } from "zod";
import { memberName, skipWrappers, walk } from "../../ast.js";
import { defineRule } from "../../define-rule.js";
import { matcher, NON_LIBRARY_GLOBS } from "../../globs.js";

const PROCESS_MODULES = new Set(["process", "node:process"]);
const GLOBAL_OBJECTS = new Set(["globalThis", "global"]);

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

    // Local names the file imports the process module (`processAliases`) or its `env` (`envAliases`) as.
    const processAliases = new Set<string>();
    const envAliases = new Set<string>();
    for (const statement of ast.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      if (!PROCESS_MODULES.has(statement.moduleSpecifier.text)) continue;
      const clause = statement.importClause;
      if (clause === undefined || clause.isTypeOnly) continue;
      if (clause.name !== undefined) processAliases.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings === undefined) continue;
      if (ts.isNamespaceImport(bindings)) {
        processAliases.add(bindings.name.text);
        continue;
      }
      for (const specifier of bindings.elements) {
        if (specifier.isTypeOnly) continue;
        const imported = (specifier.propertyName ?? specifier.name).text;
        if (imported === "env") envAliases.add(specifier.name.text);
        else if (imported === "default") processAliases.add(specifier.name.text);
      }
    }

    const isRequireOfProcess = (expr: TS.Expression): boolean =>
      ts.isCallExpression(expr) &&
      ts.isIdentifier(expr.expression) &&
      expr.expression.text === "require" &&
      expr.arguments.length === 1 &&
      ts.isStringLiteral(expr.arguments[0]!) &&
      PROCESS_MODULES.has(expr.arguments[0].text);
    /** Whether the expression is the process object: `process`, an import of it, `globalThis.process`, `require("process")`. */
    const isProcess = (raw: TS.Expression): boolean => {
      const expr = skipWrappers(ts, raw);
      if (ts.isIdentifier(expr)) return expr.text === "process" || (processAliases.has(expr.text) && !isShadowed(expr));
      if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) {
        const target = skipWrappers(ts, expr.expression);
        return memberName(ts, expr) === "process" && ts.isIdentifier(target) && GLOBAL_OBJECTS.has(target.text);
      }
      return isRequireOfProcess(expr);
    };

    /** Whether a nested scope between `id` and the file's top level declares a name of its own like `id`. */
    const isShadowed = (id: TS.Identifier): boolean => {
      const name = id.text;
      const binds = (binding: TS.BindingName): boolean =>
        ts.isIdentifier(binding) ? binding.text === name : binding.elements.some((e) => !ts.isOmittedExpression(e) && binds(e.name));
      const declaresIn = (statements: readonly TS.Statement[]): boolean =>
        statements.some((s) => {
          if (ts.isVariableStatement(s)) return s.declarationList.declarations.some((d) => binds(d.name));
          if (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) return s.name?.text === name;
          return false;
        });
      for (let node: TS.Node = id.parent; !ts.isSourceFile(node); node = node.parent) {
        if (ts.isFunctionLike(node) && node.parameters.some((p) => binds(p.name))) return true;
        if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name?.text === name) return true;
        if ((ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) && declaresIn(node.statements)) return true;
        if (ts.isCatchClause(node) && node.variableDeclaration !== undefined && binds(node.variableDeclaration.name)) return true;
        if ((ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) && node.initializer !== undefined) {
          const init = node.initializer;
          if (ts.isVariableDeclarationList(init) && init.declarations.some((d) => binds(d.name))) return true;
        }
      }
      return false;
    };
    /** Whether an identifier is read as a value here (not a declaration, a property name, an import or a type). */
    const isValueReference = (id: TS.Identifier): boolean => {
      const parent = id.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
      if (ts.isTypeQueryNode(parent) || ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent)) return false;
      if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isImportEqualsDeclaration(parent)) return false;
      if (ts.isExportSpecifier(parent)) return (parent.propertyName ?? parent.name) === id && parent.parent.parent.moduleSpecifier === undefined;
      if (ts.isBindingElement(parent) || ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
      if (ts.isJsxAttribute(parent) || ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent)) {
        return ts.isPropertyAssignment(parent) && parent.initializer === id;
      }
      if (ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent) || ts.isEnumMember(parent)) {
        return false;
      }
      const named = parent as TS.Node & { readonly name?: TS.Node };
      if (named.name === id) {
        return !(
          ts.isVariableDeclaration(parent) ||
          ts.isParameter(parent) ||
          ts.isFunctionDeclaration(parent) ||
          ts.isFunctionExpression(parent) ||
          ts.isClassDeclaration(parent) ||
          ts.isClassExpression(parent) ||
          ts.isEnumDeclaration(parent) ||
          ts.isInterfaceDeclaration(parent) ||
          ts.isTypeAliasDeclaration(parent) ||
          ts.isModuleDeclaration(parent) ||
          ts.isTypeParameterDeclaration(parent)
        );
      }
      return true;
    };

    walk(ts, ast, (node) => {
      if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        // process.env, process["env"], p.env (p imported from "node:process"), require("process").env
        if (memberName(ts, node) === "env" && isProcess(node.expression)) {
          // `process.env.NODE_ENV` is the build mode bundlers replace at build time (a package entry
          // choosing its production build, a dev-only warning), not configuration read at run time.
          const outer = node.parent;
          if ((ts.isPropertyAccessExpression(outer) || ts.isElementAccessExpression(outer)) && outer.expression === node && memberName(ts, outer) === "NODE_ENV") return;
          // The whole environment handed on (`spawn(cmd, { env: process.env })`, `{ ...process.env, X: "1" }`,
          // `Object.assign(target, process.env)`) is forwarded to a child process or a sandbox, not read as configuration.
          let whole: TS.Node = node;
          while (ts.isParenthesizedExpression(whole.parent) || ts.isAsExpression(whole.parent)) whole = whole.parent;
          // A spread copy counts as handed on only when the copy itself is (`{ env: { ...process.env } }`); a copy kept in a variable is read later.
          const handedOn = (value: TS.Node): boolean => {
            const holder = value.parent;
            return (ts.isPropertyAssignment(holder) && holder.initializer === value) || (ts.isCallExpression(holder) && holder.arguments.includes(value as TS.Expression)) || (ts.isNewExpression(holder) && holder.arguments?.includes(value as TS.Expression) === true);
          };
          if (handedOn(whole)) return;
          if (ts.isSpreadAssignment(whole.parent) && handedOn(whole.parent.parent)) return;
          // Setting or removing a variable (`process.env.X = v`, `delete process.env.X`) hands configuration to a child process or restores it: no read.
          if ((ts.isPropertyAccessExpression(outer) || ts.isElementAccessExpression(outer)) && outer.expression === node) {
            const use = outer.parent;
            if (ts.isDeleteExpression(use)) return;
            if (ts.isBinaryExpression(use) && use.left === outer && use.operatorToken.kind === ts.SyntaxKind.EqualsToken) return;
          }
          ctx.report({ messageId: "env", node });
        }
        return;
      }
      if (ts.isVariableDeclaration(node) && node.initializer !== undefined && ts.isObjectBindingPattern(node.name) && isProcess(node.initializer)) {
        // const { env } = process
        for (const element of node.name.elements) {
          const key = element.propertyName ?? element.name;
          if ((ts.isIdentifier(key) || ts.isStringLiteral(key)) && key.text === "env") ctx.report({ messageId: "env", node: element });
        }
        return;
      }
      // env.X where `env` is imported from "node:process" (not a local of the same name).
      if (ts.isIdentifier(node) && envAliases.has(node.text) && isValueReference(node) && !isShadowed(node)) {
        ctx.report({ messageId: "env", node });
      }
    });
  },
});
