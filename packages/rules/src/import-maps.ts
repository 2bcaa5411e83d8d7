import path from "node:path";
import { parseJsonc } from "./jsonc.js";

/**
 * Bare specifiers a folder resolves without node_modules: tsconfig `paths` aliases (the nearest
 * tsconfig.json and its relative `extends` chain), files under its `baseUrl`, and Deno import maps (`imports` of the nearest
 * deno.json / deno.jsonc, or the `importMap` file it names). Each file is read once per check.
 */
export interface ImportMaps {
  /** Whether `specifier`, imported by a file of `dir`, is mapped by a tsconfig alias, names a file under its `baseUrl`, or is mapped by a Deno import map. */
  maps(dir: string, specifier: string): Promise<boolean>;
}

interface Pattern {
  readonly prefix: string;
  readonly suffix: string;
  readonly wildcard: boolean;
}

const toPattern = (key: string, folderMap: boolean): Pattern => {
  const star = key.indexOf("*");
  if (star >= 0) return { prefix: key.slice(0, star), suffix: key.slice(star + 1), wildcard: true };
  // An import-map key ending in "/" maps every specifier under it ("std/" → "std/async/delay.ts").
  if (folderMap && key.endsWith("/")) return { prefix: key, suffix: "", wildcard: true };
  return { prefix: key, suffix: "", wildcard: false };
};

const matches = (patterns: readonly Pattern[], specifier: string): boolean =>
  patterns.some((p) => (p.wildcard ? specifier.startsWith(p.prefix) && specifier.endsWith(p.suffix) && specifier.length >= p.prefix.length + p.suffix.length : specifier === p.prefix));

/** The import maps of a repository read through `readText` (repository-relative paths), cached per file and folder. */
export function importMaps(readText: (file: string) => Promise<string | undefined>): ImportMaps {
  const json = new Map<string, Promise<Record<string, unknown> | undefined>>();
  const read = (file: string): Promise<Record<string, unknown> | undefined> => {
    let found = json.get(file);
    if (found === undefined) {
      found = readText(file).then((text) => (text === undefined ? undefined : parseJsonc(text)));
      json.set(file, found);
    }
    return found;
  };
  /** `paths` keys of a tsconfig with its relative `extends` chain (the nearest `paths` wins, as in tsc). */
  const tsPaths = async (file: string, depth: number): Promise<Pattern[] | undefined> => {
    const config = await read(file);
    if (config === undefined) return undefined;
    const options = config.compilerOptions as Record<string, unknown> | undefined;
    const paths = options?.paths;
    if (typeof paths === "object" && paths !== null) return Object.keys(paths).map((k) => toPattern(k, false));
    if (depth >= 5) return undefined;
    const parents = typeof config.extends === "string" ? [config.extends] : Array.isArray(config.extends) ? config.extends.filter((e): e is string => typeof e === "string") : [];
    let inherited: Pattern[] | undefined;
    for (const parent of parents) {
      if (!parent.startsWith(".")) continue; // a package's shared config names no repository paths
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), parent.endsWith(".json") ? parent : `${parent}.json`));
      inherited = (await tsPaths(target, depth + 1)) ?? inherited;
    }
    return inherited;
  };
  /** The folder a tsconfig's `baseUrl` names (own or through its relative `extends` chain), if any. */
  const tsBaseUrl = async (file: string, depth: number): Promise<string | undefined> => {
    const config = await read(file);
    if (config === undefined) return undefined;
    const baseUrl = (config.compilerOptions as Record<string, unknown> | undefined)?.baseUrl;
    if (typeof baseUrl === "string") return path.posix.normalize(path.posix.join(path.posix.dirname(file), baseUrl));
    if (depth >= 5) return undefined;
    const parents = typeof config.extends === "string" ? [config.extends] : Array.isArray(config.extends) ? config.extends.filter((e): e is string => typeof e === "string") : [];
    let inherited: string | undefined;
    for (const parent of parents) {
      if (!parent.startsWith(".")) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), parent.endsWith(".json") ? parent : `${parent}.json`));
      inherited = (await tsBaseUrl(target, depth + 1)) ?? inherited;
    }
    return inherited;
  };
  const baseUrls = new Map<string, Promise<string | undefined>>();
  /** The `baseUrl` folder in force for a folder: the nearest tsconfig.json above it that sets one. */
  const baseUrlOf = (dir: string): Promise<string | undefined> => {
    let found = baseUrls.get(dir);
    if (found === undefined) {
      found = (async () => {
        const own = await tsBaseUrl(dir === "." ? "tsconfig.json" : `${dir}/tsconfig.json`, 0);
        if (own !== undefined || dir === "." || dir === "" || dir === "/") return own;
        return baseUrlOf(path.posix.dirname(dir));
      })();
      baseUrls.set(dir, found);
    }
    return found;
  };
  /** Whether a bare specifier names a file under the `baseUrl` in force (`src/utils/form` with `"baseUrl": "."`). */
  const underBaseUrl = async (dir: string, specifier: string): Promise<boolean> => {
    const base = await baseUrlOf(dir);
    if (base === undefined) return false;
    const target = path.posix.normalize(path.posix.join(base, specifier));
    if (target.startsWith("../")) return false;
    for (const ending of ["", ".ts", ".tsx", ".mts", ".d.ts", ".js", ".jsx", ".mjs", ".json", "/index.ts", "/index.tsx", "/index.js", "/index.jsx"]) {
      if ((await readText(`${target}${ending}`)) !== undefined) return true;
    }
    return false;
  };
  const denoImports = async (file: string): Promise<Pattern[] | undefined> => {
    const config = await read(file);
    if (config === undefined) return undefined;
    let imports = config.imports;
    if (typeof config.importMap === "string") imports = (await read(path.posix.normalize(path.posix.join(path.posix.dirname(file), config.importMap))))?.imports ?? imports;
    return typeof imports === "object" && imports !== null ? Object.keys(imports).map((k) => toPattern(k, true)) : [];
  };
  const byDir = new Map<string, Promise<Pattern[]>>();
  const patternsOf = (dir: string): Promise<Pattern[]> => {
    let found = byDir.get(dir);
    if (found === undefined) {
      found = (async () => {
        const at = (name: string): string => (dir === "." ? name : `${dir}/${name}`);
        const own: Pattern[] = [];
        const ts = await tsPaths(at("tsconfig.json"), 0);
        const deno = (await denoImports(at("deno.json"))) ?? (await denoImports(at("deno.jsonc")));
        if (ts !== undefined) own.push(...ts);
        if (deno !== undefined) own.push(...deno);
        // Folders inherit the aliases of the tsconfig / deno.json files above them (a union: generous, never a false report).
        if (dir === "." || dir === "" || dir === "/") return own;
        return [...own, ...(await patternsOf(path.posix.dirname(dir)))];
      })();
      byDir.set(dir, found);
    }
    return found;
  };
  return { maps: async (dir, specifier) => matches(await patternsOf(dir), specifier) || (await underBaseUrl(dir, specifier)) };
}
