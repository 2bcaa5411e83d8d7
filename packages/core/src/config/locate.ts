import { createHash } from "node:crypto";
import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { WardenError } from "../errors.js";

/**
 * Finding the config file and fingerprinting it (with what it imports), without loading it: node
 * built-ins only, so start-up paths that must not load the config loader (zod, jiti) can use them
 * (`warden secrets run`'s grants snapshot, docs/secrets/vault.md).
 */

/** Config file names, in the order they are looked for. */
export const CONFIG_FILES = [
  "warden.config.ts",
  "warden.config.mts",
  "warden.config.cts",
  "warden.config.js",
  "warden.config.mjs",
  "warden.config.cjs",
  "warden.config.json",
] as const;

/**
 * Find the config file in `dir`, if there is one. A config name that is a symbolic link loop or
 * a link to nothing is an error, not "no config".
 */
export function findConfigFile(dir: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const candidate = path.join(dir, name);
    let entry: Stats | undefined;
    try {
      // Without an exception for a missing name: most of the names are missing at every start.
      entry = lstatSync(candidate, { throwIfNoEntry: false });
    } catch {
      entry = undefined;
    }
    if (entry === undefined) continue; // no such name
    checkLinkTarget(candidate, name);
    return candidate;
  }
  return undefined;
}

/** Fail with one line when the config `file` is a symbolic link loop or a link to nothing. */
export function checkLinkTarget(file: string, display: string): void {
  try {
    statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw new WardenError("CONFIG_LOAD", `${display}: cannot load config: it is a symbolic link loop`);
    if (code === "ENOENT") throw new WardenError("CONFIG_LOAD", `${display}: cannot load config: it is a symbolic link to a missing file`);
    throw new WardenError("CONFIG_LOAD", `${display}: cannot load config: ${code ?? "unreadable"}`);
  }
}

const LOCAL_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"'\n]+)["']/g;
const PROBE = ["", ".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".json", "/index.ts", "/index.mts", "/index.js", "/index.mjs"];

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [...PROBE.map((suffix) => base + suffix)];
  if (/\.[cm]?js$/.test(base)) candidates.push(base.replace(/js$/, "ts")); // "./x.js" written for "./x.ts"
  return candidates.find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * A fingerprint of a config and everything it imports that can change between runs: the content
 * of the config and of each file it reaches through relative imports, or through packages that
 * resolve outside node_modules (workspace packages), and the size and time of the package files
 * it imports from node_modules. The warm server compares fingerprints to know when a loaded
 * config is stale (ES modules cannot be unloaded, so a changed config is loaded in a fresh thread).
 */
export function configFingerprint(configFile: string): string {
  const hash = createHash("sha256");
  const seen = new Set<string>();
  const queue = [configFile];
  while (queue.length > 0 && seen.size < 500) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      hash.update(`${file}\u0000missing\u0000`);
      continue;
    }
    hash.update(`${file}\u0000${createHash("sha256").update(text).digest("hex")}\u0000`);
    if (file.endsWith(".json")) continue;
    for (const match of text.matchAll(LOCAL_IMPORT)) {
      const specifier = match[1] ?? "";
      if (specifier.startsWith("node:")) continue;
      if (specifier.startsWith(".") || specifier.startsWith("/")) {
        const resolved = resolveLocal(file, specifier);
        if (resolved !== undefined) queue.push(resolved);
        continue;
      }
      try {
        const resolved = createRequire(file).resolve(specifier);
        if (!path.isAbsolute(resolved)) continue; // a builtin
        const real = realpathOr(resolved);
        if (real.split(path.sep).includes("node_modules")) {
          const info = statSync(real);
          hash.update(`${real}\u0000${info.size}:${info.mtimeMs}\u0000`);
        } else {
          queue.push(real);
        }
      } catch {
        hash.update(`${specifier}\u0000unresolved\u0000`);
      }
    }
  }
  return hash.digest("hex");
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
