import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  changedSince,
  changesBetween,
  colorEnabled,
  commitExists,
  emptyTree,
  parseRawDiff,
  applyBaseline,
  gitText,
  loadConfig,
  readBaseline,
  readEnv,
  ResultCache,
  runGit,
  BlobReader,
  PathProbe,
  readChangedContents,
  repoRoot,
  reporterFor,
  walkFiles,
  WardenError,
  type FileContent,
  type Finding,
  type SizeLimit,
  type SkippedFile,
  type Format,
  type WardenConfig,
  type WardenEnv,
  plural,
} from "@warden/core";
import type { CheckProgress, CommitInfo, Shard } from "@warden/rules";
import type { Io } from "../io.js";
import { citeTeamRules, teamRuleBookFor } from "../team-rules.js";
import { VERSION } from "../version.js";

/** What to check: the index, the work tree since a ref, a commit range, or paths. */
export type CheckTarget =
  | { readonly kind: "staged" }
  | { readonly kind: "since"; readonly ref: string }
  | { readonly kind: "range"; readonly base: string | undefined; readonly head: string }
  | { readonly kind: "paths"; readonly paths: readonly string[] };

/** Options of `warden check`. */
export interface CheckOptions {
  readonly target: CheckTarget;
  readonly format: Format;
  readonly config?: string;
  /** Check one shard of the files (a full check split over CI machines). */
  readonly shard?: Shard;
  /** Reuse and update the result cache (full checks only). Default true. */
  readonly cache?: boolean;
  /** Let the baseline (.warden-baseline) hide known findings. Default true. */
  readonly baseline?: boolean;
  /** Worker threads for the file rules of a large full check; default: one per CPU; 0 keeps it in-process. */
  readonly workers?: number;
  /** Told about the work as it goes (see {@link progressLine}). */
  readonly onProgress?: (progress: CheckProgress) => void;
  /**
   * With a range (CI's `check --range`, not the pre-push hook): when the commits hold errors that
   * Warden's hooks refuse, say that they got past the hooks (see {@link hookBypass}).
   */
  readonly reportBypass?: boolean;
}

/** A progress line on stderr: drawn after {@link PROGRESS_AFTER_MS} of work, redrawn at most every 100 ms, cleared at the end. */
export interface ProgressLine {
  readonly onProgress: ((progress: CheckProgress) => void) | undefined;
  done(): void;
}

/** How long a check works before it shows progress. */
export const PROGRESS_AFTER_MS = 1000;

/**
 * Progress of a check on a terminal: after about a second of work, one line on stderr (files
 * checked, then the repository rule running), cleared when the check ends. Quiet when stderr is not
 * a terminal, in CI, and for machine-readable formats.
 */
export function progressLine(io: Io, format: Format, env: WardenEnv = readEnv(), now: () => number = Date.now): ProgressLine {
  if (io.stderr.isTTY !== true || env.ci || format !== "pretty") return { onProgress: undefined, done: () => undefined };
  const started = now();
  let last = 0;
  let shown = false;
  return {
    onProgress: (progress) => {
      const time = now();
      if (time - started < PROGRESS_AFTER_MS || time - last < 100) return;
      last = time;
      shown = true;
      const text =
        progress.phase === "files"
          ? `warden check: ${progress.done}/${progress.total} files checked…`
          : `warden check: repository rule ${progress.index}/${progress.total} (${progress.rule})…`;
      io.stderr.write(`\r${text}\u001b[K`);
    },
    done: () => {
      if (shown) io.stderr.write("\r\u001b[K");
    },
  };
}

/** The outcome of a check, before it is printed. */
export interface CheckOutcome {
  /** The findings that block: not in the baseline. */
  readonly findings: Finding[];
  /** Findings recorded in the baseline (reported as a count only). */
  readonly baselined: number;
  /** Every finding, baseline or not (what `warden baseline` records). */
  readonly all: Finding[];
  readonly files: number;
  readonly suppressed: number;
  /** Files left out: over `maxFileSize` or, for JS/TS, `maxParseSize` (decided from their size, never read) or unreadable. */
  readonly skipped: SkippedFile[];
  readonly sources: Map<string, string>;
  readonly durationMs: number;
  /** With a range: its commits, oldest first, with the files each changes. */
  readonly commits?: readonly CommitInfo[];
}

