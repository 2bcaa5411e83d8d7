import path from "node:path";
import { listWorkspacePackages } from "@warden/core";
import { z } from "zod";
import type { RepoContext } from "./define-rule.js";
import { isTestFile, languageOf } from "./files.js";
import { matcher } from "./globs.js";
import { moduleInfo, packageNameOf, type ModuleInfo } from "./module-info.js";

/** A package of the workspace (the root is the package "."), with its manifest as checked. */
export interface GraphPackage {
  readonly dir: string;
  readonly name: string | undefined;
  readonly manifest: Record<string, unknown>;
  readonly manifestText: string;
}

/** The module graph of the repository's JS/TS files, as the unused-code rules need it. */
export interface ModuleGraph {
  readonly files: readonly string[];
  readonly packages: readonly GraphPackage[];
  readonly infos: ReadonlyMap<string, ModuleInfo>;
  readonly entries: ReadonlySet<string>;
  readonly reachable: ReadonlySet<string>;
  /** Resolved target of each import specifier of each file (undefined: external or unresolved). */
  resolve(from: string, specifier: string): string | undefined;
  packageOf(file: string): GraphPackage;
}

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const SWAP: Record<string, readonly string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

/** Files that are entry points whatever imports them: config files, tests, scripts, binaries, hooks. */
const ENTRY_GLOBS: readonly string[] = [
  "examples/**",
  "**/*.config.{js,cjs,mjs,ts,cts,mts}",
  "**/.*rc.{js,cjs,mjs}",
  "scripts/**",
  "**/scripts/**",
  "**/bin/**",
  ".husky/**",
  ".ci/**",
];

function isCode(file: string): boolean {
  const language = languageOf(file);
  return (language === "ts" || language === "js") && !/\.d\.[cm]?ts$/.test(file) && !file.includes("node_modules/");
}

/** Options every waste/* rule takes. */
export const WasteOptions = z
  .object({
    entry: z.array(z.string()).default([]).describe("Extra globs of entry files (the same for every waste/* rule)."),
    ignore: z.array(z.string()).default([]).describe("Globs of files (or, for unused-dependencies, dependency names) never reported."),
  })
  .strict();

/** The last build-output folder of a path (dist/, lib/, build/, out/): where sources compile to. */
const BUILD_DIR = /(^|\/)(?:dist|lib|build|out)\/(?!(?:.*\/)?(?:dist|lib|build|out)\/)/;

/** Source candidates of a built path: dist/x.js → src/x.ts and friends. */
function sourceCandidates(target: string): string[] {
  const out = [target];
  const mapped = target.replace(BUILD_DIR, "$1src/");
  for (const base of mapped === target ? [target] : [target, mapped]) {
    const noDts = base.replace(/\.d\.([cm]?)ts$/, ".$1ts");
    out.push(noDts);
    const ext = path.posix.extname(noDts);
    for (const swap of SWAP[ext] ?? []) out.push(noDts.slice(0, -ext.length) + swap);
  }
  return out;
}

function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(exportTargets);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(exportTargets);
  return [];
}

const graphs = new WeakMap<readonly string[], Map<string, Promise<ModuleGraph>>>();

/** Build (once per check and entry option: the unused-code rules share it) the module graph of a full check. */
export function moduleGraph(ctx: RepoContext<unknown, string>, extraEntries: readonly string[]): Promise<ModuleGraph> {
  let byEntries = graphs.get(ctx.files);
  if (byEntries === undefined) {
    byEntries = new Map();
    graphs.set(ctx.files, byEntries);
  }
  const key = JSON.stringify(extraEntries);
  let graph = byEntries.get(key);
  if (graph === undefined) {
    graph = buildGraph(ctx, extraEntries);
    byEntries.set(key, graph);
  }
  return graph;
}

