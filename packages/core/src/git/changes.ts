import { WardenError } from "../errors.js";
import type { SkippedFile } from "../skipped.js";
import { BlobReader, readInBatches } from "./blobs.js";
import { commitExists, gitText, runGit } from "./run.js";

/** A file added, copied or modified by a change, with the object id of its new content. */
export interface ChangedFile {
  readonly path: string;
  readonly status: "A" | "C" | "M" | "T";
  readonly oid: string;
}

/** A file's path and content, read from the index, a commit or the work tree. */
export interface FileContent {
  readonly path: string;
  readonly content: Buffer;
}

const ZERO_OID = /^0+$/;

/** Parse `git diff --raw -z --no-renames` output into the files whose new version exists. */
export function parseRawDiff(output: Buffer | string): ChangedFile[] {
  const parts = (typeof output === "string" ? output : output.toString("utf8")).split("\0");
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = parts[i] ?? "";
    const file = parts[i + 1] ?? "";
    const fields = meta.replace(/^:/, "").split(" ");
    const newMode = fields[1] ?? "";
    const oid = fields[3] ?? "";
    const status = (fields[4] ?? "").charAt(0);
    if (status !== "A" && status !== "C" && status !== "M" && status !== "T") continue;
    if (newMode === "160000" || ZERO_OID.test(oid)) continue; // submodule, or content not in the index
    files.push({ path: file, status, oid });
  }
  return files;
}

/** The object id of the empty tree in this repository's hash format. */
export async function emptyTree(cwd: string): Promise<string> {
  const result = await runGit(cwd, ["hash-object", "-t", "tree", "--stdin"], { input: "" });
  return result.stdout.toString("utf8").trim();
}

/**
 * The files staged for commit (added, copied, modified), with the blob ids of their staged
 * content. Works before the first commit, compares against the empty tree there.
 */
export async function stagedChanges(cwd: string): Promise<ChangedFile[]> {
  const base = (await commitExists(cwd, "HEAD")) ? "HEAD" : await emptyTree(cwd);
  const result = await runGit(cwd, ["diff", "--cached", "--raw", "-z", "--no-renames", "--no-ext-diff", "--abbrev=64", base]);
  return parseRawDiff(result.stdout);
}

/** The files added, copied or modified between `base` (undefined: the empty tree) and `head`. */
export async function changesBetween(cwd: string, base: string | undefined, head: string): Promise<ChangedFile[]> {
  const from = base ?? (await emptyTree(cwd));
  const result = await runGit(cwd, ["diff", "--raw", "-z", "--no-renames", "--no-ext-diff", "--abbrev=64", from, head]);
  return parseRawDiff(result.stdout);
}

/** Repository-relative paths of files changed in the work tree since `ref` (committed or not, untracked included). */
export async function changedSince(cwd: string, ref: string): Promise<string[]> {
  if (!(await commitExists(cwd, ref))) {
    throw new WardenError("USAGE", `--since ${ref}: no such commit or ref`);
  }
  const diff = await runGit(cwd, ["diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMT", ref]);
  const untracked = await runGit(cwd, ["ls-files", "-z", "--others", "--exclude-standard"]);
  const names = new Set<string>();
  for (const output of [diff.stdout, untracked.stdout]) {
    for (const name of output.toString("utf8").split("\0")) if (name !== "") names.add(name);
  }
  return [...names].sort();
}

/** Files read at once: enough to keep git busy, few enough to bound memory. */
const READ_BATCH = 16;

/** A size limit and the config key that sets it (named when a file is skipped). */
export interface SizeLimit {
  readonly maxBytes: number;
  readonly setting?: string;
}

/** What {@link readChangedContents} read and what it left out. */
export interface ChangedContents {
  readonly files: FileContent[];
  /** Files over `maxBytes` (never read), and blobs that were missing. */
  readonly skipped: SkippedFile[];
}

/**
 * Read the content of each changed file through `git cat-file`: sizes first (`--batch-check`),
 * so files over `maxBytes` are reported as skipped without being read, then the rest streamed
 * (`--batch`), in batches so memory stays bounded by the batch. `staged`: the files are the
 * index's, so a large one whose work-tree copy is the same blob is read from the work tree.
 * `reader`: a reader of the caller's to use (and leave open), instead of a new one.
 */