/** Commits of a checked range that hold errors Warden's hooks refuse: they were committed or pushed past the hooks. */
export interface HookBypass {
  /** Full ids of the commits, oldest first. */
  readonly commits: readonly string[];
  /** The hooks that would have refused them. */
  readonly hooks: readonly ("commit-msg" | "pre-commit" | "pre-push")[];
  /** The errors behind it. */
  readonly findings: number;
}

/**
 * Whether the commits of a checked range got past the hooks: an error on a commit message is one
 * the commit-msg and pre-push hooks refuse; an error in a file the commits change is one the
 * pre-commit and pre-push hooks refuse. Either means the commits were made or pushed with
 * `--no-verify`, or in a clone without Warden's hooks (or under another config).
 */
export function hookBypass(findings: readonly Finding[], commits: readonly CommitInfo[]): HookBypass | undefined {
  const errors = findings.filter((finding) => finding.severity === "error");
  if (errors.length === 0) return undefined;
  const culprits = new Set<string>();
  const hooks = new Set<HookBypass["hooks"][number]>(["pre-push"]);
  for (const finding of errors) {
    if (finding.file.startsWith("commit:")) {
      const short = finding.file.slice("commit:".length);
      hooks.add("commit-msg");
      for (const commit of commits) if (commit.oid.startsWith(short)) culprits.add(commit.oid);
    } else {
      hooks.add("pre-commit");
      for (const commit of commits) if (commit.files.includes(finding.file)) culprits.add(commit.oid);
    }
  }
  const ordered = commits.map((commit) => commit.oid).filter((oid) => culprits.has(oid));
  const order = ["commit-msg", "pre-commit", "pre-push"] as const;
  return { commits: ordered, hooks: order.filter((hook) => hooks.has(hook)), findings: errors.length };
}

/** The one line a range check prints about a bypass. */
export function describeBypass(bypass: HookBypass): string {
  const shown = bypass.commits.slice(0, 5).map((oid) => oid.slice(0, 10));
  const more = bypass.commits.length > shown.length ? ` and ${bypass.commits.length - shown.length} more` : "";
  const which = shown.length === 0 ? "these commits" : `${plural(bypass.commits.length, "commit")} (${shown.join(", ")}${more})`;
  return `hooks bypassed: ${which} hold ${plural(bypass.findings, "error")} that Warden's ${bypass.hooks.join(" and ")} hooks refuse — committed or pushed with --no-verify, or from a clone without the hooks (run \`warden doctor\` there)`;
}

/**
 * Read the listed work-tree files; those over their limit (by their size, before reading) are
 * returned as skipped. Synchronous calls: thousands of small reads served from the page cache,
 * where a promise and four thread hops per file (open, stat, read, close) cost more than the read itself.
 */
function readWorkTree(root: string, files: readonly string[], limitFor: (file: string) => SizeLimit): { files: FileContent[]; skipped: SkippedFile[] } {
  const out: FileContent[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    const absolute = path.join(root, file);
    try {
      const info = statSync(absolute, { throwIfNoEntry: false });
      if (info === undefined || !info.isFile()) continue; // deleted since it was listed
      const { maxBytes, setting } = limitFor(file);
      if (info.size > maxBytes) {
        skipped.push({ file, reason: "too-large", size: info.size, limit: maxBytes, ...(setting === undefined ? {} : { setting }) });
        continue;
      }
      out.push({ path: file, content: readFileSync(absolute) });
    } catch {
      skipped.push({ file, reason: "unreadable" }); // unreadable, or deleted between the stat and the read
    }
  }
  return { files: out, skipped };
}

function workTreeExists(root: string): (file: string) => Promise<boolean> {
  return (file) => Promise.resolve(existsSync(path.join(root, file)));
}

/**
 * The staged state as HEAD plus the staged changes, from one `git diff --cached`: the index is
 * read once. Paths the changes do not touch are answered from HEAD's tree (`HEAD:path`), whose
 * lookups cost the depth of the path, not the size of the index, so a staged check costs what
 * the staged files cost (each `:path` lookup or `ls-files` would read the whole index again:
 * 5 MB at 50,000 files).
 */
