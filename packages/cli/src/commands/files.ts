import path from "node:path";
import { didYouMean, FILE_CLASSES, FileClassifier, loadConfig, readHead, repoRoot, walkFiles, WardenError, type FileClass } from "@warden/core";
import type { Io } from "../io.js";

/** Options of `warden files`. */
export interface FilesOptions {
  /** Show only files of this class. */
  readonly class?: string;
  readonly json: boolean;
  readonly config?: string;
  /** Folders or files to list (default: the whole repository). */
  readonly paths: readonly string[];
}

/** One row of `warden files --json`. */
export interface FileRow {
  readonly path: string;
  readonly class: FileClass;
  /** Why: "location", "header", "name", "default" or "config files.classes.<class>". */
  readonly reason: string;
}

function parseClass(text: string): FileClass {
  if ((FILE_CLASSES as readonly string[]).includes(text)) return text as FileClass;
  const suggestion = didYouMean(text, FILE_CLASSES);
  throw new WardenError(
    "USAGE",
    `--class ${text}: unknown class${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}; classes: ${FILE_CLASSES.join(", ")}`,
  );
}

/**
 * `warden files`: every file Warden sees (git-tracked and untracked, not ignored) with its class,
 * the way the rules see it. Only the first bytes of a file are read, to find a generated header.
 */
export async function filesCommand(io: Io, options: FilesOptions): Promise<number> {
  const wanted = options.class === undefined ? undefined : parseClass(options.class);
  const root = await repoRoot(io.cwd);
  const { config } = await loadConfig(root, options.config);
  const targets = options.paths.length === 0 ? ["."] : options.paths.map((p) => path.resolve(io.cwd, p));
  const names = await walkFiles(root, targets, { exclude: config.ignore });
  const classifier = new FileClassifier(config.files);
  const rows: FileRow[] = [];
  for (const name of names) {
    const located = classifier.byLocation(name);
    const found = located ?? classifier.classify(name, readHead(path.join(root, name)));
    if (wanted === undefined || found.class === wanted) rows.push({ path: name, class: found.class, reason: found.reason });
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ files: rows }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(0, ...rows.map((row) => row.class.length));
  for (const row of rows) io.stdout.write(`${row.class.padEnd(width)}  ${row.path}\n`);
  const counts = FILE_CLASSES.map((cls) => [cls, rows.filter((row) => row.class === cls).length] as const).filter(([, n]) => n > 0);
  const total = rows.length;
  io.stderr.write(`${total} ${total === 1 ? "file" : "files"}${counts.length > 0 ? `: ${counts.map(([cls, n]) => `${n} ${cls}`).join(", ")}` : ""}\n`);
  return 0;
}
