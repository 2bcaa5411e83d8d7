import type * as TsMorphModule from "ts-morph";
import type { CallExpression, Node, SourceFile } from "ts-morph";

/** The web frameworks whose routes Warden finds in the code. */
export type Framework = "express" | "fastify" | "hono" | "koa" | "nestjs" | "next" | "node-http";

/** One HTTP endpoint found in the code. */
export interface Endpoint {
  /** Upper-case HTTP method, or ALL when the handler answers every method. */
  readonly method: string;
  /** The path, with parameters written `:name` (`:name*` for a catch-all). */
  readonly path: string;
  readonly framework: Framework;
  /** Repository-relative file of the handler. */
  readonly file: string;
  /** 1-based line of the handler (or of the route's registration when the handler is elsewhere). */
  readonly line: number;
}

const ROUTE_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "all"]);
const NEXT_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
const NEST_DECORATORS = new Map([
  ["Get", "GET"],
  ["Post", "POST"],
  ["Put", "PUT"],
  ["Patch", "PATCH"],
  ["Delete", "DELETE"],
  ["Head", "HEAD"],
  ["Options", "OPTIONS"],
  ["All", "ALL"],
]);
const FRAMEWORK_MODULES: Record<string, Framework> = {
  express: "express",
  fastify: "fastify",
  hono: "hono",
  "@koa/router": "koa",
  "koa-router": "koa",
  "@nestjs/common": "nestjs",
  http: "node-http",
  "node:http": "node-http",
  https: "node-http",
  "node:https": "node-http",
};
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const LEFT_OUT = /(?:^|\/)(?:node_modules|dist|build|out|coverage|\.next|test|tests|__tests__|__mocks__|fixtures|__fixtures__)\/|\.(?:test|spec)\.[cm]?[jt]sx?$|\.d\.[cm]?ts$/;
/** Next.js app router handlers: `app/…/route.ts` (optionally under `src/`). */
const NEXT_ROUTE = /(?:^|\/)app\/(?:(.*)\/)?route\.(?:[cm]?[jt]s|[jt]sx)$/;
/** Next.js pages router API routes: `pages/api/…`. */
const NEXT_API = /(?:^|\/)pages\/(api(?:\/.*)?)\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Whether `file` (repository-relative) can hold endpoints: a JS/TS source that is not a test, fixture, declaration or build output. */
export function isEndpointSource(file: string): boolean {
  return SOURCE_FILE.test(file) && !LEFT_OUT.test(file);
}