async function stagedState(root: string): Promise<{
  changes: ReturnType<typeof parseRawDiff>;
  exists: (file: string) => Promise<boolean>;
  read: (file: string) => Promise<Buffer | undefined>;
  blobs: BlobReader;
  close: () => void;
}> {
  const diffArgs = ["diff", "--cached", "--raw", "-z", "--no-renames", "--no-ext-diff", "--abbrev=64"];
  // Against HEAD first (one git process); only when that fails, whether there is a HEAD at all.
  let head: string | undefined = "HEAD";
  let diff = await runGit(root, [...diffArgs, "HEAD"], { allowFailure: true });
  if (diff.code !== 0) {
    if (await commitExists(root, "HEAD")) throw new WardenError("GIT", `git diff --cached failed: ${diff.stderr.trim().split("\n")[0] ?? ""}`);
    head = undefined;
    diff = await runGit(root, [...diffArgs, await emptyTree(root)]);
  }
  const raw = diff.stdout.toString("utf8");
  const changes = parseRawDiff(raw);
  const parts = raw.split("\0");
  const removed = new Set<string>(); // deleted, or no longer a file in the index (a submodule)
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const status = (parts[i] ?? "").split(" ")[4]?.charAt(0);
    if (status !== undefined && status !== "A" && status !== "C" && status !== "M" && status !== "T") removed.add(parts[i + 1] ?? "");
  }
  const staged = new Map(changes.map((change) => [change.path, change.oid]));
  // One pair of long-lived cat-file processes answers every lookup and read of the run (each
  // process start costs the fork of this process: much for the warm server or `warden mcp`).
  const blobs = new BlobReader(root);
  const probe = head === undefined ? undefined : new PathProbe(root, head); // names with a newline only
  const inHead = async (name: string): Promise<boolean> =>
    name.includes("\n") ? (probe?.exists(name) ?? false) : head !== undefined && (await blobs.info(`${head}:${name}`)) !== undefined;
  const under = (names: Iterable<string>, folder: string): boolean => {
    for (const name of names) if (name.startsWith(`${folder}/`)) return true;
    return false;
  };
  const exists = async (file: string): Promise<boolean> => {
    const name = file.replace(/\/+$/, "");
    if (staged.has(name)) return true;
    if (removed.has(name)) return false;
    if (under(staged.keys(), name)) return true;
    if (!(await inHead(name))) return false;
    // A folder of HEAD some of whose files are staged for deletion: ask the index itself (rare).
    if (under(removed, name)) return (await runGit(root, ["ls-files", "--cached", "-z", "--", `:(literal)${name}/`])).stdout.length > 0;
    return true;
  };
  const read = async (file: string): Promise<Buffer | undefined> => {
    if (removed.has(file)) return undefined;
    const object = staged.get(file) ?? (head === undefined ? undefined : `${head}:${file}`);
    if (object === undefined) return undefined;
    if (!object.includes("\n")) {
      // A blob only (`git cat-file blob` refused trees, submodules and missing paths alike).
      const info = await blobs.info(object);
      return info?.type === "blob" ? blobs.read(info.oid) : undefined;
    }
    const result = await runGit(root, ["cat-file", "blob", object], { allowFailure: true });
    return result.code === 0 ? result.stdout : undefined;
  };
  return {
    changes,
    exists,
    read,
    blobs,
    close: () => {
      probe?.close();
      blobs.close();
    },
  };
}

/**
 * The size limit of each file: `maxFileSize`, and for JS/TS files — each parsed into a syntax tree
 * of about 20 times its size, the one cost of a check that is not linear in memory at a few
 * hundred MB — the lower of `maxFileSize` and `maxParseSize`. Files over their limit are reported
 * as skipped (never read), so a check's time and memory stay bounded by the limits.
 */
async function sizePolicy(config: WardenConfig): Promise<(file: string) => SizeLimit> {
  const { languageOf } = await import("@warden/rules");
  const files: SizeLimit = { maxBytes: config.maxFileSize, setting: "maxFileSize" };
  const parsed: SizeLimit = config.maxParseSize < config.maxFileSize ? { maxBytes: config.maxParseSize, setting: "maxParseSize" } : files;
  return (file) => {
    const language = languageOf(file);
    return language === "ts" || language === "js" ? parsed : files;
  };
}

