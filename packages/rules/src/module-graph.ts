import path from "node:path";
import { listWorkspacePackages, NOT_HAND_WRITTEN, workspaceGlobs, type FileClass } from "@warden/core";
import type ts from "typescript";
import { z } from "zod";
import type { RepoContext } from "./define-rule.js";
import { isTestFile, languageOf } from "./files.js";
import { matcher } from "./globs.js";
import { parseJsonc } from "./jsonc.js";
import { moduleInfo, packageNameOf, type ModuleInfo } from "./module-info.js";

/** A package of the workspace (the root is the package "."), with its manifest as checked. */
export interface GraphPackage {
  readonly dir: string;
  readonly name: string | undefined;
  readonly manifest: Record<string, unknown>;
  readonly manifestText: string;
  /** Whether the package manager installs it: the root and the workspace's packages (every package when no workspace is declared). */
  readonly installed: boolean;
}

/** The module graph of the repository's JS/TS files, as the unused-code rules need it. */
export interface ModuleGraph {
  /** The JS/TS files of the graph (vendored files and build output left out). */
  readonly files: readonly string[];
  readonly packages: readonly GraphPackage[];
  readonly infos: ReadonlyMap<string, ModuleInfo>;
  readonly entries: ReadonlySet<string>;
  readonly reachable: ReadonlySet<string>;
  /** For each file, the files that import it (any importer, reachable or not). */
  readonly importers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Resolved target of each import specifier of each file (undefined: external or unresolved). */
  resolve(from: string, specifier: string): string | undefined;
  packageOf(file: string): GraphPackage;
  /** The files of each package (every file of the check, not only code), computed once. */
  filesOf(pkg: GraphPackage): readonly string[];
}

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
/** Source extensions a built extension may come from (tsc keeps the module kind; bundlers write .mjs/.cjs from .ts). */
const SWAP: Record<string, readonly string[]> = {
  ".js": [".ts", ".tsx", ".mts", ".jsx"],
  ".jsx": [".tsx"],
  ".mjs": [".mts", ".ts", ".tsx", ".js"],
  ".cjs": [".cts", ".ts", ".tsx", ".js"],
  ".mts": [".ts"],
  ".cts": [".ts"],
};
const CODE = "{ts,tsx,mts,cts,js,jsx,mjs,cjs}";

/** Files that are entry points whatever imports them: config files, tests, scripts, binaries, hooks, tool conventions. */
const ENTRY_GLOBS: readonly string[] = [
  // Examples and demos are run by hand, at the root or inside a package.
  "examples/**",
  "**/examples/**",
  `**/*.config.${CODE}`,
  `**/.*rc.${CODE}`,
  "scripts/**",
  "**/scripts/**",
  "**/bin/**",
  ".husky/**",
  ".ci/**",
  // VitePress: the site config and the theme entry.
  `**/.vitepress/config.${CODE}`,
  `**/.vitepress/config/index.${CODE}`,
  `**/.vitepress/theme/index.${CODE}`,
  // Vitest workspaces and setup files named by convention; Storybook.
  `**/vitest.workspace.${CODE}`,
  `**/vitest.setup.${CODE}`,
  `**/.storybook/*.${CODE}`,
  `**/*.stories.${CODE}`,
  // Type tests and benchmarks.
  `**/*.test-d.${CODE}`,
];

