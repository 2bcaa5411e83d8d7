import { readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where results are cached, repository-relative (gitignored with node_modules, as ESLint and Babel do). */
export const CACHE_DIR = "node_modules/.cache/warden";

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
    private readonly file: string,
    private readonly previous: Map<string, unknown>,
  ) {}

  /** Open the cache of the repository at `root` for a given Warden version (each version has its own file). */
  static async open(root: string, version: string): Promise<ResultCache> {
    const file = path.join(root, CACHE_DIR, `results-${version.replace(/[^\w.-]/g, "_")}.json`);
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
    if (!this.dirty) return;
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
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temporary, JSON.stringify(out));
      await rename(temporary, this.file);
    } catch {
      // a read-only checkout or a full disk: the next run is simply uncached
    }
  }
}