/** Whether the text is worth parsing: it names a framework module, or the file is a Next.js route by its place. */
function mayHoldRoutes(file: string, text: string): boolean {
  if (NEXT_ROUTE.test(file) || NEXT_API.test(file)) return true;
  return /["'](?:express|fastify|hono|@koa\/router|koa-router|@nestjs\/common|(?:node:)?https?)["']/.test(text);
}

/** Join path parts with single slashes; the result starts with `/` and has no trailing slash (except `/` itself). */
export function joinPath(...parts: readonly string[]): string {
  const joined = parts
    .flatMap((p) => p.split("/"))
    .filter((p) => p !== "")
    .join("/");
  return `/${joined}`;
}

/** A Next.js file-system segment as a path segment: groups and slots vanish, `[id]` → `:id`, `[...all]` → `:all*`. */
function nextSegment(segment: string): string | undefined {
  if (/^\(.*\)$/.test(segment) || segment.startsWith("@")) return undefined;
  const optionalCatchAll = /^\[\[\.\.\.(.+)\]\]$/.exec(segment);
  if (optionalCatchAll !== null) return `:${optionalCatchAll[1]}*?`;
  const catchAll = /^\[\.\.\.(.+)\]$/.exec(segment);
  if (catchAll !== null) return `:${catchAll[1]}*`;
  const param = /^\[(.+)\]$/.exec(segment);
  return param !== null ? `:${param[1]}` : segment;
}

function nextPath(dirs: string): string {
  return joinPath(...dirs.split("/").map(nextSegment).filter((s): s is string => s !== undefined));
}

/** What an identifier stands for in one file. */
type Receiver =
  | { readonly kind: "app"; readonly framework: Framework; readonly prefix: string }
  | { readonly kind: "route"; readonly framework: Framework; readonly path: string };

interface Mount {
  /** The mounting receiver's key, the prefix, and the mounted router's key. */
  readonly parent: string;
  readonly prefix: string;
  readonly child: string;
}

interface RawRoute {
  readonly owner: string;
  readonly method: string;
  readonly path: string;
  readonly framework: Framework;
  readonly file: string;
  readonly line: number;
}

/** Per-file facts kept between the parse of a file and the joining of every file's mounts. */
interface FileFacts {
  readonly routes: RawRoute[];
  readonly mounts: Mount[];
  /** Exported name → receiver key (`default` for the default export). */
  readonly exports: Map<string, string>;
  /** Local name → (resolved file, exported name) of relative imports. */
  readonly imports: Map<string, { readonly file: string; readonly name: string }>;
}

/**
 * Find the HTTP endpoints of Express, Fastify, Hono, Koa router, NestJS, Next.js (route handlers
 * and API routes) and plain `node:http` servers in `files` (repository-relative; `read` gives each
 * file's text). Syntax only (no type checker): one parse per file that names a framework, then one
 * pass joining routers to where they are mounted (`app.use("/api", router)`, `app.route("/v1", sub)`,
 * `router.use("/p", sub.routes())`, `fastify.register(plugin, { prefix })`), across relative imports.
 * A call counts as a route only on a receiver created by the framework (`express()`,
 * `express.Router()`, `Fastify()`, `new Hono()`, `new Router()` of @koa/router), a Fastify
 * plugin's instance, or a route chain of one. Sorted by path, method, file, line.
 */
export async function discoverEndpoints(files: readonly string[], read: (file: string) => string | undefined): Promise<Endpoint[]> {
  const known = new Set(files);
  const facts = new Map<string, FileFacts>();
  const endpoints: Endpoint[] = [];
  // ts-morph (and TypeScript under it) is loaded only when some file may hold routes
  let tsMorph: typeof TsMorphModule | undefined;
  let project: TsMorphModule.Project | undefined;
  for (const file of files) {
    if (!isEndpointSource(file)) continue;
    const text = read(file);
    if (text === undefined || !mayHoldRoutes(file, text)) continue;
    tsMorph ??= await import("ts-morph");
    project ??= new tsMorph.Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: true, jsx: tsMorph.ts.JsxEmit.Preserve }, skipFileDependencyResolution: true });
    const source = project.createSourceFile(`/${file}`, text, { overwrite: true });
    try {
      const found = scanFile(tsMorph, source, file, known);
      facts.set(file, found.facts);
      endpoints.push(...found.direct);
    } finally {
      project.removeSourceFile(source);
    }
  }
  endpoints.push(...joinMounts(facts));
  const unique = new Map<string, Endpoint>();
  for (const e of endpoints) unique.set(`${e.method} ${e.path} ${e.file}:${e.line}`, e);
  return [...unique.values()].sort((a, b) => cmp(a.path, b.path) || cmp(a.method, b.method) || cmp(a.file, b.file) || a.line - b.line);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Resolve a relative import specifier of `from` against the listed files. */
