import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { WardenError } from "./errors.js";
import { toRepoPath } from "./paths.js";

/** Folders never walked into, whatever .gitignore says. */
const ALWAYS_SKIPPED = new Set([".git", "node_modules", ".turbo", ".warden"]);

interface Layer {
  readonly base: string; // repo-relative folder of the .gitignore, "" for the root
  readonly rules: Ignore;
}

async function readIgnoreFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

function ignoredBy(layers: readonly Layer[], relative: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const local = layer.base === "" ? relative : relative.slice(layer.base.length + 1);
    if (local === "") continue;
    if (layer.rules.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

/** Options for {@link walkFiles}. */
export interface WalkOptions {
  /** Globs (picomatch, repository-relative) to leave out on top of .gitignore. */
  readonly exclude?: readonly string[];
}

/**
 * List the files under `targets` (files or folders, relative to `root`), honouring every
 * .gitignore from the root down (the `ignore` package implements git's semantics).
 * Returns sorted repository-relative paths with forward slashes.
 */
export async function walkFiles(root: string, targets: readonly string[] = ["."], options: WalkOptions = {}): Promise<string[]> {
  const excluded = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : undefined;
  const found = new Set<string>();
  const layerCache = new Map<string, Layer | null>();

  const layerFor = async (dirRelative: string): Promise<Layer | null> => {
    const cached = layerCache.get(dirRelative);
    if (cached !== undefined) return cached;
    const text = await readIgnoreFile(path.join(root, dirRelative, ".gitignore"));
    const layer = text === undefined ? null : { base: dirRelative, rules: ignore().add(text) };
    layerCache.set(dirRelative, layer);
    return layer;
  };

  const layersAbove = async (relative: string): Promise<Layer[]> => {
    const layers: Layer[] = [];
    const parts = relative === "" ? [] : relative.split("/");
    for (let i = 0; i < parts.length; i += 1) {
      const layer = await layerFor(parts.slice(0, i).join("/"));
      if (layer !== null) layers.push(layer);
    }
    return layers;
  };

  const visit = async (relative: string, layers: Layer[]): Promise<void> => {
    const own = await layerFor(relative);
    const active = own === null ? layers : [...layers, own];
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name)) continue;
        if (ignoredBy(active, child, true)) continue;
        if (excluded?.(child) === true || excluded?.(`${child}/`) === true) continue;
        await visit(child, active);
      } else if (entry.isFile()) {
        if (ignoredBy(active, child, false)) continue;
        if (excluded?.(child) === true) continue;
        found.add(child);
      }
    }
  };

  for (const target of targets) {
    const absolute = path.resolve(root, target);
    const relative = toRepoPath(root, absolute);
    if (relative.startsWith("..")) {
      throw new WardenError("USAGE", `${target}: path is outside the repository (${root})`);
    }
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new WardenError("USAGE", `${target}: no such file or directory`);
    }
    const normalised = relative === "." ? "" : relative;
    if (info.isDirectory()) {
      await visit(normalised, await layersAbove(normalised));
    } else if (info.isFile()) {
      // An explicitly named file is checked even when ignored, as ESLint does with a warning-free pass.
      if (excluded?.(normalised) !== true) found.add(normalised);
    }
  }
  return [...found].sort();
}
