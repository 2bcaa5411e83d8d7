import type ts from "typescript";
import { hasExportKeyword, walk } from "./ast.js";

/** One import of a module: what it names and where. `names` "*" means every export (namespace, dynamic import, require). */
export interface ImportEdge {
  readonly specifier: string;
  readonly names: ReadonlySet<string> | "*";
  readonly line: number;
  readonly column: number;
  readonly typeOnly: boolean;
}

/** A re-export `export { from as as } from "specifier"`. */
export interface ReExport {
  readonly specifier: string;
  readonly from: string;
  readonly as: string;
}

/** What a module imports and exports, read from its syntax tree alone. */
export interface ModuleInfo {
  readonly imports: ImportEdge[];
  /** Names this module declares and exports itself, with their 1-based position. */
  readonly exports: Map<string, { readonly line: number; readonly column: number }>;
  readonly reExports: ReExport[];
  /** Specifiers of `export * from`. */
  readonly stars: string[];
}

function stringArgument(tsApi: typeof ts, call: ts.CallExpression): string | undefined {
  const first = call.arguments[0];
  return first !== undefined && (tsApi.isStringLiteral(first) || tsApi.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
}

/** Collect the imports and exports of a parsed module (ESM syntax, dynamic `import()`, `require()`, and `require.resolve()` / `import.meta.resolve()`, which name a module to load). */
export function moduleInfo(tsApi: typeof ts, ast: ts.SourceFile): ModuleInfo {
  const info: ModuleInfo = { imports: [], exports: new Map(), reExports: [], stars: [] };
  const at = (node: ts.Node): { line: number; column: number } => {
    const pos = ast.getLineAndCharacterOfPosition(node.getStart(ast));
    return { line: pos.line + 1, column: pos.character + 1 };
  };
  const addExport = (name: string, node: ts.Node): void => {
    if (!info.exports.has(name)) info.exports.set(name, at(node));
  };
  for (const statement of ast.statements) {
    if (tsApi.isImportDeclaration(statement) && tsApi.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = new Set<string>();
      if (clause?.name !== undefined) named.add("default");
      const bindings = clause?.namedBindings;
      if (bindings !== undefined && !tsApi.isNamespaceImport(bindings)) for (const el of bindings.elements) named.add((el.propertyName ?? el.name).text);
      const names: ReadonlySet<string> | "*" = bindings !== undefined && tsApi.isNamespaceImport(bindings) ? "*" : named;
      info.imports.push({ specifier: statement.moduleSpecifier.text, names, ...at(statement), typeOnly: clause?.isTypeOnly === true });
    } else if (tsApi.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier !== undefined && tsApi.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (specifier === undefined) {
        if (clause !== undefined && tsApi.isNamedExports(clause)) for (const el of clause.elements) addExport(el.name.text, el);
        continue;
      }
      if (clause === undefined) {
        info.stars.push(specifier);
        info.imports.push({ specifier, names: new Set(), ...at(statement), typeOnly: statement.isTypeOnly });
      } else if (tsApi.isNamespaceExport(clause)) {
        addExport(clause.name.text, clause);
        info.imports.push({ specifier, names: "*", ...at(statement), typeOnly: statement.isTypeOnly });
      } else {
        for (const el of clause.elements) info.reExports.push({ specifier, from: (el.propertyName ?? el.name).text, as: el.name.text });
        info.imports.push({ specifier, names: new Set(), ...at(statement), typeOnly: statement.isTypeOnly });
      }
    } else if (tsApi.isExportAssignment(statement)) {
      addExport("default", statement);
    } else if (hasExportKeyword(tsApi, statement)) {
      const modifiers = tsApi.canHaveModifiers(statement) ? (tsApi.getModifiers(statement) ?? []) : [];
      if (modifiers.some((m) => m.kind === tsApi.SyntaxKind.DefaultKeyword)) addExport("default", statement);
      else if (tsApi.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) if (tsApi.isIdentifier(decl.name)) addExport(decl.name.text, decl.name);
      } else {
        const name = (statement as ts.DeclarationStatement).name;
        if (name !== undefined && tsApi.isIdentifier(name)) addExport(name.text, name);
      }
    } else if (tsApi.isImportEqualsDeclaration(statement) && tsApi.isExternalModuleReference(statement.moduleReference)) {
      const expr = statement.moduleReference.expression;
      if (tsApi.isStringLiteral(expr)) info.imports.push({ specifier: expr.text, names: "*", ...at(statement), typeOnly: statement.isTypeOnly });
    }
  }
  if (/\bimport\s*\(|\brequire\s*\(|\brequire\.resolve\s*\(|\bimport\.meta\.resolve\s*\(/.test(ast.text)) {
    walk(tsApi, ast, (node) => {
      // `import("./x").Name` in a type position: an import of Name.
      if (tsApi.isImportTypeNode(node) && tsApi.isLiteralTypeNode(node.argument) && tsApi.isStringLiteral(node.argument.literal)) {
        let first: ts.EntityName | undefined = node.qualifier;
        while (first !== undefined && tsApi.isQualifiedName(first)) first = first.left;
        const names: ReadonlySet<string> | "*" = first === undefined ? "*" : new Set([first.text]);
        info.imports.push({ specifier: node.argument.literal.text, names, ...at(node), typeOnly: true });
        return;
      }
      if (!tsApi.isCallExpression(node)) return;
      const isImport = node.expression.kind === tsApi.SyntaxKind.ImportKeyword;
      const isRequire = tsApi.isIdentifier(node.expression) && node.expression.text === "require";
      // `require.resolve("./worker")`, `import.meta.resolve("./worker.js")`: a module named to be loaded by its path
      const callee = node.expression;
      const isResolve =
        tsApi.isPropertyAccessExpression(callee) &&
        callee.name.text === "resolve" &&
        ((tsApi.isIdentifier(callee.expression) && callee.expression.text === "require") || (tsApi.isMetaProperty(callee.expression) && callee.expression.keywordToken === tsApi.SyntaxKind.ImportKeyword));
      if (!isImport && !isRequire && !isResolve) return;
      const specifier = stringArgument(tsApi, node);
      if (specifier !== undefined) info.imports.push({ specifier, names: "*", ...at(node), typeOnly: false });
    });
  }
  return info;
}

/** The package a bare specifier names: "@scope/name/sub" → "@scope/name", "name/sub" → "name"; undefined for relative, absolute, `node:`, `#` imports and the `~/`, `@/`, `$lib/` aliases. */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("#") || /^[a-z]+:/i.test(specifier)) return undefined;
  // Path aliases, never package names: `~/x`, `@/x`, `$lib/x`.
  if (/^(?:~|@|\$[\w-]*)(?:\/|$)/.test(specifier)) return undefined;
  // No npm package name starts with "~" (not URL-safe): `~icons/mdi/home` (unplugin-icons) is a virtual module.
  if (specifier.startsWith("~")) return undefined;
  const parts = specifier.split("/");
  if (specifier.startsWith("@")) return parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined;
  return parts[0];
}