/** Entry points by framework convention, relative to the package that uses the framework. */
const FRAMEWORKS: readonly { readonly deps: readonly string[]; readonly configs: RegExp; readonly globs: readonly string[] }[] = [
  {
    deps: ["next"],
    configs: /^next\.config\./,
    globs: [
      `{,src/}app/**/{page,layout,route,loading,error,not-found,forbidden,unauthorized,template,default,global-error,opengraph-image,twitter-image,icon,apple-icon,sitemap,robots,manifest}.${CODE}`,
      `{,src/}pages/**/*.${CODE}`,
      `{,src/}{middleware,instrumentation,instrumentation-client}.${CODE}`,
      `mdx-components.${CODE}`,
    ],
  },
  {
    deps: ["astro"],
    configs: /^astro\.config\./,
    globs: [`src/pages/**/*.${CODE}`, `src/content/config.${CODE}`, `src/content.config.${CODE}`, `src/middleware.${CODE}`, `src/actions/index.${CODE}`],
  },
  {
    deps: ["@docusaurus/core"],
    configs: /^docusaurus\.config\./,
    globs: [`src/pages/**/*.${CODE}`, `src/theme/**/*.${CODE}`, `sidebars.${CODE}`, `src/clientModules/**/*.${CODE}`, `plugins/**/*.${CODE}`],
  },
  // VitePress: data loaders and dynamic route paths are loaded by the pages that name them.
  { deps: ["vitepress"], configs: /^\.vitepress$/, globs: [`**/.vitepress/config.${CODE}`, `**/.vitepress/theme/index.${CODE}`, `**/*.data.${CODE}`, `**/*.paths.${CODE}`] },
  {
    deps: ["@remix-run/dev", "@react-router/dev"],
    configs: /^(?:remix|react-router)\.config\./,
    globs: [`app/root.${CODE}`, `app/entry.{client,server}.${CODE}`, `app/routes.${CODE}`, `app/routes/**/*.${CODE}`],
  },
  // Expo Router: routes and layouts under app/.
  { deps: ["expo-router"], configs: /^app\.json$/, globs: [`{,src/}app/**/*.${CODE}`] },
  { deps: ["@sveltejs/kit"], configs: /^svelte\.config\./, globs: [`src/routes/**/*.${CODE}`, `src/hooks{,.client,.server}.${CODE}`, `src/params/*.${CODE}`] },
  {
    deps: ["nuxt"],
    configs: /^nuxt\.config\./,
    globs: [`{,app/}{pages,layouts,middleware,plugins,composables,utils,server,components}/**/*.${CODE}`, `**/stores/**/*.${CODE}`, `{,app/}app.config.${CODE}`],
  },
  // Static assets: web frameworks copy `public/` (SvelteKit and Docusaurus: `static/`) as is and
  // serve each file by URL (a service worker, a script tag's src): nothing imports them.
  {
    deps: ["vite", "next", "astro", "nuxt", "react-scripts", "@vue/cli-service", "@remix-run/dev", "@react-router/dev", "@rsbuild/core", "@farmfe/core", "parcel"],
    configs: /^(?:vite|next|astro|nuxt|vue|rsbuild)\.config\./,
    globs: [`public/**/*.${CODE}`],
  },
  { deps: ["@sveltejs/kit", "@docusaurus/core"], configs: /^(?:svelte|docusaurus)\.config\./, globs: [`static/**/*.${CODE}`] },
  // A Nuxt module's runtime folder is copied as is and loaded by path.
  { deps: ["@nuxt/module-builder", "@nuxt/kit"], configs: /^$/, globs: [`src/runtime/**/*.${CODE}`] },
];

/** Config files of bundlers and test runners whose entry/input/setup properties name entry points. */
const TOOL_CONFIG = /(?:^|\/)(?:tsup|tsdown|rollup|rolldown|vite|vitest|playwright|webpack|esbuild|build|unbuild|jest|vitest\.workspace)(?:\.[\w-]+)?\.config\.[cm]?[jt]s$|(?:^|\/)vitest\.workspace\.[cm]?[jt]s$/;
/** Config modules of any tool: a relative path in one of their strings names an entry point. */
const CONFIG_MODULE = /(?:^|\/)(?:[^/]+\.config\.[cm]?[jt]s|\.[^/]+rc\.[cm]?js|vitest\.workspace\.[cm]?[jt]s|\.vitepress\/config\.[cm]?[jt]s|\.storybook\/main\.[cm]?[jt]s)$/;
/** Properties of those configs whose string values are entry files or globs. */
const ENTRY_PROPERTIES = new Set(["entry", "entries", "entryPoints", "input", "setupFiles", "setupFilesAfterEnv", "globalSetup", "globalTeardown", "lib"]);

/** Non-JS/TS files that import JS/TS modules: components of other languages, HTML pages, MDX. */
const FOREIGN_IMPORTERS = /\.(?:vue|svelte|astro|mdx|md|html)$/;

function isCode(file: string): boolean {
  const language = languageOf(file);
  return (language === "ts" || language === "js") && !/\.d\.[cm]?ts$/.test(file);
}

/** Options every waste/* rule takes. */
export const WasteOptions = z
  .object({
    entry: z.array(z.string()).default([]).describe("Extra globs of entry files (the same for every waste/* rule)."),
    ignore: z.array(z.string()).default([]).describe("Globs of files (or, for unused-dependencies, dependency names) never reported."),
  })
  .strict();

/** A run of build-output folders in a path (dist/, dist/esm/, lib/cjs/, …). */
const BUILD_RUN = /(^|\/)((?:(?:dist|lib|build|out|esm|cjs|es|umd|types)\/)+)/g;

/** The built path with its last run of build folders replaced by `replacement` (undefined when it has none). */
function unbuilt(target: string, replacement: string): string | undefined {
  const last = [...target.matchAll(BUILD_RUN)].pop();
  if (last === undefined || last.index === undefined) return undefined;
  const start = last.index + (last[1] ?? "").length;
  return target.slice(0, start) + replacement + target.slice(start + (last[2] ?? "").length);
}