async function buildGraph(ctx: RepoContext<unknown, string>, extraEntries: readonly string[]): Promise<ModuleGraph> {
  const fileSet = new Set(ctx.files);
  const files = ctx.files.filter(isCode);
  const rootText = (await ctx.readText("package.json")) ?? "{}";
  const parseJson = (text: string): Record<string, unknown> => {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {}; // broken manifests are reported by the JSON tooling
    }
  };
  const rootManifest = parseJson(rootText);
  const packages: GraphPackage[] = [
    { dir: ".", name: typeof rootManifest.name === "string" ? rootManifest.name : undefined, manifest: rootManifest, manifestText: rootText },
  ];
  for (const pkg of await listWorkspacePackages(ctx.root)) {
    const text = (await ctx.readText(`${pkg.dir}/package.json`)) ?? "{}";
    packages.push({ dir: pkg.dir, name: pkg.name, manifest: parseJson(text), manifestText: text });
  }
  const known = new Set(packages.map((p) => p.dir));
  for (const file of ctx.files) {
    if (!file.endsWith("/package.json") || file.includes("node_modules/")) continue;
    const dir = path.posix.dirname(file);
    if (known.has(dir)) continue;
    const text = (await ctx.readText(file)) ?? "{}";
    const manifest = parseJson(text);
    packages.push({ dir, name: typeof manifest.name === "string" ? manifest.name : undefined, manifest, manifestText: text });
  }
  const byName = new Map(packages.filter((p) => p.name !== undefined).map((p) => [p.name as string, p]));
  const nested = packages.filter((p) => p.dir !== ".").sort((a, b) => b.dir.length - a.dir.length);
  const packageOf = (file: string): GraphPackage => nested.find((p) => file.startsWith(`${p.dir}/`)) ?? (packages[0] as GraphPackage);
  const inPackage = (pkg: GraphPackage, relative: string): string => path.posix.normalize(pkg.dir === "." ? relative : `${pkg.dir}/${relative}`);
  const firstExisting = (candidates: readonly string[]): string | undefined => candidates.find((c) => fileSet.has(c));

  const resolveFile = (base: string): string | undefined => {
    const direct = firstExisting(sourceCandidates(base));
    if (direct !== undefined) return direct;
    for (const ext of EXTENSIONS) {
      const found = firstExisting(sourceCandidates(base + ext)) ?? firstExisting(sourceCandidates(`${base}/index${ext}`));
      if (found !== undefined) return found;
    }
    return undefined;
  };

  const entriesOfPackage = (pkg: GraphPackage, subpath: string | undefined): string[] => {
    const manifest = pkg.manifest;
    const targets: string[] = [];
    const exportsField = manifest.exports;
    if (exportsField !== undefined) {
      const map = typeof exportsField === "object" && exportsField !== null && !Array.isArray(exportsField) && Object.keys(exportsField).some((k) => k.startsWith("."))
        ? (exportsField as Record<string, unknown>)
        : { ".": exportsField };
      for (const [key, value] of Object.entries(map)) {
        if (subpath !== undefined && key !== subpath && !key.includes("*")) continue;
        if (key.includes("*")) {
          const prefixes = exportTargets(value).map((t) => inPackage(pkg, t.slice(0, t.indexOf("*"))));
          const mapped = prefixes.flatMap((p) => [p, p.replace(BUILD_DIR, "$1src/")]);
          targets.push(...files.filter((f) => mapped.some((p) => f.startsWith(p))));
        } else {
          targets.push(...exportTargets(value).map((t) => resolveFile(inPackage(pkg, t))).filter((t): t is string => t !== undefined));
        }
      }
      return targets;
    }
    if (subpath !== undefined && subpath !== ".") {
      const file = resolveFile(inPackage(pkg, subpath));
      return file === undefined ? [] : [file];
    }
    for (const field of ["main", "module", "types", "typings"]) {
      if (typeof manifest[field] === "string") {
        const file = resolveFile(inPackage(pkg, manifest[field] as string));
        if (file !== undefined) targets.push(file);
      }
    }
    if (targets.length === 0) {
      const fallback = resolveFile(inPackage(pkg, "index")) ?? resolveFile(inPackage(pkg, "src/index"));
      if (fallback !== undefined) targets.push(fallback);
    }
    return targets;
  };

  const resolve = (from: string, specifier: string): string | undefined => {
    if (specifier.startsWith(".")) return resolveFile(path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)));
    const name = packageNameOf(specifier);
    const pkg = name === undefined ? undefined : byName.get(name);
    if (pkg === undefined || name === undefined) return undefined;
    const sub = specifier.length === name.length ? "." : `.${specifier.slice(name.length)}`;
    return entriesOfPackage(pkg, sub)[0];
  };

  const entries = new Set<string>();
  const entryGlob = matcher([...ENTRY_GLOBS, ...extraEntries]);
  for (const file of files) if (entryGlob(file) || isTestFile(file)) entries.add(file);
  // Packages whose manifest names no entry point at all: Warden cannot know what they run, so it assumes every file is used.
  const withEntries = new Set<GraphPackage>();
  const addEntry = (pkg: GraphPackage, file: string): void => {
    entries.add(file);
    withEntries.add(pkg);
  };
  for (const pkg of packages) {
    if (pkg.dir !== ".") for (const file of entriesOfPackage(pkg, undefined)) addEntry(pkg, file);
    const bin = pkg.manifest.bin;
    for (const target of typeof bin === "string" ? [bin] : exportTargets(bin)) {
      const file = resolveFile(inPackage(pkg, target));
      if (file !== undefined) addEntry(pkg, file);
    }
    if (pkg.dir === ".") for (const file of entriesOfPackage(pkg, undefined)) if (typeof pkg.manifest.main === "string" || pkg.manifest.exports !== undefined) addEntry(pkg, file);
    const scripts = pkg.manifest.scripts;
    if (typeof scripts === "object" && scripts !== null) {
      for (const command of Object.values(scripts)) {
        for (const match of String(command).matchAll(/[\w./@-]+\.[cm]?[jt]sx?\b/g)) {
          const file = resolveFile(inPackage(pkg, match[0]));
          if (file !== undefined) addEntry(pkg, file);
        }
      }
    }
  }
  for (const file of files) if (!withEntries.has(packageOf(file))) entries.add(file);

  const infos = new Map<string, ModuleInfo>();
  for (const file of files) {
    const parsed = await ctx.parse(file);
    if (parsed !== undefined) infos.set(file, moduleInfo(parsed.ts, parsed.ast));
  }
  const reachable = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (reachable.has(file)) continue;
    reachable.add(file);
    for (const edge of infos.get(file)?.imports ?? []) {
      const target = resolve(file, edge.specifier);
      if (target !== undefined && !reachable.has(target)) queue.push(target);
    }
  }
  return { files, packages, infos, entries, reachable, resolve, packageOf };
}