function resolveImport(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = from.includes("/") ? from.slice(0, from.lastIndexOf("/")) : "";
  const parts: string[] = base === "" ? [] : base.split("/");
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  const stem = parts.join("/").replace(/\.[cm]?js$/, "");
  for (const candidate of [parts.join("/"), `${stem}.ts`, `${stem}.tsx`, `${stem}.js`, `${stem}.mjs`, `${stem}.cjs`, `${stem}.mts`, `${stem}/index.ts`, `${stem}/index.js`]) {
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

function stringValue(tsMorph: typeof TsMorphModule, node: Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (tsMorph.Node.isStringLiteral(node) || tsMorph.Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  return undefined;
}

function scanFile(tsMorph: typeof TsMorphModule, source: SourceFile, file: string, known: ReadonlySet<string>): { facts: FileFacts; direct: Endpoint[] } {
  const { Node, SyntaxKind } = tsMorph;
  const facts: FileFacts = { routes: [], mounts: [], exports: new Map(), imports: new Map() };
  const direct: Endpoint[] = [];
  const key = (name: string): string => `${file}#${name}`;

  // Syntax only (a type checker per file would cost a program build each): names resolved by scope walking.
  const topLevel = new Map<string, Node>();
  for (const decl of [...source.getDescendantsOfKind(SyntaxKind.FunctionDeclaration), ...source.getDescendantsOfKind(SyntaxKind.VariableDeclaration)]) {
    const name = Node.isFunctionDeclaration(decl) ? decl.getName() : Node.isIdentifier(decl.getNameNode()) ? decl.getName() : undefined;
    if (name !== undefined && !topLevel.has(name)) topLevel.set(name, decl);
  }
  /** The declaration `id` names: the nearest enclosing function's parameter of that name, else a function or variable of the file. */
  const declarationOf = (id: Node): Node | undefined => {
    const name = id.getText();
    for (let scope = id.getParent(); scope !== undefined; scope = scope.getParent()) {
      if (Node.isFunctionDeclaration(scope) || Node.isFunctionExpression(scope) || Node.isArrowFunction(scope) || Node.isMethodDeclaration(scope)) {
        const param = scope.getParameters().find((p) => p.getName() === name);
        if (param !== undefined) return param;
      }
    }
    return topLevel.get(name);
  };
  /** Exported name → the local declaration (or expression) it exports. */
  const exported = new Map<string, Node>();
  for (const statement of source.getStatements()) {
    if (Node.isFunctionDeclaration(statement) && statement.hasExportKeyword()) {
      const name = statement.hasDefaultKeyword() ? "default" : statement.getName();
      if (name !== undefined) exported.set(name, statement);
    } else if (Node.isVariableStatement(statement) && statement.hasExportKeyword()) {
      for (const decl of statement.getDeclarations()) exported.set(decl.getName(), decl);
    } else if (Node.isExportDeclaration(statement) && !statement.hasModuleSpecifier()) {
      for (const named of statement.getNamedExports()) {
        const local = topLevel.get(named.getName());
        if (local !== undefined) exported.set(named.getAliasNode()?.getText() ?? named.getName(), local);
      }
    } else if (Node.isExportAssignment(statement) && !statement.isExportEquals()) {
      const expr = statement.getExpression();
      exported.set("default", (Node.isIdentifier(expr) ? topLevel.get(expr.getText()) : undefined) ?? expr);
    }
  }

  // 1. imports: which local names are the frameworks' factories, and which come from sibling files
  const factories = new Map<string, { framework: Framework; member?: string }>();
  for (const decl of source.getImportDeclarations()) {
    const specifier = decl.getModuleSpecifierValue();
    const framework = FRAMEWORK_MODULES[specifier];
    const resolved = resolveImport(file, specifier, known);
    const def = decl.getDefaultImport()?.getText();
    if (def !== undefined) {
      if (framework !== undefined) factories.set(def, { framework });
      if (resolved !== undefined) facts.imports.set(def, { file: resolved, name: "default" });
    }
    const ns = decl.getNamespaceImport()?.getText();
    if (ns !== undefined && framework !== undefined) factories.set(ns, { framework });
    for (const named of decl.getNamedImports()) {
      const local = named.getAliasNode()?.getText() ?? named.getName();
      if (framework !== undefined) factories.set(local, { framework, member: named.getName() });
      if (resolved !== undefined) facts.imports.set(local, { file: resolved, name: named.getName() });
    }
  }
  // CommonJS: const express = require("express"); const { Router } = require("express")
  for (const decl of source.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    const init = decl.getInitializer();
    if (init === undefined || !Node.isCallExpression(init) || init.getExpression().getText() !== "require") continue;
    const specifier = stringValue(tsMorph, init.getArguments()[0]);
    if (specifier === undefined) continue;
    const framework = FRAMEWORK_MODULES[specifier];
    const resolved = resolveImport(file, specifier, known);
    const nameNode = decl.getNameNode();
    if (Node.isIdentifier(nameNode)) {
      if (framework !== undefined) factories.set(nameNode.getText(), { framework });
      if (resolved !== undefined) facts.imports.set(nameNode.getText(), { file: resolved, name: "default" });
    } else if (Node.isObjectBindingPattern(nameNode)) {
      for (const element of nameNode.getElements()) {
        const member = element.getPropertyNameNode()?.getText() ?? element.getName();
        if (framework !== undefined) factories.set(element.getName(), { framework, member });
        if (resolved !== undefined) facts.imports.set(element.getName(), { file: resolved, name: member });
      }
    }
  }

  const nextRoute = NEXT_ROUTE.exec(file);
  const nextApi = NEXT_API.exec(file);
  if (nextRoute !== null) {
    const routePath = nextPath(nextRoute[1] ?? "");
    for (const [name, decl] of exported) {
      if (!NEXT_METHODS.has(name)) continue;
      direct.push({ method: name, path: routePath, framework: "next", file, line: decl.getStartLineNumber() });
    }
  }
  if (nextApi !== null) {
    const decl = exported.get("default");
    if (decl !== undefined) {
      const routePath = nextPath((nextApi[1] ?? "api").replace(/(?:^|\/)index$/, ""));
      direct.push({ method: "ALL", path: routePath, framework: "next", file, line: decl.getStartLineNumber() });
    }
  }
  if (factories.size === 0) return { facts, direct };

  const receivers = new Map<string, Receiver>();
  const isFactoryCall = (expr: Node): Framework | undefined => {
    // express(), Fastify(), express.Router(), Router(), require("fastify")()
    if (Node.isCallExpression(expr)) {
      const callee = expr.getExpression();
      if (Node.isIdentifier(callee)) {
        const f = factories.get(callee.getText());
        if (f === undefined) return undefined;
        if (f.framework === "express" && (f.member === undefined || f.member === "Router" || f.member === "default")) return "express";
        if (f.framework === "fastify" && (f.member === undefined || f.member === "fastify" || f.member === "default")) return "fastify";
        return undefined;
      }
      if (Node.isPropertyAccessExpression(callee)) {
        const f = factories.get(callee.getExpression().getText());
        if (f?.framework === "express" && callee.getName() === "Router") return "express";
        // new Hono().basePath("/api") is handled where prefixes are read
        return undefined;
      }
      if (Node.isCallExpression(callee) && callee.getExpression().getText() === "require") {
        const specifier = stringValue(tsMorph, callee.getArguments()[0]);
        const fw = specifier === undefined ? undefined : FRAMEWORK_MODULES[specifier];
        return fw === "express" || fw === "fastify" ? fw : undefined;
      }
    }
    if (Node.isNewExpression(expr)) {
      const callee = expr.getExpression().getText();
      const f = factories.get(callee);
      if (f?.framework === "hono" && (f.member === "Hono" || f.member === undefined)) return "hono";
      if (f?.framework === "koa" && (f.member === undefined || f.member === "Router" || f.member === "default")) return "koa";
      if (f?.framework === "express" && f.member === "Router") return "express";
    }
    return undefined;
  };
  /** The receiver an initializer creates: a factory call, with a prefix from `new Router({ prefix })` or `.basePath()`. */
  const receiverOf = (expr: Node): Receiver | undefined => {
    const framework = isFactoryCall(expr);
    if (framework !== undefined) {
      let prefix = "";
      if (framework === "koa" && Node.isNewExpression(expr)) {
        const options = expr.getArguments()[0];
        if (options !== undefined && Node.isObjectLiteralExpression(options)) {
          const prop = options.getProperty("prefix");
          if (prop !== undefined && Node.isPropertyAssignment(prop)) prefix = stringValue(tsMorph, prop.getInitializer()) ?? "";
        }
      }
      return { kind: "app", framework, prefix };
    }
    if (Node.isCallExpression(expr)) {
      const callee = expr.getExpression();
      if (Node.isPropertyAccessExpression(callee) && callee.getName() === "basePath") {
        const inner = receiverOf(callee.getExpression());
        const base = stringValue(tsMorph, expr.getArguments()[0]);
        if (inner?.kind === "app" && inner.framework === "hono" && base !== undefined) return { ...inner, prefix: joinPath(inner.prefix, base) };
      }
    }
    return undefined;
  };

  for (const decl of source.getDescendantsOfKind(SyntaxKind.VariableDeclaration)) {
    const init = decl.getInitializer();
    const nameNode = decl.getNameNode();
    if (init === undefined || !Node.isIdentifier(nameNode)) continue;
    const receiver = receiverOf(init);
    if (receiver !== undefined) receivers.set(nameNode.getText(), receiver);
  }
  // Fastify plugins: a function whose first parameter is typed FastifyInstance, or a function passed to `.register()` of a Fastify receiver
  const pluginParams = new Set<Node>();
  const markPlugin = (fn: Node | undefined): void => {
    if (fn === undefined) return;
    if (Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isArrowFunction(fn)) {
      const first = fn.getParameters()[0];
      if (first !== undefined) pluginParams.add(first);
    }
  };
  for (const param of source.getDescendantsOfKind(SyntaxKind.Parameter)) {
    if (/^FastifyInstance\b/.test(param.getTypeNode()?.getText() ?? "") && factories.get("FastifyInstance")?.framework === "fastify") pluginParams.add(param);
  }

  /** The receiver `expr` refers to: a known variable, a plugin parameter, or a chain of route calls on one. */
  const resolve = (expr: Node): { receiver: Receiver; key: string } | undefined => {
    if (Node.isIdentifier(expr)) {
      const name = expr.getText();
      const own = receivers.get(name);
      if (own !== undefined) return { receiver: own, key: key(name) };
      const decl = declarationOf(expr);
      if (decl !== undefined && pluginParams.has(decl)) return { receiver: { kind: "app", framework: "fastify", prefix: "" }, key: `${file}@${decl.getStart()}` };
      return undefined;
    }
    if (Node.isCallExpression(expr)) {
      const callee = expr.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) return undefined;
      const inner = resolve(callee.getExpression());
      if (inner === undefined) return undefined;
      const method = callee.getName();
      // express: app.route("/book").get(h).post(h); hono: app.get("/a", h).post("/b", h)
      if (inner.receiver.kind === "app" && method === "route" && inner.receiver.framework === "express") {
        const routePath = stringValue(tsMorph, expr.getArguments()[0]);
        return routePath === undefined ? undefined : { receiver: { kind: "route", framework: "express", path: routePath }, key: inner.key };
      }
      if (ROUTE_METHODS.has(method.toLowerCase()) || method === "on" || method === "use") return inner;
      return undefined;
    }
    return undefined;
  };

  // plugins registered before their routes are read: `app.register(plugin)` marks plugin's first parameter (nested plugins: repeat)
  const registers = source.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => {
    const callee = call.getExpression();
    return Node.isPropertyAccessExpression(callee) && callee.getName() === "register";
  });
  for (let round = 0, before = -1; round < 4 && before !== pluginParams.size; round += 1) {
    before = pluginParams.size;
    for (const call of registers) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || resolve(callee.getExpression())?.receiver.framework !== "fastify") continue;
      const fn = call.getArguments()[0];
      markPlugin(fn !== undefined && Node.isIdentifier(fn) ? declarationOf(fn) : fn);
    }
  }

  const handlerLine = (node: Node | undefined, fallback: CallExpression): number => {
    if (node === undefined) return fallback.getStartLineNumber();
    if (Node.isIdentifier(node)) {
      const decl = declarationOf(node);
      if (decl !== undefined && (Node.isFunctionDeclaration(decl) || Node.isVariableDeclaration(decl))) return decl.getStartLineNumber();
    }
    return node.getStartLineNumber();
  };
  const childKey = (node: Node | undefined): string | undefined => {
    if (node === undefined) return undefined;
    // koa: router.use("/p", sub.routes())
    if (Node.isCallExpression(node)) {
      const callee = node.getExpression();
      if (Node.isPropertyAccessExpression(callee) && callee.getName() === "routes") return childKey(callee.getExpression());
      return undefined;
    }
    if (!Node.isIdentifier(node)) return undefined;
    const name = node.getText();
    if (receivers.has(name)) return key(name);
    const imported = facts.imports.get(name);
    if (imported !== undefined) return `import:${imported.file}#${imported.name}`;
    const decl = declarationOf(node);
    if (decl !== undefined && Node.isFunctionDeclaration(decl)) {
      const first = decl.getParameters()[0];
      if (first !== undefined) return `${file}@${first.getStart()}`;
    }
    return undefined;
  };

  // node:http: `req.url === "/path"` inside a createServer((req, res) => …) handler
  const httpRequests = new Set<Node>();
  for (const call of source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    const owner = Node.isPropertyAccessExpression(callee) ? factories.get(callee.getExpression().getText()) : factories.get(name);
    if (name !== "createServer" || owner?.framework !== "node-http") continue;
    const fn = call.getArguments().find((a) => Node.isFunctionExpression(a) || Node.isArrowFunction(a));
    if (fn !== undefined && (Node.isFunctionExpression(fn) || Node.isArrowFunction(fn))) {
      const first = fn.getParameters()[0];
      if (first !== undefined) httpRequests.add(first);
    }
  }

  source.forEachDescendant((node) => {
    if (Node.isBinaryExpression(node) && httpRequests.size > 0) {
      const op = node.getOperatorToken().getKind();
      if (op !== SyntaxKind.EqualsEqualsEqualsToken && op !== SyntaxKind.EqualsEqualsToken) return;
      const [left, right] = [node.getLeft(), node.getRight()];
      const [access, literal] = Node.isPropertyAccessExpression(left) ? [left, right] : [right, left];
      if (!Node.isPropertyAccessExpression(access) || access.getName() !== "url") return;
      const target = access.getExpression();
      const decl = Node.isIdentifier(target) ? declarationOf(target) : undefined;
      const value = stringValue(tsMorph, literal);
      if (decl === undefined || !httpRequests.has(decl) || value === undefined || !value.startsWith("/")) return;
      direct.push({ method: "ALL", path: value.split("?")[0] ?? value, framework: "node-http", file, line: node.getStartLineNumber() });
      return;
    }
    if (Node.isClassDeclaration(node)) {
      const controller = node.getDecorator("Controller");
      if (controller === undefined || factories.get("Controller")?.framework !== "nestjs") return;
      const arg = controller.getArguments()[0];
      let prefix = stringValue(tsMorph, arg) ?? "";
      if (arg !== undefined && Node.isObjectLiteralExpression(arg)) {
        const prop = arg.getProperty("path");
        if (prop !== undefined && Node.isPropertyAssignment(prop)) prefix = stringValue(tsMorph, prop.getInitializer()) ?? "";
      }
      for (const method of node.getMethods()) {
        for (const decorator of method.getDecorators()) {
          const verb = NEST_DECORATORS.get(decorator.getName());
          if (verb === undefined || factories.get(decorator.getName())?.framework !== "nestjs") continue;
          const sub = stringValue(tsMorph, decorator.getArguments()[0]) ?? "";
          direct.push({ method: verb, path: joinPath(prefix, sub), framework: "nestjs", file, line: method.getStartLineNumber() });
        }
      }
      return;
    }
    if (!Node.isCallExpression(node)) return;
    const callee = node.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) return;
    const method = callee.getName();
    const target = resolve(callee.getExpression());
    if (target === undefined) return;
    const { receiver } = target;
    const args = node.getArguments();
    if (receiver.kind === "route") {
      if (!ROUTE_METHODS.has(method) || args.length === 0) return;
      facts.routes.push({ owner: target.key, method: method.toUpperCase(), path: receiver.path, framework: receiver.framework, file, line: handlerLine(args[args.length - 1], node) });
      return;
    }
    const prefix = receiver.prefix;
    if (method === "use" || method === "route" || method === "register") {
      if (method === "register") {
        const fn = args[0];
        const options = args[1];
        let mountPrefix = "";
        if (options !== undefined && Node.isObjectLiteralExpression(options)) {
          const prop = options.getProperty("prefix");
          if (prop !== undefined && Node.isPropertyAssignment(prop)) mountPrefix = stringValue(tsMorph, prop.getInitializer()) ?? "";
        }
        const child = fn !== undefined && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) ? (fn.getParameters()[0] === undefined ? undefined : `${file}@${fn.getParameters()[0]?.getStart()}`) : childKey(fn);
        if (child !== undefined) facts.mounts.push({ parent: target.key, prefix: joinPath(prefix, mountPrefix), child });
        return;
      }
      const first = stringValue(tsMorph, args[0]);
      const children = first === undefined ? args : args.slice(1);
      for (const arg of children) {
        const child = childKey(arg);
        if (child !== undefined) facts.mounts.push({ parent: target.key, prefix: joinPath(prefix, first ?? ""), child });
      }
      return;
    }
    if (method === "on" && receiver.framework === "hono") {
      const verbs = args[0];
      const routePath = stringValue(tsMorph, args[1]);
      if (routePath === undefined || args.length < 3) return;
      const list = verbs !== undefined && Node.isArrayLiteralExpression(verbs) ? verbs.getElements().map((e) => stringValue(tsMorph, e)) : [stringValue(tsMorph, verbs)];
      for (const verb of list) if (verb !== undefined) facts.routes.push({ owner: target.key, method: verb.toUpperCase(), path: joinPath(prefix, routePath), framework: "hono", file, line: handlerLine(args[args.length - 1], node) });
      return;
    }
    if (method === "route" && receiver.framework === "fastify") return;
    if (method === "route") return;
    if (!ROUTE_METHODS.has(method)) {
      // fastify.route({ method: "GET", url: "/x", handler })
      return;
    }
    // app.get("/path", handler…); koa named routes: router.get("name", "/path", handler)
    const firstString = stringValue(tsMorph, args[0]);
    const secondString = stringValue(tsMorph, args[1]);
    const routePath = receiver.framework === "koa" && secondString !== undefined && args.length >= 3 ? secondString : firstString;
    if (routePath === undefined || args.length < 2) return; // express's app.get("setting") reads a setting
    facts.routes.push({ owner: target.key, method: method.toUpperCase(), path: joinPath(prefix, routePath), framework: receiver.framework, file, line: handlerLine(args[args.length - 1], node) });
  });

  // fastify.route({ method, url, handler }) on Fastify receivers
  for (const call of source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== "route") continue;
    const target = resolve(callee.getExpression());
    if (target?.receiver.kind !== "app" || target.receiver.framework !== "fastify") continue;
    const options = call.getArguments()[0];
    if (options === undefined || !Node.isObjectLiteralExpression(options)) continue;
    const prop = (name: string): Node | undefined => {
      const p = options.getProperty(name);
      return p !== undefined && Node.isPropertyAssignment(p) ? p.getInitializer() : undefined;
    };
    const url = stringValue(tsMorph, prop("url") ?? prop("path"));
    const methods = prop("method");
    const handler = prop("handler");
    if (url === undefined || methods === undefined) continue;
    const list = Node.isArrayLiteralExpression(methods) ? methods.getElements().map((e) => stringValue(tsMorph, e)) : [stringValue(tsMorph, methods)];
    for (const verb of list) if (verb !== undefined) facts.routes.push({ owner: target.key, method: verb.toUpperCase(), path: joinPath(target.receiver.prefix, url), framework: "fastify", file, line: handlerLine(handler, call) });
  }

  // exports: export default router; export { router }; export const router = …; module.exports = router
  for (const [name, decl] of exported) {
    if (Node.isVariableDeclaration(decl) && receivers.has(decl.getName())) facts.exports.set(name, key(decl.getName()));
    else if (Node.isFunctionDeclaration(decl) && decl.getParameters()[0] !== undefined) facts.exports.set(name, `${file}@${decl.getParameters()[0]?.getStart()}`);
  }
  const defaultExpr = source.getExportAssignment((e) => !e.isExportEquals())?.getExpression();
  if (defaultExpr !== undefined && Node.isIdentifier(defaultExpr) && receivers.has(defaultExpr.getText())) facts.exports.set("default", key(defaultExpr.getText()));
  for (const statement of source.getStatements()) {
    if (!Node.isExpressionStatement(statement)) continue;
    const expr = statement.getExpression();
    if (!Node.isBinaryExpression(expr) || expr.getLeft().getText() !== "module.exports") continue;
    const right = expr.getRight();
    if (Node.isIdentifier(right) && receivers.has(right.getText())) facts.exports.set("default", key(right.getText()));
  }
  return { facts, direct };
}