function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(exportTargets);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(exportTargets);
  return [];
}

/** Where a tsconfig compiles: `outDir` and `rootDir`, repository-relative. */
interface OutputMap {
  readonly outDir: string;
  readonly rootDir: string | undefined;
}

/** Path aliases of a tsconfig (`paths`, relative to `baseUrl` or the tsconfig's folder). */
interface PathAlias {
  readonly prefix: string;
  readonly suffix: string;
  readonly wildcard: boolean;
  readonly targets: readonly string[];
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

/** Whether a path is kept by hand in the repository (not a fixture, snapshot, generated, vendored or built file). */
function handWritten(ctx: RepoContext<unknown, string>, file: string): boolean {
  return !(NOT_HAND_WRITTEN as readonly FileClass[]).includes(ctx.classOf(file));
}

const join = (dir: string, relative: string): string => path.posix.normalize(dir === "." ? relative : `${dir}/${relative}`);

async function buildGraph(ctx: RepoContext<unknown, string>, extraEntries: readonly string[]): Promise<ModuleGraph> {
  const fileSet = new Set(ctx.files);
  // Vendored code and build output are not part of the graph; generated code and fixtures are (they import sources).
  const files = ctx.files.filter((f) => isCode(f) && ctx.classOf(f) !== "vendored" && ctx.classOf(f) !== "build");
  const readJson = async (file: string): Promise<{ text: string; json: Record<string, unknown> }> => {
    const text = (await ctx.readText(file)) ?? "{}";
    return { text, json: parseJsonc(text) ?? {} };
  };
  const root = await readJson("package.json");
  const packages: GraphPackage[] = [
    { dir: ".", name: typeof root.json.name === "string" ? root.json.name : undefined, manifest: root.json, manifestText: root.text, installed: true },
  ];
  const known = new Set<string>(["."]);
  const addPackage = async (dir: string, installed: boolean): Promise<void> => {
    if (known.has(dir)) return;
    known.add(dir);
    const { text, json } = await readJson(`${dir}/package.json`);
    packages.push({ dir, name: typeof json.name === "string" ? json.name : undefined, manifest: json, manifestText: text, installed });
  };
  // A fixture's (or a vendored, generated or built) package.json is not a package of the workspace.
  const workspace = await listWorkspacePackages(ctx.root);
  for (const pkg of workspace) if (handWritten(ctx, `${pkg.dir}/package.json`)) await addPackage(pkg.dir, true);
  // Other package.json files mark package boundaries (a playground, a template); with a declared
  // workspace they are not installed packages (their dependencies are not the workspace's).
  const declaredWorkspace = workspace.length > 0 || workspaceGlobs(ctx.root).length > 0;
  for (const file of ctx.files) {
    if (file.endsWith("/package.json") && handWritten(ctx, file)) await addPackage(path.posix.dirname(file), !declaredWorkspace);
  }
  const byDir = new Map(packages.map((p) => [p.dir, p]));
  const byName = new Map(packages.filter((p) => p.name !== undefined).map((p) => [p.name as string, p]));
  const rootPackage = packages[0] as GraphPackage;
  /** The innermost package holding a path: a walk up its folders, O(depth). */
  const packageOf = (file: string): GraphPackage => {
    let dir = path.posix.dirname(file);
    while (dir !== "." && dir !== "/" && dir !== "") {
      const pkg = byDir.get(dir);
      if (pkg !== undefined) return pkg;
      dir = path.posix.dirname(dir);
    }
    return rootPackage;
  };
  const filesByPackage = new Map<GraphPackage, string[]>(packages.map((p) => [p, []]));
  for (const file of ctx.files) filesByPackage.get(packageOf(file))?.push(file);
  const filesOf = (pkg: GraphPackage): readonly string[] => filesByPackage.get(pkg) ?? [];
  const codeByPackage = new Map<GraphPackage, string[]>(packages.map((p) => [p, []]));
  for (const file of files) codeByPackage.get(packageOf(file))?.push(file);

  // tsconfig: output folders (traced back to sources) and path aliases, per package.
  const outputs = new Map<GraphPackage, OutputMap[]>();
  const aliases = new Map<GraphPackage, PathAlias[]>();
  const tsconfigCache = new Map<string, Promise<Record<string, unknown>>>();
  const readTsconfig = (file: string): Promise<Record<string, unknown>> => {
    let found = tsconfigCache.get(file);
    if (found === undefined) {
      found = (async () => (fileSet.has(file) ? (await readJson(file)).json : {}))();
      tsconfigCache.set(file, found);
    }
    return found;
  };
  /** compilerOptions of a tsconfig with its relative `extends` chain applied (paths made repository-relative). */
  const compilerOptions = async (file: string, depth = 0): Promise<Record<string, string | Record<string, unknown>>> => {
    const json = await readTsconfig(file);
    const dir = path.posix.dirname(file);
    const out: Record<string, string | Record<string, unknown>> = {};
    const parents = typeof json.extends === "string" ? [json.extends] : Array.isArray(json.extends) ? json.extends.filter((e): e is string => typeof e === "string") : [];
    if (depth < 5) {
      for (const parent of parents) {
        let target: string | undefined;
        if (parent.startsWith(".")) target = join(dir, parent.endsWith(".json") ? parent : `${parent}.json`);
        else {
          // A shared config package of the workspace (`@acme/tsconfig/base.json`); others are not in the repository.
          const name = packageNameOf(parent);
          const shared = name === undefined ? undefined : byName.get(name);
          if (shared === undefined || name === undefined) continue;
          const rest = parent.slice(name.length + 1) || "tsconfig.json";
          target = join(shared.dir, rest.endsWith(".json") ? rest : `${rest}.json`);
        }
        Object.assign(out, await compilerOptions(target, depth + 1));
      }
    }
    const options = json.compilerOptions;
    if (typeof options === "object" && options !== null) {
      for (const key of ["outDir", "rootDir", "baseUrl"] as const) {
        const value = (options as Record<string, unknown>)[key];
        if (typeof value === "string") out[key] = join(dir, value);
      }
      const paths = (options as Record<string, unknown>).paths;
      if (typeof paths === "object" && paths !== null) {
        out.paths = paths as Record<string, unknown>;
        out.pathsBase = typeof out.baseUrl === "string" ? out.baseUrl : dir;
      }
    }
    return out;
  };
  for (const pkg of packages) {
    const configs = filesOf(pkg).filter((f) => path.posix.dirname(f) === pkg.dir && /^tsconfig[^/]*\.json$/.test(path.posix.basename(f)));
    const outs: OutputMap[] = [];
    const pkgAliases: PathAlias[] = [];
    for (const config of configs) {
      const options = await compilerOptions(config);
      if (typeof options.outDir === "string") outs.push({ outDir: options.outDir, rootDir: typeof options.rootDir === "string" ? options.rootDir : undefined });
      if (typeof options.paths === "object" && typeof options.pathsBase === "string") {
        for (const [pattern, targets] of Object.entries(options.paths)) {
          if (!Array.isArray(targets)) continue;
          const star = pattern.indexOf("*");
          pkgAliases.push({
            prefix: star < 0 ? pattern : pattern.slice(0, star),
            suffix: star < 0 ? "" : pattern.slice(star + 1),
            wildcard: star >= 0,
            targets: targets.filter((t): t is string => typeof t === "string").map((t) => join(options.pathsBase as string, t)),
          });
        }
      }
    }
    outputs.set(pkg, outs);
    aliases.set(pkg, pkgAliases.sort((a, b) => b.prefix.length - a.prefix.length));
  }

  const firstExisting = (candidates: readonly string[]): string | undefined => candidates.find((c) => fileSet.has(c));
  /** Source candidates of a built path: the tsconfig outDir → rootDir, then dist/x.js → src/x.ts and friends. */
  const sourceCandidates = (target: string, pkg: GraphPackage | undefined): string[] => {
    const bases = [target];
    for (const out of pkg === undefined ? [] : (outputs.get(pkg) ?? [])) {
      if (target === out.outDir || target.startsWith(`${out.outDir}/`)) {
        const rest = target.slice(out.outDir.length + 1);
        if (out.rootDir !== undefined) bases.push(join(out.rootDir, rest));
        else bases.push(join(pkg?.dir ?? ".", `src/${rest}`), join(pkg?.dir ?? ".", rest));
      }
    }
    for (const replacement of ["src/", ""]) {
      const mapped = unbuilt(target, replacement);
      if (mapped !== undefined) bases.push(mapped);
    }
    const out: string[] = [];
    for (const base of bases) {
      const noDts = base.replace(/\.d\.([cm]?)ts$/, ".$1ts");
      out.push(base, noDts);
      const ext = path.posix.extname(noDts);
      for (const swap of SWAP[ext] ?? []) out.push(noDts.slice(0, -ext.length) + swap);
    }
    return out;
  };
  const resolveFile = (base: string, pkg?: GraphPackage): string | undefined => {
    const direct = firstExisting(sourceCandidates(base, pkg));
    if (direct !== undefined && isCode(direct)) return direct;
    const trimmed = base.replace(/\/$/, "");
    for (const ext of EXTENSIONS) {
      const found = firstExisting(sourceCandidates(trimmed + ext, pkg)) ?? firstExisting(sourceCandidates(`${trimmed}/index${ext}`, pkg));
      if (found !== undefined) return found;
    }
    return direct;
  };
  /** Files matching a glob (or a path) relative to a folder, within one package. */
  const expand = (pkg: GraphPackage, dir: string, pattern: string): string[] => {
    const target = join(dir, pattern.replace(/^!/, ""));
    if (pattern.startsWith("!")) return [];
    if (!/[*?{[]/.test(target)) {
      const file = resolveFile(target, pkg);
      return file === undefined ? [] : [file];
    }
    const match = matcher([target]);
    return (codeByPackage.get(pkg) ?? []).filter(match);
  };

  // Resolved once per package and subpath: every import of a workspace package asks again.
  const entriesMemo = new Map<GraphPackage, Map<string, string[]>>();
  const entriesOfPackage = (pkg: GraphPackage, subpath: string | undefined): string[] => {
    let memo = entriesMemo.get(pkg);
    if (memo === undefined) {
      memo = new Map();
      entriesMemo.set(pkg, memo);
    }
    const key = subpath ?? "\u0000all";
    let found = memo.get(key);
    if (found === undefined) {
      found = computeEntries(pkg, subpath);
      memo.set(key, found);
    }
    return found;
  };
  const computeEntries = (pkg: GraphPackage, subpath: string | undefined): string[] => {
    const manifest = pkg.manifest;
    const targets: string[] = [];
    const exportsField = manifest.exports;
    if (exportsField !== undefined && exportsField !== null) {
      const map =
        typeof exportsField === "object" && !Array.isArray(exportsField) && Object.keys(exportsField).some((k) => k.startsWith("."))
          ? (exportsField as Record<string, unknown>)
          : { ".": exportsField };
      for (const [key, value] of Object.entries(map)) {
        if (subpath !== undefined && key !== subpath && !key.includes("*")) continue;
        if (key.includes("*") && subpath !== undefined) {
          // One import (`pkg/components/Card`): the file its own subpath maps to, not every file the pattern covers.
          const star = key.indexOf("*");
          const head = key.slice(0, star);
          const tail = key.slice(star + 1);
          if (!subpath.startsWith(head) || !subpath.endsWith(tail) || subpath.length < head.length + tail.length) continue;
          const middle = subpath.slice(head.length, subpath.length - tail.length);
          for (const t of exportTargets(value)) {
            const file = resolveFile(join(pkg.dir, t.replace("*", middle)), pkg);
            if (file !== undefined && isCode(file)) targets.push(file);
          }
        } else if (key.includes("*")) {
          const prefixes = exportTargets(value).map((t) => join(pkg.dir, t.slice(0, t.indexOf("*"))));
          const mapped = prefixes.flatMap((p) => [p, ...sourceCandidates(p, pkg)]);
          targets.push(...(codeByPackage.get(pkg) ?? []).filter((f) => mapped.some((p) => f.startsWith(p))));
        } else {
          targets.push(...exportTargets(value).map((t) => resolveFile(join(pkg.dir, t), pkg)).filter((t): t is string => t !== undefined && isCode(t)));
        }
      }
      if (subpath === undefined || targets.length > 0) return targets;
    }
    if (subpath !== undefined && subpath !== ".") {
      const file = resolveFile(join(pkg.dir, subpath), pkg);
      return file === undefined ? [] : [file];
    }
    for (const field of ["main", "module", "browser", "types", "typings", "source"]) {
      if (typeof manifest[field] === "string") {
        const file = resolveFile(join(pkg.dir, manifest[field] as string), pkg);
        if (file !== undefined && isCode(file)) targets.push(file);
      }
    }
    if (targets.length === 0) {
      const fallback = resolveFile(join(pkg.dir, "index"), pkg) ?? resolveFile(join(pkg.dir, "src/index"), pkg);
      if (fallback !== undefined) targets.push(fallback);
    }
    return targets;
  };

  const importsField = (pkg: GraphPackage, specifier: string): string | undefined => {
    const imports = pkg.manifest.imports;
    if (typeof imports !== "object" || imports === null) return undefined;
    for (const [key, value] of Object.entries(imports as Record<string, unknown>)) {
      const star = key.indexOf("*");
      if (star < 0 ? key !== specifier : !(specifier.startsWith(key.slice(0, star)) && specifier.endsWith(key.slice(star + 1)))) continue;
      const middle = star < 0 ? "" : specifier.slice(star, specifier.length - (key.length - star - 1));
      for (const target of exportTargets(value)) {
        const file = resolveFile(join(pkg.dir, target.replace("*", middle)), pkg);
        if (file !== undefined) return file;
      }
    }
    return undefined;
  };

  const viaAlias = (pkg: GraphPackage, specifier: string): string | undefined => {
    for (const alias of aliases.get(pkg) ?? []) {
      if (alias.wildcard ? !(specifier.startsWith(alias.prefix) && specifier.endsWith(alias.suffix)) : specifier !== alias.prefix) continue;
      const middle = alias.wildcard ? specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length) : "";
      for (const target of alias.targets) {
        const file = resolveFile(target.replace("*", middle), pkg);
        if (file !== undefined) return file;
      }
    }
    // Docusaurus: `@site/` is the site's folder (the package with the site config).
    if (specifier.startsWith("@site/")) return resolveFile(join(pkg.dir, specifier.slice(6)), pkg);
    // The `@/` and `~/` aliases bundlers set up for a package's src/ folder (Vite, Nuxt, Next templates).
    const conventional = /^[@~#]\/(.*)$/.exec(specifier);
    if (conventional !== null) return resolveFile(join(pkg.dir, `src/${conventional[1] ?? ""}`), pkg) ?? resolveFile(join(pkg.dir, conventional[1] ?? ""), pkg);
    return undefined;
  };

  const resolve = (from: string, specifier: string): string | undefined => {
    const clean = specifier.replace(/\?.*$/, "");
    if (clean.startsWith(".")) return resolveFile(join(path.posix.dirname(from), clean), packageOf(from));
    const pkg = packageOf(from);
    if (clean.startsWith("#") && !clean.startsWith("#/")) return importsField(pkg, clean) ?? (pkg === rootPackage ? undefined : importsField(rootPackage, clean));
    if (clean.startsWith("/")) return resolveFile(join(pkg.dir, clean.slice(1)), pkg);
    const aliased = viaAlias(pkg, clean);
    if (aliased !== undefined) return aliased;
    const name = packageNameOf(clean);
    const target = name === undefined ? undefined : byName.get(name);
    if (target === undefined || name === undefined) return undefined;
    const sub = clean.length === name.length ? "." : `.${clean.slice(name.length)}`;
    return entriesOfPackage(target, sub)[0];
  };

  const entries = new Set<string>();
  const entryGlob = matcher([...ENTRY_GLOBS, ...extraEntries]);
  for (const file of files) if (entryGlob(file) || isTestFile(file)) entries.add(file);
  // Packages whose manifest names no entry point at all: Warden cannot know what they run, so it assumes every file is used.
  const withEntries = new Set<GraphPackage>();
  const addEntry = (pkg: GraphPackage, file: string): void => {
    entries.add(file);
    // Only an entry inside the package tells which of its files run (a config may name a shared file elsewhere).
    if (packageOf(file) === pkg) withEntries.add(pkg);
  };
  for (const pkg of packages) {
    if (pkg.dir !== ".") for (const file of entriesOfPackage(pkg, undefined)) addEntry(pkg, file);
    const bin = pkg.manifest.bin;
    for (const target of typeof bin === "string" ? [bin] : exportTargets(bin)) {
      const file = resolveFile(join(pkg.dir, target), pkg);
      if (file !== undefined && isCode(file)) addEntry(pkg, file);
    }
    if (pkg.dir === ".") for (const file of entriesOfPackage(pkg, undefined)) if (typeof pkg.manifest.main === "string" || pkg.manifest.exports !== undefined) addEntry(pkg, file);
    const scripts = pkg.manifest.scripts;
    if (typeof scripts === "object" && scripts !== null) {
      for (const command of Object.values(scripts)) {
        for (const match of String(command).matchAll(/[\w./@-]+\.[cm]?[jt]sx?\b/g)) {
          const file = resolveFile(join(pkg.dir, match[0]), pkg);
          if (file !== undefined && isCode(file)) addEntry(pkg, file);
        }
      }
    }
    // Framework conventions: routes, pages and special files the framework loads by location.
    const deps = new Set(["dependencies", "devDependencies", "peerDependencies"].flatMap((field) => Object.keys((pkg.manifest[field] as object | undefined) ?? {})));
    const topLevel = new Set(filesOf(pkg).map((f) => (pkg.dir === "." ? f : f.slice(pkg.dir.length + 1)).split("/")[0] ?? ""));
    for (const framework of FRAMEWORKS) {
      if (!framework.deps.some((d) => deps.has(d)) && ![...topLevel].some((name) => framework.configs.test(name))) continue;
      const match = matcher(framework.globs.map((g) => join(pkg.dir, g)));
      for (const file of codeByPackage.get(pkg) ?? []) if (match(file)) addEntry(pkg, file);
    }
    // Files a package publishes on purpose beside its module tree (`"files": ["files/worker.js", "templates"]`):
    // templates and runtime files its code copies or loads by path. A folder holding the package's own
    // entries, or a source/build folder (`src`, `lib`, `dist` …), is its module tree and stays judged.
    const published = pkg.manifest.files;
    if (Array.isArray(published)) {
      const own = entriesOfPackage(pkg, undefined);
      for (const item of published) {
        if (typeof item !== "string" || item.startsWith("!") || /[*?{]/.test(item)) continue;
        const target = join(pkg.dir, item.replace(/^\.\//, "").replace(/\/+$/, ""));
        if (isCode(target) && fileSet.has(target)) {
          addEntry(pkg, target);
          continue;
        }
        if (/^(?:src|source|lib|dist|build|out|esm|cjs|es|types)$/.test(path.posix.basename(target)) || own.some((f) => f.startsWith(`${target}/`))) continue;
        for (const file of codeByPackage.get(pkg) ?? []) if (file.startsWith(`${target}/`)) addEntry(pkg, file);
      }
    }
    // tsup/tsdown/esbuild settings in package.json.
    for (const field of ["tsup", "tsdown"]) {
      const settings = pkg.manifest[field];
      if (typeof settings === "object" && settings !== null) {
        const entry = (settings as Record<string, unknown>).entry ?? (settings as Record<string, unknown>).entryPoints;
        for (const pattern of exportTargets(entry)) for (const file of expand(pkg, pkg.dir, pattern)) addEntry(pkg, file);
      }
    }
  }

  const infos = new Map<string, ModuleInfo>();
  // Declaration files are never reported but import modules (`import("./x").T`, `export … from`): they count as entries.
  for (const file of ctx.files) {
    if (!/\.d\.[cm]?ts$/.test(file) || ctx.classOf(file) === "vendored" || ctx.classOf(file) === "build") continue;
    const parsed = await ctx.parse(file);
    if (parsed === undefined) continue;
    const info = moduleInfo(parsed.ts, parsed.ast);
    if (info.imports.length === 0) continue;
    infos.set(file, info);
    entries.add(file);
  }
  for (const file of files) {
    const parsed = await ctx.parse(file);
    if (parsed === undefined) continue;
    const info = moduleInfo(parsed.ts, parsed.ast);
    infos.set(file, info);
    // A module loaded by its path (`path.resolve(dir, "helpers/x.ts")`, a worker file, a plugin path)
    // is used by the file that names it: a string ending in a JS/TS extension that resolves counts as an import.
    if (/\.[cm]?[jt]sx?["'`]/.test(parsed.ast.text)) {
      const specifiers = new Set(info.imports.map((edge) => edge.specifier));
      for (const match of parsed.ast.text.matchAll(/["'`]((?:\.\.?\/)?[\w@.[\]-]+(?:\/[\w@.[\]-]+)*\.[cm]?[jt]sx?)["'`]/g)) {
        const named = match[1] ?? "";
        if (specifiers.has(named)) continue; // an import statement's own specifier, already followed with its names
        const specifier = named.startsWith(".") ? named : `./${named}`;
        const target = resolveFile(join(path.posix.dirname(file), specifier), packageOf(file));
        if (target !== undefined && target !== file && isCode(target)) info.imports.push({ specifier, names: "*", line: 1, column: 1, typeOnly: false });
      }
    }
    // Bundler and test-runner configs (and build scripts calling esbuild): their entry/input/setup values are entry points.
    if (TOOL_CONFIG.test(file) || (entries.has(file) && /\bentryPoints\b/.test(parsed.ast.text))) {
      const pkg = packageOf(file);
      // A config's paths are relative to it; a build script's (scripts/build.mjs calling esbuild) are
      // relative to the folder it runs in, the package's own (`pnpm build` runs there).
      for (const pattern of entryStrings(parsed.ts, parsed.ast)) {
        const here = expand(pkg, path.posix.dirname(file), pattern);
        for (const target of here.length > 0 ? here : expand(pkg, pkg.dir, pattern)) addEntry(pkg, target);
      }
    }
    // Any config names files by relative path (reporters, plugins, setup modules): those files are entries.
    if (CONFIG_MODULE.test(file)) {
      const pkg = packageOf(file);
      for (const match of parsed.ast.text.matchAll(/["'`](\.\.?\/[^"'`\s]+)["'`]/g)) {
        const target = resolveFile(join(path.posix.dirname(file), match[1] ?? ""), pkg);
        if (target !== undefined && isCode(target) && target !== file) addEntry(pkg, target);
      }
    }
  }
  // Components of other languages, HTML pages and MDX import modules too: they count as entries' imports.
  const foreign: string[] = [];
  for (const file of ctx.files) {
    if (!FOREIGN_IMPORTERS.test(file) || ctx.classOf(file) === "vendored" || ctx.classOf(file) === "build") continue;
    const text = await ctx.readText(file);
    if (text === undefined) continue;
    const imports = foreignImports(file, text);
    if (imports.length === 0) continue;
    infos.set(file, { imports, exports: new Map(), reExports: [], stars: [] });
    foreign.push(file);
    entries.add(file);
  }
  for (const pkg of packages) if (!withEntries.has(pkg)) for (const file of codeByPackage.get(pkg) ?? []) entries.add(file);

  const importers = new Map<string, Set<string>>();
  for (const [file, info] of infos) {
    for (const edge of info.imports) {
      const target = resolve(file, edge.specifier);
      if (target === undefined || target === file) continue;
      let set = importers.get(target);
      if (set === undefined) {
        set = new Set();
        importers.set(target, set);
      }
      set.add(file);
    }
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
  for (const file of foreign) reachable.delete(file);
  return { files, packages, infos, entries, reachable, importers, resolve, packageOf, filesOf };
}

/** String values under entry-like properties (`entry`, `entryPoints`, `input`, `setupFiles`, `globalSetup`, …) of a config module. */
function entryStrings(tsApi: typeof ts, ast: ts.SourceFile): string[] {
  const out: string[] = [];
  const collect = (node: ts.Node): void => {
    if (tsApi.isStringLiteral(node) || tsApi.isNoSubstitutionTemplateLiteral(node)) {
      if (/^[\w.@~/*{}!-][\w.@~/*{},!-]*$/.test(node.text) && /[./*]/.test(node.text)) out.push(node.text);
      return;
    }
    // `./src/${name}.js`: every file the template could name.
    if (tsApi.isTemplateExpression(node)) {
      const glob = node.head.text + node.templateSpans.map((span) => `*${span.literal.text}`).join("");
      if (/^[\w.@~/*-][\w.@~/*-]*$/.test(glob) && /\.[cm]?[jt]sx?$/.test(glob)) out.push(glob);
      return;
    }
    tsApi.forEachChild(node, collect);
  };
  const visit = (node: ts.Node): void => {
    if (tsApi.isPropertyAssignment(node)) {
      const name = tsApi.isIdentifier(node.name) || tsApi.isStringLiteral(node.name) ? node.name.text : undefined;
      if (name !== undefined && ENTRY_PROPERTIES.has(name)) {
        collect(node.initializer);
        return;
      }
    }
    tsApi.forEachChild(node, visit);
  };
  visit(ast);
  return out;
}

/** Imports of a Vue/Svelte/Astro component, an MDX page or an HTML page (`<script src>`), by their text. */
function foreignImports(file: string, text: string): ModuleInfo["imports"] {
  const out: ModuleInfo["imports"] = [];
  const add = (specifier: string, index: number): void => {
    const line = text.slice(0, index).split("\n").length;
    out.push({ specifier, names: "*", line, column: 1, typeOnly: false });
  };
  // In Markdown only `<script>` blocks (VitePress, Vue-flavoured pages) import; elsewhere any import statement does.
  const scripts = file.endsWith(".md") ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => ({ code: m[1] ?? "", at: (m.index ?? 0) + m[0].indexOf(">") + 1 })) : [{ code: text, at: 0 }];
  for (const { code, at } of scripts) {
    for (const match of code.matchAll(/\b(?:import|export)\s[^;'"`]*?\bfrom\s*["']([^"'\n]+)["']|\bimport\s*\(?\s*["']([^"'\n]+)["']/g)) {
      add(match[1] ?? match[2] ?? "", at + (match.index ?? 0));
    }
  }
  if (file.endsWith(".html") || file.endsWith(".vue") || file.endsWith(".svelte") || file.endsWith(".astro")) {
    for (const match of text.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)) {
      const src = match[1] ?? "";
      if (!/^(?:https?:)?\/\//.test(src)) add(src.startsWith("/") || src.startsWith(".") ? src : `./${src}`, match.index ?? 0);
    }
  }
  return out.filter((edge) => edge.specifier !== "");
}