export async function readChangedContents(
  cwd: string,
  files: readonly ChangedFile[],
  options: {
    readonly maxBytes?: number;
    readonly setting?: string;
    /** A per-file limit instead of `maxBytes` / `setting` (e.g. a lower one for files that get parsed). */
    readonly limitFor?: (file: string) => SizeLimit;
    readonly staged?: boolean;
    readonly reader?: BlobReader;
  } = {},
): Promise<ChangedContents> {
  const out: FileContent[] = [];
  const skipped: SkippedFile[] = [];
  if (files.length === 0) return { files: out, skipped };
  const reader = options.reader ?? new BlobReader(cwd);
  const fixed: SizeLimit = { maxBytes: options.maxBytes ?? Number.POSITIVE_INFINITY, ...(options.setting === undefined ? {} : { setting: options.setting }) };
  const limitFor = options.limitFor ?? (() => fixed);
  try {
    const infos = await Promise.all(files.map((file) => reader.info(file.oid)));
    const wanted: ChangedFile[] = [];
    files.forEach((file, index) => {
      const info = infos[index];
      const { maxBytes, setting } = limitFor(file.path);
      if (info === undefined) skipped.push({ file: file.path, reason: "unreadable" });
      else if (info.size > maxBytes) {
        skipped.push({ file: file.path, reason: "too-large", size: info.size, limit: maxBytes, ...(setting === undefined ? {} : { setting }) });
      } else wanted.push(file);
    });
    await readInBatches(reader, wanted, READ_BATCH, (file, content) => {
      if (content === undefined) skipped.push({ file: file.path, reason: "unreadable" });
      else out.push({ path: file.path, content });
    }, options.staged === true ? { stagedIn: cwd } : {});
    return { files: out, skipped };
  } finally {
    if (options.reader === undefined) reader.close(); // a reader passed in is the caller's to close
  }
}

/** One line of a pre-push hook's standard input. */
export interface PushedRef {
  readonly localRef: string;
  readonly localOid: string;
  readonly remoteRef: string;
  readonly remoteOid: string;
}

/** Parse the lines git gives a pre-push hook on standard input. */
export function parsePrePushInput(text: string): PushedRef[] {
  const refs: PushedRef[] = [];
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    const [localRef, localOid, remoteRef, remoteOid, ...rest] = trimmed.split(/\s+/);
    if (localRef === undefined || localOid === undefined || remoteRef === undefined || remoteOid === undefined || rest.length > 0) {
      throw new WardenError("INPUT", `pre-push: cannot parse the line "${trimmed}" (expected: <local ref> <local oid> <remote ref> <remote oid>)`);
    }
    refs.push({ localRef, localOid, remoteRef, remoteOid });
  }
  return refs;
}

/** The commits a push sends for one ref: `base` is the last commit the remote has (undefined: none). */
export interface PushRange {
  readonly ref: string;
  readonly base: string | undefined;
  readonly head: string;
  readonly commits: readonly string[];
}

/**
 * Work out exactly which commits each pushed ref sends. A deleted ref sends nothing; a new
 * branch sends the commits no remote-tracking ref has; an update sends `remote..local`.
 */
export async function pushRanges(cwd: string, refs: readonly PushedRef[], remote?: string): Promise<PushRange[]> {
  const ranges: PushRange[] = [];
  for (const ref of refs) {
    if (ZERO_OID.test(ref.localOid)) continue;
    let base: string | undefined;
    let revs: string[];
    if (!ZERO_OID.test(ref.remoteOid) && (await commitExists(cwd, ref.remoteOid))) {
      base = ref.remoteOid;
      revs = [ref.localOid, `^${ref.remoteOid}`];
    } else {
      const exclude = remote === undefined ? "--remotes" : `--remotes=${remote}`;
      revs = [ref.localOid, "--not", exclude];
    }
    const listed = await gitText(cwd, ["rev-list", "--reverse", "--topo-order", ...revs]);
    const commits = listed.split("\n").filter((line) => line !== "");
    if (commits.length === 0) continue;
    if (base === undefined) {
      const first = commits[0] as string;
      const parent = await runGit(cwd, ["rev-parse", "--verify", "--quiet", `${first}^`], { allowFailure: true });
      base = parent.code === 0 ? parent.stdout.toString("utf8").trim() : undefined;
    }
    ranges.push({ ref: ref.localRef, base, head: ref.localOid, commits });
  }
  return ranges;
}