/** Gather the files of a target with their contents, and how to test path existence in that state. */
async function gather(
  root: string,
  target: CheckTarget,
  config: WardenConfig,
): Promise<{
  files: FileContent[];
  skipped: SkippedFile[];
  exists: (file: string) => Promise<boolean>;
  read?: (file: string) => Promise<Buffer | undefined>;
  mode: "full" | "changes";
  close?: () => void;
}> {
  // One size policy for every mode, applied from the object or file size before anything is read.
  const limitFor = await sizePolicy(config);
  const limit = { limitFor };
  switch (target.kind) {
    case "staged": {
      const state = await stagedState(root);
      try {
        return { ...(await readChangedContents(root, state.changes, { ...limit, staged: true, reader: state.blobs })), exists: state.exists, read: state.read, mode: "changes", close: state.close };
      } catch (error) {
        state.close(); // no git process outlives a failed read (the warm server runs many checks)
        throw error;
      }
    }
    case "range": {
      const changes = await changesBetween(root, target.base, target.head);
      const probe = new PathProbe(root, target.head);
      return { ...(await readChangedContents(root, changes, limit)), exists: (f) => probe.exists(f), mode: "changes", close: () => probe.close() };
    }
    case "since": {
      const names = await changedSince(root, target.ref);
      return { ...readWorkTree(root, names, limitFor), exists: workTreeExists(root), mode: "changes" };
    }
    case "paths": {
      const whole = target.paths.length === 0 || target.paths.every((p) => path.resolve(root, p) === root);
      const names = await walkFiles(root, target.paths.length === 0 ? ["."] : target.paths, { exclude: config.ignore });
      return { ...readWorkTree(root, names, limitFor), exists: workTreeExists(root), mode: whole ? "full" : "changes" };
    }
  }
}

/**
 * How repository rules read files that are not being checked and list the whole repository, in the
 * state being checked: the index for staged checks, the head commit for ranges, the work tree
 * otherwise. Both are only called by the few rules that need them, when their inputs changed.
 */
function stateAccess(
  root: string,
  target: CheckTarget,
  config: WardenConfig,
): { read?: (file: string) => Promise<Buffer | undefined>; listAll: () => Promise<readonly string[]> } {
  const revision = target.kind === "staged" ? "" : target.kind === "range" ? target.head : undefined;
  if (revision === undefined) return { listAll: () => walkFiles(root, ["."], { exclude: config.ignore }) };
  return {
    read: async (file) => {
      const result = await runGit(root, ["cat-file", "blob", `${revision}:${file}`], { allowFailure: true });
      return result.code === 0 ? result.stdout : undefined;
    },
    listAll: async () => {
      const args = revision === "" ? ["ls-files", "-z", "--cached"] : ["ls-tree", "-r", "-z", "--name-only", revision];
      return (await runGit(root, args)).stdout.toString("utf8").split("\0").filter((name) => name !== "");
    },
  };
}

/** The commits of `base..head` (all of `head` when base is undefined), oldest first, with messages and changed paths. */
async function commitsOf(root: string, base: string | undefined, head: string): Promise<CommitInfo[]> {
  const range = base === undefined ? [head] : [`${base}..${head}`];
  const output = await gitText(root, ["log", "--reverse", "--no-renames", "--format=%x1e%H%x1f%B%x1f", "--name-only", ...range, "--"]);
  return output
    .split("\x1e")
    .filter((record) => record.trim() !== "")
    .map((record) => {
      const [oid = "", message = "", names = ""] = record.split("\x1f");
      return { oid: oid.trim(), message: message.trim(), files: names.split("\n").filter((n) => n.trim() !== "") };
    });
}