/** Give every route its full path: the prefixes of the chain of mounts above its router (each router mounted once per place). */
function joinMounts(facts: ReadonlyMap<string, FileFacts>): Endpoint[] {
  const canonical = (k: string): string => {
    if (!k.startsWith("import:")) return k;
    const [file, name] = k.slice("import:".length).split("#") as [string, string];
    return facts.get(file)?.exports.get(name) ?? k;
  };
  const parents = new Map<string, { parent: string; prefix: string }[]>();
  for (const f of facts.values()) {
    for (const m of f.mounts) {
      const child = canonical(m.child);
      const list = parents.get(child) ?? [];
      list.push({ parent: canonical(m.parent), prefix: m.prefix });
      parents.set(child, list);
    }
  }
  /** Every full prefix of `owner`, following mounts up to a router mounted nowhere (cycles cut). */
  const memo = new Map<string, string[]>();
  const prefixes = (owner: string, seen: ReadonlySet<string>): string[] => {
    const cached = memo.get(owner);
    if (cached !== undefined) return cached;
    const ups = parents.get(owner);
    if (ups === undefined || seen.has(owner)) return [""];
    const next = new Set(seen).add(owner);
    const out = ups.flatMap((up) => prefixes(up.parent, next).map((p) => joinPath(p, up.prefix)));
    memo.set(owner, out);
    return out;
  };
  const endpoints: Endpoint[] = [];
  for (const f of facts.values()) {
    for (const r of f.routes) {
      for (const prefix of prefixes(r.owner, new Set())) {
        endpoints.push({ method: r.method, path: joinPath(prefix, r.path), framework: r.framework, file: r.file, line: r.line });
      }
    }
  }
  return endpoints;
}

/** Whether the path has parameters (`:id`, `*`, `{id}`): such endpoints are not probed. */
export function hasParameters(routePath: string): boolean {
  return /[:*{[]/.test(routePath);
}
