import path from "node:path";
import type * as TsMorphModule from "ts-morph";
import type { Node, Project, SourceFile, Type } from "ts-morph";
import type { TreeSource } from "./sources.js";

/** A parameter of a public signature. */
export interface ApiParameter {
  readonly name: string;
  readonly optional: boolean;
  readonly rest: boolean;
  readonly type: string;
  /** The members of a union type, sorted (a single member for other types). */
  readonly members: readonly string[];
}

/** A call signature: parameters and return type. */
export interface ApiSignature {
  readonly parameters: readonly ApiParameter[];
  readonly returns: string;
  readonly returnMembers: readonly string[];
}

/** A member of a class or interface. */
export interface ApiMember {
  readonly name: string;
  readonly kind: "property" | "method" | "constructor" | "getter" | "setter";
  readonly optional: boolean;
  readonly readonly: boolean;
  readonly static: boolean;
  readonly type?: string;
  readonly signatures?: readonly ApiSignature[];
}

/** One exported symbol of a package's public surface. */
export interface ApiSymbol {
  readonly name: string;
  readonly kind: "function" | "class" | "interface" | "type" | "enum" | "variable" | "namespace" | "other";
  readonly file: string;
  readonly line: number;
  readonly signatures?: readonly ApiSignature[];
  readonly members?: readonly ApiMember[];
  readonly type?: string;
  readonly enumMembers?: readonly { readonly name: string; readonly value: string }[];
}

/** A package's public surface: its exported symbols by name, from every `exports` entry point. */
export interface ApiSurface {
  readonly packageName: string;
  readonly dir: string;
  readonly entries: readonly string[];
  readonly symbols: ReadonlyMap<string, ApiSymbol>;
}

/** A difference between two surfaces. */
export interface ApiChange {
  readonly symbol: string;
  readonly level: "breaking" | "additive";
  readonly kind:
    | "removed"
    | "added"
    | "kind-changed"
    | "parameter-added-required"
    | "parameter-added-optional"
    | "parameter-became-required"
    | "parameter-became-optional"
    | "parameter-removed"
    | "parameter-narrowed"
    | "parameter-widened"
    | "parameter-changed"
    | "return-widened"
    | "return-narrowed"
    | "return-changed"
    | "member-removed"
    | "member-added"
    | "member-changed"
    | "enum-member-removed"
    | "enum-member-added"
    | "enum-member-changed"
    | "type-changed"
    | "signature-removed"
    | "signature-added";
  readonly before: string | undefined;
  readonly after: string | undefined;
  readonly file: string;
  readonly line: number;
}

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts"];

/** Entry points named by a manifest: `exports` (every subpath, best condition), else `types`/`main`/`module`. */
export function manifestEntries(manifest: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const pick = (value: unknown): string | undefined => {
    if (typeof value === "string") return value;
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    for (const condition of ["source", "types", "typings", "import", "module", "default", "require", "node"]) {
      const chosen = pick(record[condition]);
      if (chosen !== undefined) return chosen;
    }
    return undefined;
  };
  const exportsField = manifest.exports;
  if (typeof exportsField === "string") out.add(exportsField);
  else if (exportsField !== null && typeof exportsField === "object" && !Array.isArray(exportsField)) {
    const record = exportsField as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.some((k) => k.startsWith("."))) {
      for (const key of keys) {
        if (key.includes("*") || key.endsWith(".json") || key === "./package.json") continue;
        const chosen = pick(record[key]);
        if (chosen !== undefined) out.add(chosen);
      }
    } else {
      const chosen = pick(record);
      if (chosen !== undefined) out.add(chosen);
    }
  }
  if (out.size === 0) {
    for (const key of ["types", "typings", "module", "main"]) {
      const value = manifest[key];
      if (typeof value === "string") {
        out.add(value);
        break;
      }
    }
  }
  return [...out].filter((entry) => !entry.endsWith(".json") && !entry.endsWith(".css"));
}

/**
 * Map an entry point to the source file that produces it: itself when it is a TypeScript source,
 * else the same path under `src/` instead of `dist/`, `lib/`, `build/` or `out/`, with a
 * TypeScript extension. Undefined when no such source exists.
 */