/** Run the rules over a target and return the findings (nothing printed). */
export async function runCheck(cwd: string, options: Omit<CheckOptions, "format">, known: { readonly root?: string } = {}): Promise<CheckOutcome> {
  const started = performance.now();
  // `known.root`: the caller already resolved the repository root (warden mcp): one git process less.
  const root = known.root ?? (await repoRoot(cwd));
  const { config, file } = await loadConfig(root, options.config);
  const book = await teamRuleBookFor(root, config);
  const baseline = options.baseline === false ? undefined : await readBaseline(root);
  const { files, skipped, exists, read, mode, close } = await gather(root, options.target, config);
  if (options.shard !== undefined && mode !== "full") throw new WardenError("USAGE", "--shard splits a full check: use it without --staged, --since, --range or paths");
  try {
    const { BUILTIN_RULES, runRules } = await import("@warden/rules");
    const cache = mode === "full" && options.cache !== false ? await ResultCache.open(root, VERSION) : undefined;
    const cacheSalt = cache === undefined ? undefined : await buildSalt();
    const target = options.target;
    const commits = target.kind === "range" ? await commitsOf(root, target.base, target.head) : undefined;
    const result = await runRules({
      root,
      files,
      config,
      configFile: file === undefined ? "warden.config" : path.relative(root, file),
      rules: BUILTIN_RULES,
      mode,
      exists,
      ...(commits === undefined ? {} : { commits }),
      ...stateAccess(root, target, config),
      ...(read === undefined ? {} : { read }),
      ...(cache === undefined || cacheSalt === undefined ? {} : { cache, cacheSalt }),
      ...(options.shard === undefined ? {} : { shard: options.shard }),
      workers: options.workers ?? defaultWorkers(),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    await cache?.save();
    const cited = citeTeamRules(result.findings, book);
    const split = baseline === undefined ? undefined : applyBaseline(cited, baseline);
    return {
      ...result,
      ...(commits === undefined ? {} : { commits }),
      skipped,
      all: cited,
      findings: split?.fresh ?? cited,
      baselined: split?.known.length ?? 0,
      durationMs: performance.now() - started,
    };
  } finally {
    close?.();
  }
}

/** Names of the target, for the summary line. */
function describeTarget(target: CheckTarget): string {
  switch (target.kind) {
    case "staged":
      return "warden check --staged";
    case "since":
      return `warden check --since ${target.ref}`;
    case "range":
      return `warden check ${target.base === undefined ? "" : `${target.base.slice(0, 10)}..`}${target.head.slice(0, 10)}`;
    case "paths":
      return "warden check";
  }
}

/** Worker threads by default: one per CPU but one, from 4 CPUs; below that the in-process run is faster (measured in docs/benchmarks.md). */
function defaultWorkers(): number {
  const cpus = availableParallelism();
  return cpus >= 4 ? cpus - 1 : 0;
}

/**
 * What the cached results depend on besides their inputs: the Warden version and the build that
 * runs (name, size and time of each module file beside this one), so a rebuilt or upgraded Warden
 * never reuses results of other rule code.
 */
function buildSalt(): string {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash("sha1").update(VERSION);
  try {
    for (const name of readdirSync(dir).sort()) {
      if (!/\.[cm]?[jt]s$/.test(name)) continue;
      const info = statSync(path.join(dir, name));
      hash.update(`${name}:${info.size}:${info.mtimeMs}\n`);
    }
  } catch {
    hash.update("unreadable"); // a bundle we cannot list: the version alone keys the cache
  }
  return hash.digest("hex");
}

/** Parse `--shard i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) {
    throw new WardenError("USAGE", `--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/4`);
  }
  return { index, count };
}

/** `warden check`: run, print in the chosen format, and return the exit code (0 clean, 1 errors found). */
export async function checkCommand(io: Io, options: CheckOptions): Promise<number> {
  if (options.target.kind === "paths") {
    for (const p of options.target.paths) {
      if (p.startsWith("-")) throw new WardenError("USAGE", `unknown option "${p}" (to check a file whose name starts with "-", write ./${p})`);
    }
  }
  const reporter = reporterFor(options.format);
  const progress = progressLine(io, options.format);
  let outcome: CheckOutcome;
  try {
    outcome = await runCheck(io.cwd, { ...options, ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }) });
  } finally {
    progress.done();
  }
  const { BUILTIN_RULES } = await import("@warden/rules");
  const bypass = options.reportBypass === true && outcome.commits !== undefined ? hookBypass(outcome.findings, outcome.commits) : undefined;
  io.stdout.write(
    reporter(
      {
        tool: { name: "warden", version: VERSION },
        command: describeTarget(options.target),
        findings: outcome.findings,
        summary: {
          files: outcome.files,
          durationMs: outcome.durationMs,
          suppressed: outcome.suppressed,
          baselined: outcome.baselined,
          ...(outcome.skipped.length > 0 ? { skipped: outcome.skipped } : {}),
          ...(bypass === undefined ? {} : { notes: [describeBypass(bypass)], hooksBypassed: bypass }),
        },
        rules: BUILTIN_RULES.map((rule) => ({ id: rule.id, description: rule.description, enforces: rule.enforces, docs: rule.docs })),
        sources: outcome.sources,
      },
      { color: colorEnabled(io.stdout) },
    ),
  );
  return outcome.findings.some((f) => f.severity === "error") ? 1 : 0;
}
