import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { WardenError } from "./errors.js";
import { runGit, type GitResult } from "./git/run.js";
import { toRepoPath } from "./paths.js";

/**
 * Files smaller than this are read synchronously by the scans: from the page cache a synchronous
 * read costs less than the promise and four thread hops (open, stat, read, close) of an
 * asynchronous one, which dominated scans of many small files; larger files are read
 * asynchronously so their I/O overlaps scanning.
 */
export const SYNC_READ_BYTES = 256 * 1024;

/**
 * Read a file whose size is already known (see {@link SYNC_READ_BYTES}); undefined when it was
 * deleted or became unreadable since it was listed.
 */
export async function readListedFile(file: string, size: number): Promise<Buffer | undefined> {
  try {
    return size < SYNC_READ_BYTES ? readFileSync(file) : await readFile(file);
  } catch {
    return undefined;
  }
}

/** Folders never walked into, whatever .gitignore says. */
const ALWAYS_SKIPPED = new Set([".git", "node_modules", ".turbo", ".warden"]);

interface Layer {
  readonly base: string; // repo-relative folder of the .gitignore, "" for the root
  readonly rules: Ignore;
}

function readIgnoreFile(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
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
  /**
   * False: names git lists are returned without the per-file `lstat` that leaves out deleted
   * files, submodules and symbolic links. For callers that open every file anyway and check it
   * there (see {@link openListedFile}): one system call less per file. Default true.
   */
  readonly checkListed?: boolean;
  /**
   * The output of `git ls-files -co --exclude-standard -z -- ':(literal).'` run at `root`, started
   * earlier by the caller (`warden scan` starts it beside its own start-up); used when the only
   * target is the whole work tree, else ignored. Undefined from the promise: run it here.
   */
  readonly listing?: Promise<GitResult | undefined>;
}

/** What {@link openListedFile} found: a regular file's size and (unless it was too large) content. */
export type ListedFile =
  | { readonly kind: "file"; readonly size: number; readonly content: Buffer | undefined; readonly unread?: true }
  | { readonly kind: "none" };

const NOFOLLOW = constants.O_NOFOLLOW as number | undefined;
// Non-blocking: a FIFO in the work tree must not stall the scan (a regular file is unaffected).
const OPEN_FLAGS = constants.O_RDONLY | (NOFOLLOW ?? 0) | ((constants.O_NONBLOCK as number | undefined) ?? 0);

/**
 * Read a listed file in as few system calls as the kernel allows — open, read, close — without
 * following a symbolic link. A file that fits in `scratch` (most source files) is read into it
 * and returned as a view of it (valid until the next call with the same scratch: the caller must
 * be done with it by then); a larger one is sized with fstat, and read into its own buffer
 * unless it is over `max` bytes (then `content` is undefined). `none` for what is no longer
 * there, not a regular file (a submodule's folder, a symbolic link) or unreadable. Where a stat,
 * then a read (open, fstat, read, close) cost two calls more per file, this is what makes scans of
 * many small files cheap. Synchronous (see {@link SYNC_READ_BYTES}). With `readLarge: false`, a file
 * larger than `scratch` (and within `max`) is only sized: `unread` says the caller must read it.
 */
export function openListedFile(file: string, scratch: Buffer, max: number, options: { readonly readLarge?: boolean } = {}): ListedFile {
  if (NOFOLLOW === undefined) {
    // No O_NOFOLLOW (Windows): check the link first.
    if (lstatSync(file, { throwIfNoEntry: false })?.isFile() !== true) return { kind: "none" };
  }
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch {
    return { kind: "none" };
  }
  try {
    // A folder fails here (EISDIR); a short read of a regular file is its end.
    const first = readSync(fd, scratch, 0, scratch.length, 0);
    if (first < scratch.length) return { kind: "file", size: first, content: first > max ? undefined : scratch.subarray(0, first) };
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: "none" };
    const size = info.size;
    if (size > max) return { kind: "file", size, content: undefined };
    // The caller reads it itself (asynchronously, overlapping the scan of the next files).
    if (options.readLarge === false) return { kind: "file", size, content: undefined, unread: true };
    const content = Buffer.allocUnsafe(Math.max(size, first));
    scratch.copy(content, 0, 0, first);
    let at = first;
    while (at < content.length) {
      const got = readSync(fd, content, at, content.length - at, at);
      if (got === 0) break;
      at += got;
    }
    return { kind: "file", size: at, content: at === content.length ? content : content.subarray(0, at) };
  } catch {
    return { kind: "none" };
  } finally {
    closeSync(fd);
  }
}

/** Whether a repository-relative path lies in a folder Warden never looks into. */
function inSkippedFolder(relative: string): boolean {
  // Substring searches, not a split per path: this runs once for each of tens of thousands of names.
  for (const folder of SKIPPED_SEGMENTS) {
    for (let at = relative.indexOf(folder); at >= 0; at = relative.indexOf(folder, at + 1)) {
      if (at === 0 || relative.charCodeAt(at - 1) === 47) return true;
    }
  }
  return false;
}
const SKIPPED_SEGMENTS = [...ALWAYS_SKIPPED].map((name) => `${name}/`);