export function sourceOfEntry(entry: string, files: ReadonlySet<string>, dir: string): string | undefined {
  const rel = path.posix.normalize(entry.replace(/^\.\//, ""));
  const full = (p: string): string => (dir === "." ? p : path.posix.join(dir, p));
  if (SOURCE_EXTENSIONS.some((ext) => rel.endsWith(ext)) && !rel.endsWith(".d.ts") && files.has(full(rel))) return full(rel);
  const stem = rel.replace(/\.d\.[mc]?ts$/, "").replace(/\.[mc]?js$/, "");
  const candidates = [stem, stem.replace(/^(?:dist|lib|build|out|types)\//, "src/"), stem.replace(/^(?:dist|lib|build|out|types)\//, "")];
  for (const candidate of candidates) {
    for (const ext of SOURCE_EXTENSIONS) if (files.has(full(`${candidate}${ext}`))) return full(`${candidate}${ext}`);
    for (const ext of SOURCE_EXTENSIONS) if (files.has(full(`${candidate}/index${ext}`))) return full(`${candidate}/index${ext}`);
  }
  if (rel.endsWith(".d.ts") && files.has(full(rel))) return full(rel);
  return undefined;
}

type TsMorph = typeof TsMorphModule;
let tsMorph: TsMorph | undefined;
async function loadTsMorph(): Promise<TsMorph> {
  tsMorph ??= await import("ts-morph");
  return tsMorph;
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function normaliseText(text: string): string {
  return text.replace(/\s+/g, " ").replace(/import\("[^"]*"\)\./g, "").trim();
}

/** A type's text and its union members, from the written annotation when there is one, else the checker. */
function typeInfo(ts: TsMorph, node: Node, fallback: () => Type): { text: string; members: string[] } {
  const annotation = (node as unknown as { getTypeNode?: () => Node | undefined }).getTypeNode?.();
  if (annotation !== undefined) {
    const flat = ts.Node.isUnionTypeNode(annotation) ? annotation.getTypeNodes().map((n) => normaliseText(n.getText())) : [normaliseText(annotation.getText())];
    return { text: normaliseText(annotation.getText()), members: sortedUnique(flat) };
  }
  const type = fallback();
  const text = normaliseText(type.getText(node, ts.ts.TypeFormatFlags.NoTruncation | ts.ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope));
  const members = type.isUnion() ? type.getUnionTypes().map((t) => normaliseText(t.getText(node, ts.ts.TypeFormatFlags.NoTruncation))) : [text];
  return { text, members: sortedUnique(members) };
}

function signatureOf(ts: TsMorph, decl: Node): ApiSignature {
  const fn = decl as unknown as {
    getParameters(): Node[];
    getReturnTypeNode?: () => Node | undefined;
    getReturnType(): Type;
  };
  const parameters = fn.getParameters().map((p) => {
    const param = p as unknown as { getName(): string; isOptional(): boolean; hasQuestionToken(): boolean; hasInitializer(): boolean; isRestParameter(): boolean; getType(): Type };
    const info = typeInfo(ts, p, () => param.getType());
    return { name: param.getName(), optional: param.isOptional() || param.hasQuestionToken() || param.hasInitializer(), rest: param.isRestParameter(), type: info.text, members: info.members };
  });
  const returnNode = fn.getReturnTypeNode?.();
  let returns: { text: string; members: string[] };
  if (returnNode !== undefined) {
    const members = ts.Node.isUnionTypeNode(returnNode) ? returnNode.getTypeNodes().map((n) => normaliseText(n.getText())) : [normaliseText(returnNode.getText())];
    returns = { text: normaliseText(returnNode.getText()), members: sortedUnique(members) };
  } else {
    const type = fn.getReturnType();
    const text = normaliseText(type.getText(decl, ts.ts.TypeFormatFlags.NoTruncation | ts.ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope));
    returns = { text, members: sortedUnique(type.isUnion() ? type.getUnionTypes().map((t) => normaliseText(t.getText(decl, ts.ts.TypeFormatFlags.NoTruncation))) : [text]) };
  }
  return { parameters, returns: returns.text, returnMembers: returns.members };
}

function isPublic(ts: TsMorph, member: Node): boolean {
  const scoped = member as unknown as { getScope?: () => string; getName?: () => string };
  if (scoped.getScope !== undefined && scoped.getScope() !== "public") return false;
  const name = scoped.getName?.();
  return !(typeof name === "string" && name.startsWith("#")) && !ts.Node.isPrivateIdentifier(member);
}

function membersOf(ts: TsMorph, decl: Node): ApiMember[] {
  const out: ApiMember[] = [];
  const push = (m: ApiMember): void => {
    out.push(m);
  };
  const withMods = (node: Node): { readonly: boolean; static: boolean } => ({
    readonly: (node as unknown as { isReadonly?: () => boolean }).isReadonly?.() ?? false,
    static: (node as unknown as { isStatic?: () => boolean }).isStatic?.() ?? false,
  });
  if (ts.Node.isClassDeclaration(decl)) {
    const ctors = decl.getConstructors();
    if (ctors.length > 0 && ctors.some((c) => isPublic(ts, c))) {
      const overloads = ctors.flatMap((c) => (c.getOverloads().length > 0 ? c.getOverloads() : [c]));
      push({ name: "constructor", kind: "constructor", optional: false, readonly: false, static: false, signatures: overloads.map((c) => signatureOf(ts, c)) });
    }
    for (const p of decl.getProperties()) {
      if (!isPublic(ts, p)) continue;
      push({ name: p.getName(), kind: "property", optional: p.hasQuestionToken(), ...withMods(p), type: typeInfo(ts, p, () => p.getType()).text });
    }
    for (const param of ctors.flatMap((c) => c.getParameters())) {
      if (!param.isParameterProperty() || param.getScope() !== "public") continue;
      push({ name: param.getName(), kind: "property", optional: param.hasQuestionToken(), readonly: param.isReadonly(), static: false, type: typeInfo(ts, param, () => param.getType()).text });
    }
    for (const m of decl.getMethods()) {
      if (!isPublic(ts, m)) continue;
      const overloads = m.getOverloads().length > 0 ? m.getOverloads() : [m];
      push({ name: m.getName(), kind: "method", optional: m.hasQuestionToken(), ...withMods(m), signatures: overloads.map((o) => signatureOf(ts, o)) });
    }
    for (const a of decl.getGetAccessors()) if (isPublic(ts, a)) push({ name: a.getName(), kind: "getter", optional: false, ...withMods(a), type: signatureOf(ts, a).returns });
    for (const a of decl.getSetAccessors()) if (isPublic(ts, a)) push({ name: a.getName(), kind: "setter", optional: false, ...withMods(a), type: a.getParameters()[0]?.getTypeNode()?.getText() ?? "" });
  } else if (ts.Node.isInterfaceDeclaration(decl)) {
    for (const p of decl.getProperties()) push({ name: p.getName(), kind: "property", optional: p.hasQuestionToken(), readonly: p.isReadonly(), static: false, type: typeInfo(ts, p, () => p.getType()).text });
    const methods = new Map<string, ApiSignature[]>();
    const optional = new Map<string, boolean>();
    for (const m of decl.getMethods()) {
      methods.set(m.getName(), [...(methods.get(m.getName()) ?? []), signatureOf(ts, m)]);
      optional.set(m.getName(), m.hasQuestionToken());
    }
    for (const [name, signatures] of methods) push({ name, kind: "method", optional: optional.get(name) ?? false, readonly: false, static: false, signatures });
    const calls = decl.getCallSignatures();
    if (calls.length > 0) push({ name: "(call)", kind: "method", optional: false, readonly: false, static: false, signatures: calls.map((c) => signatureOf(ts, c)) });
  }
  return out.sort((a, b) => (a.name === b.name ? (a.kind < b.kind ? -1 : 1) : a.name < b.name ? -1 : 1));
}

function describe(ts: TsMorph, name: string, decls: readonly Node[], dir: string): ApiSymbol {
  const decl = decls[0] as Node;
  const file = decl.getSourceFile().getFilePath().replace(/^\//, "");
  const line = decl.getStartLineNumber();
  const base = { name, file: path.posix.normalize(file), line };
  void dir;
  if (ts.Node.isFunctionDeclaration(decl)) {
    const all = decls.filter((d) => ts.Node.isFunctionDeclaration(d)).flatMap((d) => (ts.Node.isFunctionDeclaration(d) && d.getOverloads().length > 0 ? d.getOverloads() : [d]));
    const seen = new Set<Node>();
    return { ...base, kind: "function", signatures: all.filter((d) => !seen.has(d) && seen.add(d)).map((d) => signatureOf(ts, d)) };
  }
  if (ts.Node.isClassDeclaration(decl)) return { ...base, kind: "class", members: membersOf(ts, decl) };
  if (ts.Node.isInterfaceDeclaration(decl)) return { ...base, kind: "interface", members: decls.filter((d) => ts.Node.isInterfaceDeclaration(d)).flatMap((d) => membersOf(ts, d)) };
  if (ts.Node.isTypeAliasDeclaration(decl)) return { ...base, kind: "type", type: normaliseText(decl.getTypeNode()?.getText() ?? decl.getType().getText(decl)) };
  if (ts.Node.isEnumDeclaration(decl)) {
    return { ...base, kind: "enum", enumMembers: decl.getMembers().map((m) => ({ name: m.getName(), value: String(m.getValue() ?? "") })) };
  }
  if (ts.Node.isVariableDeclaration(decl)) {
    const init = decl.getInitializer();
    if (init !== undefined && (ts.Node.isArrowFunction(init) || ts.Node.isFunctionExpression(init)) && decl.getTypeNode() === undefined) {
      return { ...base, kind: "function", signatures: [signatureOf(ts, init)] };
    }
    return { ...base, kind: "variable", type: typeInfo(ts, decl, () => decl.getType()).text };
  }
  if (ts.Node.isModuleDeclaration(decl)) return { ...base, kind: "namespace" };
  return { ...base, kind: "other", type: normaliseText(decl.getType().getText(decl)) };
}

/**
 * Build the surfaces of several packages from their files in `source`, in one ts-morph project
 * (the compiler's library files are loaded once, not once per package). Undefined for a folder
 * without a readable package.json.
 */
export async function buildSurfaces(source: TreeSource, dirs: readonly string[]): Promise<Map<string, ApiSurface | undefined>> {
  const ts = await loadTsMorph();
  const out = new Map<string, ApiSurface | undefined>();
  const manifestFiles = dirs.map((dir) => (dir === "." ? "package.json" : `${dir}/package.json`));
  const manifests = await source.read(manifestFiles);
  const planned: { dir: string; name: string; entries: string[] }[] = [];
  const allFiles: string[] = [];
  for (const dir of dirs) {
    const text = manifests.get(dir === "." ? "package.json" : `${dir}/package.json`);
    let manifest: Record<string, unknown> | undefined;
    try {
      manifest = text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      manifest = undefined;
    }
    if (manifest === undefined || typeof manifest !== "object" || manifest === null) {
      out.set(dir, undefined);
      continue;
    }
    const files = (await source.list(dir)).filter((f) => /\.(?:[mc]?ts|tsx)$/.test(f) && !/(?:^|\/)(?:test|tests|__tests__|fixtures)\//.test(f));
    const entries = sortedUnique(manifestEntries(manifest).map((e) => sourceOfEntry(e, new Set(files), dir)).filter((e): e is string => e !== undefined));
    const name = typeof manifest.name === "string" ? manifest.name : dir;
    planned.push({ dir, name, entries });
    if (entries.length > 0) allFiles.push(...files);
  }
  const project: Project = new ts.Project({
    useInMemoryFileSystem: true,
    compilerOptions: { strict: true, target: ts.ts.ScriptTarget.ES2022, module: ts.ts.ModuleKind.NodeNext, moduleResolution: ts.ts.ModuleResolutionKind.NodeNext, allowJs: false, skipLibCheck: true, noEmit: true },
  });
  for (const [file, text] of await source.read(sortedUnique(allFiles))) project.createSourceFile(`/${file}`, text, { overwrite: true });
  for (const { dir, name, entries } of planned) {
    const symbols = new Map<string, ApiSymbol>();
    for (const entry of entries) {
      const sourceFile: SourceFile | undefined = project.getSourceFile(`/${entry}`);
      if (sourceFile === undefined) continue;
      for (const [exportName, decls] of sourceFile.getExportedDeclarations()) {
        if (decls.length === 0 || symbols.has(exportName)) continue;
        symbols.set(exportName, describe(ts, exportName, decls, dir));
      }
    }
    out.set(dir, { packageName: name, dir, entries, symbols });
  }
  return out;
}

/** Build the surface of one package from its files in `source`. */
export async function buildSurface(source: TreeSource, dir: string): Promise<ApiSurface | undefined> {
  return (await buildSurfaces(source, [dir])).get(dir);
}

function signatureText(s: ApiSignature): string {
  return `(${s.parameters.map((p) => `${p.rest ? "..." : ""}${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ")}) => ${s.returns}`;
}

/** Whether type text `wide` includes `narrow`: the same text, or a literal of that primitive. */
function covers(wide: string, narrow: string): boolean {
  if (wide === narrow) return true;
  if (wide === "string") return /^(["'`]).*\1$/.test(narrow);
  if (wide === "number") return /^-?\d[\d_.e+-]*$/i.test(narrow);
  if (wide === "boolean") return narrow === "true" || narrow === "false";
  if (wide === "bigint") return /^-?\d+n$/.test(narrow);
  return false;
}

/** Whether every member of union `a` is included in union `b`. */
function subset(a: readonly string[], b: readonly string[]): boolean {
  return a.every((x) => b.some((y) => covers(y, x)));
}

/** Compare two signatures; changes name `label` (e.g. `fn` or `Class.method`). */
function compareSignature(label: string, before: ApiSignature, after: ApiSignature, where: { file: string; line: number }): ApiChange[] {
  const out: ApiChange[] = [];
  const change = (level: ApiChange["level"], kind: ApiChange["kind"], b: string | undefined, a: string | undefined): void => {
    out.push({ symbol: label, level, kind, before: b, after: a, ...where });
  };
  const n = Math.max(before.parameters.length, after.parameters.length);
  for (let i = 0; i < n; i++) {
    const b = before.parameters[i];
    const a = after.parameters[i];
    if (a === undefined && b !== undefined) {
      if (!b.rest) change("breaking", "parameter-removed", `${b.name}: ${b.type}`, undefined);
      continue;
    }
    if (a === undefined) continue;
    if (b === undefined) {
      if (a.optional || a.rest) change("additive", "parameter-added-optional", undefined, `${a.name}?: ${a.type}`);
      else change("breaking", "parameter-added-required", undefined, `${a.name}: ${a.type}`);
      continue;
    }
    if (b.optional && !a.optional && !a.rest) change("breaking", "parameter-became-required", `${b.name}?: ${b.type}`, `${a.name}: ${a.type}`);
    else if (!b.optional && a.optional) change("additive", "parameter-became-optional", `${b.name}: ${b.type}`, `${a.name}?: ${a.type}`);
    if (b.type !== a.type) {
      if (subset(b.members, a.members)) change("additive", "parameter-widened", b.type, a.type);
      else if (subset(a.members, b.members)) change("breaking", "parameter-narrowed", b.type, a.type);
      else change("breaking", "parameter-changed", b.type, a.type);
    }
  }
  if (before.returns !== after.returns) {
    if (subset(after.returnMembers, before.returnMembers)) change("additive", "return-narrowed", before.returns, after.returns);
    else if (subset(before.returnMembers, after.returnMembers)) change("breaking", "return-widened", before.returns, after.returns);
    else change("breaking", "return-changed", before.returns, after.returns);
  }
  return out;
}

function compareSignatures(label: string, before: readonly ApiSignature[], after: readonly ApiSignature[], where: { file: string; line: number }): ApiChange[] {
  if (before.length === 1 && after.length === 1) return compareSignature(label, before[0] as ApiSignature, after[0] as ApiSignature, where);
  const afterTexts = new Set(after.map(signatureText));
  const beforeTexts = new Set(before.map(signatureText));
  const out: ApiChange[] = [];
  for (const s of before) if (!afterTexts.has(signatureText(s))) out.push({ symbol: label, level: "breaking", kind: "signature-removed", before: signatureText(s), after: undefined, ...where });
  for (const s of after) if (!beforeTexts.has(signatureText(s))) out.push({ symbol: label, level: "additive", kind: "signature-added", before: undefined, after: signatureText(s), ...where });
  return out;
}

function memberText(m: ApiMember): string {
  const mods = `${m.static ? "static " : ""}${m.readonly ? "readonly " : ""}`;
  return m.signatures !== undefined ? `${mods}${m.name}${m.optional ? "?" : ""}${m.signatures.map(signatureText).join(" | ")}` : `${mods}${m.name}${m.optional ? "?" : ""}: ${m.type ?? ""}`;
}

function compareMembers(owner: ApiSymbol, before: readonly ApiMember[], after: readonly ApiMember[], where: { file: string; line: number }): ApiChange[] {
  const out: ApiChange[] = [];
  const key = (m: ApiMember): string => `${m.static ? "static " : ""}${m.kind === "getter" || m.kind === "setter" ? "property" : m.kind}:${m.name}`;
  const afterByKey = new Map(after.map((m) => [key(m), m]));
  const beforeByKey = new Map(before.map((m) => [key(m), m]));
  for (const b of before) {
    const a = afterByKey.get(key(b));
    const label = `${owner.name}.${b.name}`;
    if (a === undefined) {
      out.push({ symbol: label, level: "breaking", kind: "member-removed", before: memberText(b), after: undefined, ...where });
      continue;
    }
    if (b.signatures !== undefined && a.signatures !== undefined) {
      out.push(...compareSignatures(label, b.signatures, a.signatures, where));
      if (b.optional !== a.optional) out.push({ symbol: label, level: a.optional ? "breaking" : "breaking", kind: "member-changed", before: memberText(b), after: memberText(a), ...where });
    } else if (memberText(b) !== memberText(a)) {
      out.push({ symbol: label, level: "breaking", kind: "member-changed", before: memberText(b), after: memberText(a), ...where });
    }
  }
  for (const a of after) {
    if (beforeByKey.has(key(a))) continue;
    // A new required member breaks whoever implements an interface; a new optional one, or a class member, adds.
    const breaking = owner.kind === "interface" && !a.optional;
    out.push({ symbol: `${owner.name}.${a.name}`, level: breaking ? "breaking" : "additive", kind: "member-added", before: undefined, after: memberText(a), ...where });
  }
  return out;
}

/** The difference between two surfaces of one package, sorted by symbol. */
export function diffSurfaces(before: ApiSurface | undefined, after: ApiSurface | undefined): ApiChange[] {
  const out: ApiChange[] = [];
  const b = before?.symbols ?? new Map<string, ApiSymbol>();
  const a = after?.symbols ?? new Map<string, ApiSymbol>();
  for (const [name, old] of b) {
    const next = a.get(name);
    const where = next === undefined ? { file: old.file, line: old.line } : { file: next.file, line: next.line };
    if (next === undefined) {
      out.push({ symbol: name, level: "breaking", kind: "removed", before: `${old.kind} ${name}`, after: undefined, ...where });
      continue;
    }
    if (old.kind !== next.kind) {
      out.push({ symbol: name, level: "breaking", kind: "kind-changed", before: old.kind, after: next.kind, ...where });
      continue;
    }
    if (old.signatures !== undefined && next.signatures !== undefined) out.push(...compareSignatures(name, old.signatures, next.signatures, where));
    if (old.members !== undefined && next.members !== undefined) out.push(...compareMembers(next, old.members, next.members, where));
    if (old.enumMembers !== undefined && next.enumMembers !== undefined) {
      const nextByName = new Map(next.enumMembers.map((m) => [m.name, m.value]));
      const oldNames = new Set(old.enumMembers.map((m) => m.name));
      for (const m of old.enumMembers) {
        const value = nextByName.get(m.name);
        if (value === undefined) out.push({ symbol: `${name}.${m.name}`, level: "breaking", kind: "enum-member-removed", before: `${m.name} = ${m.value}`, after: undefined, ...where });
        else if (value !== m.value) out.push({ symbol: `${name}.${m.name}`, level: "breaking", kind: "enum-member-changed", before: `${m.name} = ${m.value}`, after: `${m.name} = ${value}`, ...where });
      }
      for (const m of next.enumMembers) if (!oldNames.has(m.name)) out.push({ symbol: `${name}.${m.name}`, level: "additive", kind: "enum-member-added", before: undefined, after: `${m.name} = ${m.value}`, ...where });
    }
    if (old.type !== undefined && next.type !== undefined && old.type !== next.type) {
      out.push({ symbol: name, level: "breaking", kind: "type-changed", before: old.type, after: next.type, ...where });
    }
  }
  for (const [name, next] of a) {
    if (!b.has(name)) out.push({ symbol: name, level: "additive", kind: "added", before: undefined, after: `${next.kind} ${name}`, file: next.file, line: next.line });
  }
  return out.sort((x, y) => (x.symbol === y.symbol ? (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0) : x.symbol < y.symbol ? -1 : 1));
}

/** A plain-object form of a surface, for `warden api --write` snapshots and JSON output. */
export function surfaceToJson(surface: ApiSurface): Record<string, unknown> {
  return {
    package: surface.packageName,
    dir: surface.dir,
    entries: surface.entries,
    symbols: Object.fromEntries([...surface.symbols.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([name, s]) => [name, { ...s, file: s.file }])),
  };
}
