import { readFileSync, statSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { currentRedactor } from "./redaction.js";

/**
 * Where results are cached in a repository with a `node_modules` folder, repository-relative
 * (ignored with node_modules, as ESLint and Babel do). Elsewhere the cache lives in the git dir
 * ({@link GIT_CACHE_DIR}), so a repository without node_modules never gets a folder to commit.
 */
export const CACHE_DIR = "node_modules/.cache/warden";

/** The cache folder inside the git dir (`.git/warden/cache`), used when there is no node_modules. */
export const GIT_CACHE_DIR = "warden/cache";

/** The git dir of the work tree at `root`: `.git`, or where a `.git` file (worktree, submodule) points. */
function gitDirOf(root: string): string | undefined {
  const dotGit = path.join(root, ".git");
  const info = statSync(dotGit, { throwIfNoEntry: false });
  if (info === undefined) return undefined;
  if (info.isDirectory()) return dotGit;
  try {
    const match = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, "utf8"));
    return match?.[1] === undefined ? undefined : path.resolve(root, match[1]);
  } catch {
    return undefined;
  }
}

/**
 * The folder of the result cache of the repository at `root`: `node_modules/.cache/warden` when
 * the repository has a node_modules folder, else `<git dir>/warden/cache`; undefined (no cache)
 * when neither exists.
 */
export function cacheDirOf(root: string): string | undefined {
  if (statSync(path.join(root, "node_modules"), { throwIfNoEntry: false })?.isDirectory() === true) return path.join(root, CACHE_DIR);
  const gitDir = gitDirOf(root);
  return gitDir === undefined ? undefined : path.join(gitDir, GIT_CACHE_DIR);
}

const MAX_ENTRIES = 100_000;

/**
 * A key-value cache of check results persisted as one JSON file under `node_modules/.cache/warden`.
 * Keys are content hashes computed by the caller (file content + path + rule settings + Warden
 * version), so a stale entry is never looked up, only left behind; `save` keeps the entries used by
 * this run first. A missing or unreadable cache file starts an empty cache: the cache only ever
 * saves time, it never changes results.
 */
export class ResultCache {
  private readonly used = new Map<string, unknown>();
  /** Whether this run stored a key the file does not have yet. */
  private dirty = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly previous: Map<string, unknown>,
  ) {}

  /**
   * Open the cache of the repository at `root` for a given Warden version (each version has its
   * own file), in {@link cacheDirOf}. With no place for it the cache is empty and never saved.
   */
  static async open(root: string, version: string): Promise<ResultCache> {
    const dir = cacheDirOf(root);
    if (dir === undefined) return new ResultCache(undefined, new Map());
    const file = path.join(dir, `results-${version.replace(/[^\w.-]/g, "_")}.json`);
    let previous = new Map<string, unknown>();
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) previous = new Map(Object.entries(parsed));
    } catch {
      previous = new Map(); // no cache yet, or a damaged one: start empty
    }
    return new ResultCache(file, previous);
  }

  /** The cached value of `key`, if any. */
  get(key: string): unknown {
    if (this.used.has(key)) return this.used.get(key);
    const value = this.previous.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  /** Remember `value` under `key`. */
  set(key: string, value: unknown): void {
    if (!this.previous.has(key)) this.dirty = true;
    this.used.set(key, value);
  }

  /** How many entries this run read or wrote. */
  get size(): number {
    return this.used.size;
  }

  /**
   * Persist atomically: this run's entries, then older ones up to a bound. A run that only read
   * cached entries writes nothing (the file already holds them). Failing to write (read-only
   * tree) is not an error.
   */
  async save(): Promise<void> {
    if (!this.dirty || this.file === undefined) return;
    const out: Record<string, unknown> = {};
    let count = 0;
    for (const source of [this.used, this.previous]) {
      for (const [key, value] of source) {
        if (count >= MAX_ENTRIES) break;
        if (key in out) continue;
        out[key] = value;
        count += 1;
      }
    }
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      const text = withoutSecrets(out);
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temporary, text);
      await rename(temporary, this.file);
    } catch {
      // a read-only checkout or a full disk: the next run is simply uncached
    }
  }
}

/**
 * The cache file's text with no secret in it: entries whose value holds one (a finding's message
 * quoting a line, a file named with a token) are left out, so they are recomputed next run
 * instead of being stored in plaintext. The whole text is searched once; entries only when it hits.
 */
function withoutSecrets(entries: Record<string, unknown>): string {
  const text = JSON.stringify(entries);
  const redactor = currentRedactor();
  if (redactor === undefined || redactor.find(text).length === 0) return text;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) {
    const entry = JSON.stringify({ [key]: value });
    if (redactor.find(entry).length === 0) kept[key] = value;
  }
  return JSON.stringify(kept);
}