/**
 * The files git has under `targets` of the work tree at `root`: tracked ones (even when they match
 * .gitignore) and untracked ones that are not ignored (.gitignore files, `.git/info/exclude` and
 * `core.excludesFile`), from `git ls-files -co --exclude-standard -z`. Undefined when `root` is
 * not in a git work tree. Deleted tracked files, submodules and symbolic links are left out.
 */
async function gitListed(root: string, pathspecs: readonly string[], check = true, listing?: Promise<GitResult | undefined>): Promise<string[] | undefined> {
  const early = listing !== undefined && pathspecs.length === 1 && pathspecs[0] === "." ? await listing : undefined;
  const result =
    early ??
    (await runGit(root, ["ls-files", "-co", "--exclude-standard", "-z", "--", ...pathspecs.map((spec) => `:(literal)${spec}`)], {
      allowFailure: true,
    }));
  if (result.code !== 0) return undefined;
  const names = new Set(result.stdout.toString("utf8").split("\0"));
  names.delete("");
  const files: string[] = [];
  for (const name of names) {
    if (inSkippedFolder(name)) continue;
    if (!check) files.push(name);
    else if (lstatSync(path.join(root, name), { throwIfNoEntry: false })?.isFile() === true) files.push(name);
  }
  return files;
}

/**
 * List the files under `targets` (files or folders, relative to `root`). In a git work tree these
 * are the files git has: tracked files (a tracked file that matches .gitignore included) and the
 * untracked files that .gitignore, `.git/info/exclude` and `core.excludesFile` do not exclude.
 * Outside git (an unpacked release, a build output) the folders are walked, honouring every
 * .gitignore from `root` down (the `ignore` package implements git's semantics). A file named
 * explicitly is listed even when ignored. Returns sorted repository-relative paths with forward
 * slashes.
 */
export async function walkFiles(root: string, targets: readonly string[] = ["."], options: WalkOptions = {}): Promise<string[]> {
  const excluded = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : undefined;
  const found = new Set<string>();
  const folders: string[] = [];
  const layerCache = new Map<string, Layer | null>();

  // Synchronous file-system calls throughout: a walk is thousands of small calls served from the
  // kernel's caches, where a promise and two thread hops per call cost more than the call itself.
  const layerFor = (dirRelative: string, hasIgnoreFile = true): Layer | null => {
    const cached = layerCache.get(dirRelative);
    if (cached !== undefined) return cached;
    const text = hasIgnoreFile ? readIgnoreFile(path.join(root, dirRelative, ".gitignore")) : undefined;
    const layer = text === undefined ? null : { base: dirRelative, rules: ignore().add(text) };
    layerCache.set(dirRelative, layer);
    return layer;
  };

  const layersAbove = (relative: string): Layer[] => {
    const layers: Layer[] = [];
    const parts = relative === "" ? [] : relative.split("/");
    for (let i = 0; i < parts.length; i += 1) {
      const layer = layerFor(parts.slice(0, i).join("/"));
      if (layer !== null) layers.push(layer);
    }
    return layers;
  };

  const visit = (relative: string, layers: Layer[]): void => {
    const entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    const own = layerFor(relative, entries.some((entry) => entry.name === ".gitignore"));
    const active = own === null ? layers : [...layers, own];
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name)) continue;
        if (ignoredBy(active, child, true)) continue;
        if (excluded?.(child) === true || excluded?.(`${child}/`) === true) continue;
        visit(child, active);
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
    const info = statSync(absolute, { throwIfNoEntry: false });
    if (info === undefined) throw new WardenError("USAGE", `${target}: no such file or directory`);
    const normalised = relative === "." ? "" : relative;
    if (info.isDirectory()) {
      folders.push(normalised);
    } else if (info.isFile()) {
      // An explicitly named file is checked even when ignored, as ESLint does with a warning-free pass.
      if (excluded?.(normalised) !== true) found.add(normalised);
    }
  }
  if (folders.length > 0) {
    const listed = await gitListed(
      root,
      folders.map((folder) => (folder === "" ? "." : folder)),
      options.checkListed !== false,
      options.listing,
    );
    if (listed === undefined) {
      for (const folder of folders) visit(folder, layersAbove(folder));
    } else {
      // `exclude` leaves out a folder's files as the walk does: a file, or any folder above it, that matches.
      const excludedPath = (name: string): boolean => {
        if (excluded === undefined) return false;
        if (excluded(name)) return true;
        for (let cut = name.indexOf("/"); cut >= 0; cut = name.indexOf("/", cut + 1)) {
          const folder = name.slice(0, cut);
          if (excluded(folder) || excluded(`${folder}/`)) return true;
        }
        return false;
      };
      for (const name of listed) if (!excludedPath(name)) found.add(name);
    }
  }
  return [...found].sort();
}
