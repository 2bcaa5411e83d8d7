import { existsSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import {
  BlobReader,
  readInBatches,
  colorEnabled,
  commitExists,
  compareFindings,
  loadConfig,
  plural,
  progressEnabled,
  parseConfig,
  CONFIG_FILES,
  gitText,
  openListedFile,
  readListedFile,
  redactText,
  repoRoot,
  runGit,
  WardenConfigSchema,
  reporterFor,
  stagedChanges,
  walkFiles,
  WardenError,
  gitLocation,
  shallowCommits,
  UNSHALLOW_HINT,
  type ChangedFile,
  type Finding,
  type GitResult,
  type Format,
  type WardenConfig,
} from "@warden/core";
import type { ScanPool, ScanStats, SecretScanner, SecretsSettings, SharedPathScan, VerifyCandidate } from "@warden/secrets";
import type { Io } from "../io.js";
import { scanThreadsOverride, scanWaitForWorkers } from "./env/scan.js";
import { citeTeamRules, teamRuleBookFor } from "../team-rules.js";
import { VERSION } from "../version.js";

/** What to scan: the index, a commit range, history, explicit commits (pre-push), or paths. */
export type ScanSpec =
  | { readonly kind: "staged" }
  | { readonly kind: "range"; readonly range: string }
  | { readonly kind: "history"; readonly refs: readonly string[] }
  | { readonly kind: "commits"; readonly base: string | undefined; readonly head: string }
  | { readonly kind: "paths"; readonly paths: readonly string[] };

/** Options of `warden scan`. */
export interface ScanOptions {
  readonly target: ScanSpec;
  readonly format: Format;
  readonly config?: string;
  /** Write the current findings to the baseline file instead of reporting them. */
  readonly updateBaseline?: boolean;
  /** Worker threads: 0 scans in the main thread; undefined decides by the size of the scan. */
  readonly workers?: number;
  /** Ask each vendor whether its found credentials are live (`--verify`; never in hooks). */
  readonly verify?: boolean;
  /** Git commands started before the scan's modules were loaded (see bin/scan-start.js). */
  readonly prestarted?: PrestartedGit;
}

/**
 * Git commands `warden scan`'s own start runs in `cwd` while the scan's modules load, on another
 * core: `git rev-parse --show-toplevel`, and, when `cwd` holds a `.git` and the command line is a
 * scan of the whole work tree, `git ls-files -co --exclude-standard -z -- ':(literal).'`. Each
 * resolves to git's result, or to undefined when git could not be started (then it runs as usual).
 */
export interface PrestartedGit {
  readonly cwd: string;
  readonly top: Promise<GitResult | undefined>;
  readonly listing?: Promise<GitResult | undefined>;
}

/** The outcome of a scan, before it is printed. */
export interface ScanOutcome {
  readonly findings: Finding[];
  readonly stats: ScanStats;
  readonly durationMs: number;
  readonly baselineFile: string;
  /** Notes on what the scan covered (a shallow clone's depth, a bare repository's config). */
  readonly notes: string[];
}

/** Object ids of the empty blob (SHA-1 and SHA-256 repositories). */
const EMPTY_BLOBS = new Set([
  "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
  "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813",
]);

/** Staged files read at once: enough to overlap I/O, few enough to bound memory. */
const READ_BATCH = 16;
/** Files up to this size are read into one reused buffer by a paths scan in this thread. */
const SCRATCH_BYTES = 256 * 1024;
/** Bytes of larger files being read ahead (asynchronously) by a paths scan in this thread. */
const PENDING_BYTES = 16 * 1024 * 1024;
/** A paths scan of this many files or more is split between threads (when there is more than one core). */
const WORKER_THRESHOLD_FILES = 2000;
/** A paths scan of more bytes than this is split between threads (when there is more than one core). */
const WORKER_THRESHOLD_BYTES = 16 * 1024 * 1024;

/** How many worker threads a history scan gets (0: scan in this thread). */
function threadCount(requested: number | undefined, large: boolean): number {
  if (requested !== undefined) return requested;
  if (!large) return 0;
  // Measured (docs/benchmarks.md): on two cores, history workers compete with the main thread
  // (which parses git's output) and git itself; from four cores on they pay off.
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(4, cores - 1) : 0;
}

/**
 * How a paths scan uses threads. `--workers N`: N scanning workers beside the main thread (0: the
 * main thread alone). By default: the main thread alone on one core, on a machine whose 1-minute
 * load average is at or above its cores, and for fewer than 2,000 files on two or three cores;
 * a reading thread for 2,000+ files on two or three cores; from four cores, a scan of 2,000+ files
 * or more than 16 MiB is split between the main thread and one worker per further core (up to 4).
 */
function pathsPlan(requested: number | undefined, names: readonly string[], large: () => boolean): PathsPlan {
  if (requested === 0) return { kind: "here" };
  // For tests and `pnpm bench secrets`: the read-ahead thread whatever the machine.
  if (requested === undefined && scanThreadsOverride() === "read-ahead") return { kind: "read-ahead" };
  if (requested !== undefined) return { kind: "split", workers: requested };
  const cores = availableParallelism();
  // A machine already busy on every core gives a scan the same share of CPU time however many
  // threads it runs: a second thread only adds its own start-up and hand-offs there.
  if (cores < 2 || (loadavg()[0] ?? 0) >= cores) return { kind: "here" };
  if (cores < 4) {
    // Many small files on two or three cores: the system calls move to a reading thread that loads
    // nothing. A scanning worker would first load the detectors and build its own automaton, and on
    // a busy two-core machine it made scans slower, not faster (measured in docs/benchmarks.md).
    return names.length >= WORKER_THRESHOLD_FILES ? { kind: "read-ahead" } : { kind: "here" };
  }
  return large() ? { kind: "split", workers: Math.min(4, cores - 1) } : { kind: "here" };
}

/** How a paths scan uses threads: this one alone, with a thread reading ahead, or split between scanning threads. */
type PathsPlan = { readonly kind: "here" } | { readonly kind: "read-ahead" } | { readonly kind: "split"; readonly workers: number };

async function openPool(settings: SecretsSettings, baseline: readonly string[], threads: number): Promise<ScanPool | undefined> {
  if (threads === 0) return undefined;
  const { ScanPool: Pool, workersAvailable } = await import("@warden/secrets");
  return workersAvailable() ? new Pool({ settings, baseline, threads }) : undefined;
}

async function openSharedScan(
  settings: SecretsSettings,
  baseline: readonly string[],
  names: readonly string[],
  prefix: string,
  threads: number,
): Promise<SharedPathScan | undefined> {
  const { SharedPathScan: Shared, workersAvailable } = await import("@warden/secrets");
  return workersAvailable() ? new Shared({ settings, baseline, names, prefix, threads }) : undefined;
}

async function scanStaged(root: string, scanner: SecretScanner): Promise<Finding[]> {
  const changes = await stagedChanges(root);
  const findings: Finding[] = [];
  const reader = new BlobReader(root);
  let bytesRead = 0;
  let toRead = 0;
  try {
    // Sizes first (from the objects, nothing read): the size policy applies before any content is.
    const infos = await Promise.all(changes.map((change) => reader.info(change.oid)));
    const wanted: ChangedFile[] = [];
    changes.forEach((change, index) => {
      const info = infos[index];
      if (info === undefined) {
        throw new WardenError("GIT", `${change.path}: cannot read the staged content (blob ${change.oid.slice(0, 10)} is missing)`);
      }
      if (scanner.isAllowedPath(change.path)) findings.push(...scanner.scan({ path: change.path, content: undefined }));
      else if (info.size > scanner.maxFileSize) findings.push(...scanner.scan({ path: change.path, content: undefined, size: info.size }));
      else {
        wanted.push(change);
        if (info.size > 0) toRead += 1;
      }
    });
    await readInBatches(reader, wanted, READ_BATCH, (change, content) => {
      if (content === undefined) {
        throw new WardenError("GIT", `${change.path}: cannot read the staged content (blob ${change.oid.slice(0, 10)} is missing)`);
      }
      bytesRead += content.length;
      findings.push(...scanner.scan({ path: change.path, content }));
    }, { stagedIn: root });
  } finally {
    reader.close();
  }
  // Files skipped by policy are reported as skipped; content that should have been read and was not is an error.
  if (toRead > 0 && (bytesRead === 0 || scanner.stats.bytes === 0)) {
    throw new WardenError(
      "GIT",
      `staged scan read 0 bytes from ${toRead} staged file(s) with content (first: ${firstToRead(changes, scanner)}); refusing to report a clean scan`,
    );
  }
  return findings;
}

/** The first staged file that had content to read (for the 0-bytes error). */
function firstToRead(changes: readonly ChangedFile[], scanner: SecretScanner): string {
  return changes.find((change) => !EMPTY_BLOBS.has(change.oid) && !scanner.isAllowedPath(change.path))?.path ?? "?";
}

/**
 * A paths scan: the files git lists (see walkFiles), each opened once and read into a reused
 * buffer (see openListedFile) — where listing, then stat, then read cost two system calls more
 * per file; on trees of many small files those calls, not the automaton, were most of the scan
 * (docs/benchmarks.md). A large scan is split between this thread and worker threads, which
 * claim files from one shared counter (see SharedPathScan).
 */
async function scanPaths(
  root: string,
  scanner: SecretScanner,
  paths: readonly string[],
  ignore: readonly string[],
  plan: (names: readonly string[]) => PathsPlan,
  shared: (names: readonly string[], prefix: string, threads: number) => Promise<SharedPathScan | undefined>,
  listing?: Promise<GitResult | undefined>,
): Promise<Finding[]> {
  const names = await walkFiles(root, paths.length === 0 ? ["."] : paths, { exclude: ignore, checkListed: false, ...(listing === undefined ? {} : { listing }) });
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  const chosen = plan(names);
  if (chosen.kind === "read-ahead" && workersUsable()) return scanPathsReadAhead(names, prefix, scanner);
  const split = chosen.kind === "split" ? await shared(names, prefix, chosen.workers) : undefined;
  if (split === undefined) {
    let all: [number, number] | undefined = [0, names.length];
    return scanPathsHere(names, prefix, scanner, () => {
      const range = all;
      all = undefined;
      return range;
    });
  }
  try {
    // For tests: let every worker take its first files before this thread starts.
    if (scanWaitForWorkers()) await split.started();
    const findings = await scanPathsHere(names, prefix, scanner, () => split.claim());
    const theirs = await split.finish();
    for (const finding of theirs.findings) findings.push(finding);
    const { addStats } = await import("@warden/secrets");
    addStats(scanner.stats, theirs.stats);
    // In listing order, as one thread reports them.
    scanner.stats.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return findings;
  } finally {
    await split.terminate();
  }
}

/** Worker threads cannot run from TypeScript sources (the CLI's own tests import them). */
function workersUsable(): boolean {
  return !import.meta.url.endsWith(".ts");
}

/**
 * Files larger than the scratch buffer, read by libuv's threads while the next files are scanned,
 * a bounded number of bytes at a time; their findings go to `findings`.
 */
function largeFileQueue(scanner: SecretScanner, findings: Finding[]) {
  const pending: { name: string; size: number; content: Promise<Buffer | undefined> }[] = [];
  let pendingBytes = 0;
  /** Scan queued files until at most `until` bytes are queued (-1: all of them). */
  const drain = async (until: number): Promise<void> => {
    while (pending.length > 0 && pendingBytes > until) {
      const next = pending.shift() as (typeof pending)[number];
      pendingBytes -= next.size;
      const content = await next.content;
      if (content !== undefined) for (const finding of scanner.scan({ path: next.name, content, size: next.size })) findings.push(finding);
    }
  };
  return {
    /** Queue a file for reading, then scan the oldest ones while more than the bound is queued. */
    add: async (name: string, size: number, file: string): Promise<void> => {
      pending.push({ name, size, content: readListedFile(file, size) });
      pendingBytes += size;
      await drain(PENDING_BYTES);
    },
    drain,
  };
}

/**
 * Scan in this thread while a second thread reads the files ahead, in order, into shared memory
 * (see ReadAhead): the open, read and close of each file overlap the scan of the ones before it.
 */
async function scanPathsReadAhead(names: readonly string[], prefix: string, scanner: SecretScanner): Promise<Finding[]> {
  const { ReadAhead, ReadKind } = await import("@warden/secrets");
  const separator = path.sep;
  const wanted: string[] = [];
  for (const name of names) {
    // Allowed: the scanner notes the skip; the file is never opened.
    if (scanner.isAllowedPath(name)) scanner.scan({ path: name, content: undefined });
    else wanted.push(name);
  }
  const fileOf = (name: string): string => prefix + (separator === "/" ? name : name.split("/").join(separator));
  const reader = new ReadAhead(wanted.map(fileOf));
  const findings: Finding[] = [];
  const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  const large = largeFileQueue(scanner, findings);
  try {
    for (;;) {
      const index = reader.take();
      if (index === ReadAhead.DONE) break;
      if (index === ReadAhead.WAIT) {
        await reader.ready();
        continue;
      }
      const name = wanted[index] as string;
      if (reader.kind === ReadKind.File) {
        for (const finding of scanner.scan({ path: name, content: reader.content, size: reader.size })) findings.push(finding);
      } else if (reader.kind === ReadKind.Large) {
        if (reader.size > scanner.maxFileSize) {
          for (const finding of scanner.scan({ path: name, content: undefined, size: reader.size })) findings.push(finding);
        } else {
          // Read by libuv's threads while the next files are scanned, a bounded number of bytes at a time.
          await large.add(name, reader.size, fileOf(name));
        }
      } else if (reader.kind === ReadKind.Unread) {
        // The reading thread failed: this thread reads the rest itself.
        const listed = openListedFile(fileOf(name), scratch, scanner.maxFileSize);
        if (listed.kind === "file") for (const finding of scanner.scan({ path: name, content: listed.content, size: listed.size })) findings.push(finding);
      }
      // ReadKind.None: gone since listed, a submodule, or a symbolic link.
    }
    await large.drain(-1);
  } finally {
    await reader.close();
  }
  return findings;
}

/** Whether a paths scan of these files is large enough to be worth a worker thread's start-up. */
function largeScan(root: string, names: readonly string[], maxFileSize: number): boolean {
  if (names.length >= WORKER_THRESHOLD_FILES) return true;
  // Few files: their sizes decide (a few thousand stats from the inode cache cost milliseconds).
  let total = 0;
  for (const name of names) {
    const size = statSync(path.join(root, name), { throwIfNoEntry: false })?.size ?? 0;
    if (size <= maxFileSize) total += size;
    if (total > WORKER_THRESHOLD_BYTES) return true;
  }
  return false;
}

/**
 * Scan the files `claim` hands this thread (ranges of indexes into `names`, until undefined).
 * Files up to the buffer's size are read synchronously into one reused buffer; a larger one is
 * read ahead asynchronously (libuv's threads) while the next files are scanned.
 */
async function scanPathsHere(
  names: readonly string[],
  prefix: string,
  scanner: SecretScanner,
  claim: () => [number, number] | undefined,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  // One buffer for every file that fits (the scanner keeps nothing of a file's bytes once it
  // returns), so reading allocates nothing per file.
  const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  const large = largeFileQueue(scanner, findings);
  const separator = path.sep;
  for (let range = claim(); range !== undefined; range = claim()) {
    for (let i = range[0]; i < range[1]; i += 1) {
      const name = names[i] as string;
      if (scanner.isAllowedPath(name)) {
        // Allowed: the scanner notes the skip; the file is never opened.
        scanner.scan({ path: name, content: undefined });
        continue;
      }
      const file = prefix + (separator === "/" ? name : name.split("/").join(separator));
      const listed = openListedFile(file, scratch, scanner.maxFileSize, { readLarge: false });
      if (listed.kind === "none") continue; // gone since listed, a submodule, or a symbolic link
      if (listed.unread === true) {
        await large.add(name, listed.size, file);
        continue;
      }
      const found = scanner.scan({ path: name, content: listed.content, size: listed.size });
      for (const finding of found) findings.push(finding);
    }
  }
  await large.drain(-1);
  return findings;
}

/** The vault's committed store (packages/vault; @warden/secrets blanks its ciphertext when scanning it). */
const VAULT_FILE_NAME = ".warden-vault";
/** Git-ignored files named like .env files (`.env`, `.env.local`, `prod.env`), not descending into ignored folders. */
const ENV_PATHSPECS = [":(glob)**/.env", ":(glob)**/.env.*", ":(glob)**/*.env"];

/**
 * A repository that keeps its secrets in the vault (a committed .warden-vault) should hold no
 * plaintext .env file, ignored by git or not (ignored ones are still read by every tool and agent
 * in the work tree). The tracked ones are the scan's own findings; this reports the git-ignored
 * ones that hold secrets (the env-file detector's judgement: a template of placeholders is not
 * reported), as warnings whose hint is `warden secrets import`.
 */
async function envFilesOutsideVault(root: string, scanner: SecretScanner): Promise<Finding[]> {
  const listed = await runGit(root, ["ls-files", "-o", "-i", "--exclude-standard", "--directory", "--no-empty-directory", "-z", "--", ...ENV_PATHSPECS], {
    allowFailure: true,
  });
  if (listed.code !== 0) return [];
  const findings: Finding[] = [];
  const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  for (const name of listed.stdout.toString("utf8").split("\0")) {
    if (name === "" || name.endsWith("/")) continue;
    const file = openListedFile(path.join(root, name), scratch, scanner.maxFileSize);
    if (file.kind === "none" || file.content === undefined) continue;
    for (const finding of scanner.scanPath(name, undefined, file.content)) {
      if (finding.ruleId !== "secrets/env-file") continue;
      findings.push({
        ...finding,
        severity: "warn",
        message: `Plaintext .env file beside the vault (ignored by git, still readable by every tool in the work tree): ${name.slice(name.lastIndexOf("/") + 1)}.`,
      });
    }
  }
  return findings;
}

async function checkRange(root: string, range: string, shallow: readonly string[]): Promise<string[]> {
  const match = /^([^.\s][^\s]*?)\.\.(\.?)([^.\s][^\s]*)?$/.exec(range);
  if (match === null || match[2] === ".") {
    throw new WardenError("USAGE", `--range ${range}: expected A..B (the commits reachable from B and not from A)`);
  }
  const from = match[1] as string;
  const to = match[3] ?? "HEAD";
  for (const ref of [from, to]) {
    if (ref.startsWith("-") || !(await commitExists(root, ref))) {
      if (shallow.length > 0) {
        throw new WardenError("GIT", `--range ${range}: ${ref} is not in this shallow clone (its history stops at ${shortList(shallow)}); ${UNSHALLOW_HINT}`);
      }
      throw new WardenError("USAGE", `--range ${range}: ${ref} is not a commit`);
    }
  }
  if (shallow.length > 0) {
    // A boundary commit inside the range: its parents were never fetched, so part of the range is missing.
    const inRange = new Set((await gitText(root, ["rev-list", `${from}..${to}`, "--"])).split("\n"));
    const cut = shallow.filter((oid) => inRange.has(oid));
    if (cut.length > 0) {
      throw new WardenError("GIT", `--range ${range} reaches past the shallow clone's boundary at ${shortList(cut)}; ${UNSHALLOW_HINT}`);
    }
  }
  return [`${from}..${to}`];
}

function shortList(oids: readonly string[]): string {
  const shown = oids.slice(0, 3).map((oid) => oid.slice(0, 10)).join(", ");
  return oids.length > 3 ? `${shown} and ${oids.length - 3} more` : shown;
}

/**
 * The config of a bare repository (no work tree): `--config` when given, else the
 * `warden.config.json` committed at HEAD; a code config (.ts/.js) cannot be loaded from git, so
 * defaults apply with a note.
 */
async function bareConfig(root: string, explicit: string | undefined, notes: string[]): Promise<WardenConfig> {
  if (explicit !== undefined) return (await loadConfig(root, explicit)).config;
  const found = await runGit(root, ["ls-tree", "--name-only", "HEAD", "--", ...CONFIG_FILES], { allowFailure: true });
  const names = found.code === 0 ? found.stdout.toString("utf8").split("\n").filter((n) => n !== "") : [];
  if (names.includes("warden.config.json")) {
    const text = (await runGit(root, ["cat-file", "blob", "HEAD:warden.config.json"])).stdout.toString("utf8");
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new WardenError("CONFIG_LOAD", "HEAD:warden.config.json: not valid JSON");
    }
    return parseConfig(raw, "HEAD:warden.config.json");
  }
  if (names.length > 0) notes.push(`bare repository: ${names[0] ?? ""} at HEAD is code and is not loaded here; defaults apply (pass --config FILE)`);
  return WardenConfigSchema.parse({});
}

function progressReporter(io: Io): ((commits: number, bytes: number) => void) | undefined {
  if (!progressEnabled(io.stderr)) return undefined;
  let last = 0;
  return (commits, bytes) => {
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    io.stderr.write(`\rwarden scan: ${commits} commit${commits === 1 ? "" : "s"}, ${(bytes / 1048576).toFixed(1)} MB scanned…`);
  };
}

/** Run the secret scan over a target and return the findings (nothing printed except progress). */
export async function runScan(io: Io, options: Omit<ScanOptions, "format">): Promise<ScanOutcome> {
  const started = performance.now();
  const target = options.target;
  const notes: string[] = [];
  // Scanning files needs no repository: outside a git work tree (an unpacked release, a build
  // output) `warden scan [PATH…]` scans the current folder's files; the git targets need git,
  // and the commit targets (--range, --history) also run in a bare repository.
  const early = options.prestarted?.cwd === io.cwd ? options.prestarted : undefined;
  // gitLocation's first step, when it was started early: a work tree's top.
  const top = await early?.top;
  const location =
    top?.code === 0
      ? { root: top.stdout.toString("utf8").trim(), bare: false }
      : target.kind === "paths"
        ? await gitLocation(io.cwd).catch(() => ({ root: io.cwd, bare: false }))
        : await gitLocation(io.cwd);
  const { root, bare } = location;
  if (bare && (target.kind === "staged" || target.kind === "paths" || options.updateBaseline === true)) {
    throw new WardenError("USAGE", `${describe(target)} needs a work tree; in a bare repository use --history or --range A..B`);
  }
  const config = bare ? await bareConfig(root, options.config, notes) : (await loadConfig(root, options.config)).config;
  const { annotateFindings, readBaseline, scanCommits, SecretScanner: Scanner, verifyCandidates } = await import("@warden/secrets");
  const settings = config.secrets;
  if (redactText(settings.baseline) !== settings.baseline) {
    // Never create (or name) a file called after a pasted token.
    throw new WardenError("CONFIG_INVALID", `secrets.baseline: the path holds what looks like a secret (${redactText(settings.baseline)}); set it to a file name such as .secrets-baseline.json`);
  }
  const baselineFile = path.resolve(root, settings.baseline);
  if (statSync(baselineFile, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw new WardenError("CONFIG_INVALID", `secrets.baseline: ${settings.baseline} is a directory; set it to a file path such as .secrets-baseline.json`);
  }
  const baseline = options.updateBaseline === true ? [] : bare ? await bareBaseline(root, settings.baseline) : await readBaseline(baselineFile, settings.baseline);
  const fingerprints = baseline.map((entry) => entry.fingerprint);
  // --verify holds found credentials in memory (main thread only) until their vendor is asked.
  const held: VerifyCandidate[] = [];
  const verify = options.verify === true && options.updateBaseline !== true;
  const scanner = new Scanner({
    settings,
    baseline: fingerprints,
    ...(verify ? { onSecret: (detectorId: string, secret: string, fingerprint: string) => held.push({ detectorId, secret, fingerprint }) } : {}),
  });
  const workers = verify ? 0 : options.workers;
  let findings: Finding[];
  switch (target.kind) {
    case "staged":
      findings = await scanStaged(root, scanner);
      break;
    case "paths":
      findings = await scanPaths(
        root,
        scanner,
        target.paths,
        config.ignore,
        (names) => pathsPlan(workers, names, () => largeScan(root, names, scanner.maxFileSize)),
        (names, prefix, threads) => openSharedScan(settings, fingerprints, names, prefix, threads),
        // Listed early from `cwd`: the same listing when `cwd` is the work tree's top.
        target.paths.length === 0 && early?.listing !== undefined && early.cwd === root ? early.listing : undefined,
      );
      if (target.paths.length === 0 && existsSync(path.join(root, VAULT_FILE_NAME))) {
        const outside = await envFilesOutsideVault(root, scanner);
        if (outside.length > 0) notes.push(`${plural(outside.length, "git-ignored .env file")} beside the vault hold secrets the vault should hold`);
        findings.push(...outside);
      }
      break;
    case "range":
    case "history":
    case "commits": {
      const shallow = await shallowCommits(root);
      let revisions: string[];
      if (target.kind === "range") revisions = await checkRange(root, target.range, shallow);
      else if (target.kind === "commits") revisions = target.base === undefined ? [target.head] : [`${target.base}..${target.head}`];
      else {
        for (const ref of target.refs) {
          if (ref.startsWith("-") || !(await commitExists(root, ref))) throw new WardenError("USAGE", `--history ${ref}: not a commit or ref`);
        }
        revisions = target.refs.length === 0 ? ["--all"] : [...target.refs];
      }
      const onProgress = progressReporter(io);
      // History scans are large by nature; range and pre-push scans are small.
      const pool = await openPool(settings, fingerprints, threadCount(workers, target.kind === "history"));
      try {
        findings = await scanCommits(root, scanner, {
          revisions,
          ...(onProgress === undefined ? {} : { onProgress }),
          ...(pool === undefined ? {} : { pool }),
        });
      } finally {
        await pool?.terminate();
      }
      if (onProgress !== undefined) io.stderr.write("\r\u001b[K");
      if (shallow.length > 0 && target.kind === "history") {
        const n = scanner.stats.commits;
        notes.push(
          `shallow clone: scanned ${n} commit${n === 1 ? "" : "s"}, as deep as this clone goes (shallow boundary at ${shortList(shallow)}); older history was not scanned: ${UNSHALLOW_HINT}`,
        );
      }
      break;
    }
  }
  if (verify && held.length > 0) {
    const results = await verifyCandidates(held, { cacheFile: path.join(root, "node_modules/.cache/warden/verify.json") });
    held.length = 0;
    findings = annotateFindings(findings, results);
  }
  if (!bare) findings = citeTeamRules(findings, await teamRuleBookFor(root, config));
  findings.sort(compareFindings);
  return { findings, stats: scanner.stats, durationMs: performance.now() - started, baselineFile, notes };
}

/** The secrets baseline of a bare repository: the file committed at HEAD, if any. */
async function bareBaseline(root: string, file: string): Promise<{ fingerprint: string }[]> {
  const result = await runGit(root, ["cat-file", "blob", `HEAD:${file}`], { allowFailure: true });
  if (result.code !== 0) return [];
  const { parseBaselineText } = await import("@warden/secrets");
  return parseBaselineText(result.stdout.toString("utf8"), `HEAD:${file}`);
}

function describe(spec: ScanSpec): string {
  switch (spec.kind) {
    case "staged":
      return "warden scan --staged";
    case "range":
      return `warden scan --range ${spec.range}`;
    case "history":
      return `warden scan --history${spec.refs.length > 0 ? ` ${spec.refs.join(" ")}` : ""}`;
    case "commits":
      return `warden scan ${spec.base === undefined ? "" : `${spec.base.slice(0, 10)}..`}${spec.head.slice(0, 10)}`;
    case "paths":
      return `warden scan${spec.paths.length > 0 ? ` ${spec.paths.join(" ")}` : ""}`;
  }
}

/** One line saying what the scan covered, for logs and non-pretty formats. */
export function coverageLine(spec: ScanSpec, stats: ScanStats): string {
  const parts = [`${stats.files} file${stats.files === 1 ? "" : "s"}`];
  if (spec.kind === "range" || spec.kind === "history" || spec.kind === "commits") {
    parts.push(`${stats.commits} commit${stats.commits === 1 ? "" : "s"}`);
    if (stats.messages > 0) parts.push(`${stats.messages} commit message${stats.messages === 1 ? "" : "s"}`);
  }
  parts.push(`${stats.bytes} byte${stats.bytes === 1 ? "" : "s"}`);
  const read: string[] = [];
  if (stats.binary > 0) read.push(`${stats.binary} binary as raw bytes`);
  if (stats.utf16 > 0) read.push(`${stats.utf16} UTF-16 decoded`);
  const skipped: string[] = [];
  if (stats.skipped.length > 0) skipped.push(`${stats.skipped.length} over secrets.maxFileSize`);
  if (stats.allowedPaths > 0) skipped.push(`${stats.allowedPaths} by allowPaths`);
  const extra = [...(read.length > 0 ? [read.join(", ")] : []), ...(skipped.length > 0 ? [`skipped ${skipped.join(", ")}`] : [])];
  return `${describe(spec)}: scanned ${parts.join(", ")}${extra.length > 0 ? ` (${extra.join("; ")})` : ""}`;
}

/** `warden scan`: scan, print in the chosen format, return the exit code (0 clean, 1 secrets found). */
export async function scanCommand(io: Io, options: ScanOptions): Promise<number> {
  if (options.target.kind === "paths") {
    for (const p of options.target.paths) {
      if (p.startsWith("-")) throw new WardenError("USAGE", `unknown option "${p}" (to scan a file whose name starts with "-", write ./${p})`);
    }
  }
  if (options.updateBaseline === true) {
    const whole = (options.target.kind === "paths" && options.target.paths.length === 0) || options.target.kind === "history";
    if (!whole) {
      throw new WardenError("USAGE", "--update-baseline rewrites the whole baseline: use it with a full scan (no paths) or with --history");
    }
  }
  const reporter = reporterFor(options.format);
  const outcome = await runScan(io, options);
  const { stats } = outcome;
  const notes = [...outcome.notes];
  const read: string[] = [];
  if (stats.binary > 0) read.push(`${stats.binary} binary file${stats.binary === 1 ? "" : "s"} as raw bytes`);
  if (stats.utf16 > 0) read.push(`${stats.utf16} UTF-16 file${stats.utf16 === 1 ? "" : "s"} decoded`);
  if (stats.messages > 0) read.push(`${stats.messages} commit message${stats.messages === 1 ? "" : "s"}`);
  if (read.length > 0) notes.push(`also scanned ${read.join(", ")}`);
  if (stats.allowedPaths > 0) notes.push(`not scanned: ${stats.allowedPaths} file${stats.allowedPaths === 1 ? "" : "s"} matching secrets.allowPaths`);
  if (options.updateBaseline === true) {
    const { baselineOf, writeBaseline } = await import("@warden/secrets");
    const entries = baselineOf(outcome.findings);
    try {
      await writeBaseline(outcome.baselineFile, entries);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
      throw new WardenError("INPUT", `cannot write the secrets baseline ${path.relative(await repoRoot(io.cwd), outcome.baselineFile)} (${code})`);
    }
    io.stderr.write(`warden: wrote ${plural(entries.length, "fingerprint")} to ${path.relative(await repoRoot(io.cwd), outcome.baselineFile)}\n`);
    return 0;
  }
  const { DETECTORS } = await import("@warden/secrets");
  io.stdout.write(
    reporter(
      {
        tool: { name: "warden", version: VERSION },
        command: describe(options.target),
        findings: outcome.findings,
        summary: {
          files: stats.files,
          durationMs: outcome.durationMs,
          bytes: stats.bytes,
          ...(options.target.kind === "range" || options.target.kind === "history" || options.target.kind === "commits"
            ? { commits: stats.commits }
            : {}),
          suppressed: stats.suppressed,
          baselined: stats.baselined,
          ...(stats.skipped.length > 0 ? { skipped: stats.skipped } : {}),
          ...(notes.length > 0 ? { notes } : {}),
        },
        rules: DETECTORS.map((d) => ({ id: d.ruleId, description: d.description, enforces: "Rule 5", docs: d.docs })),
      },
      { color: colorEnabled(io.stdout) },
    ),
  );
  if (options.format !== "pretty") io.stderr.write(`${coverageLine(options.target, stats)}\n`);
  return outcome.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/**
 * Scan the message of the commit being made (the commit-msg hook) with the repository's secrets
 * settings and baseline. Findings are on `commit:(new)` and carry the secret redacted.
 */
export async function scanPendingMessage(root: string, settings: SecretsSettings, message: string): Promise<Finding[]> {
  const { readBaseline, SecretScanner: Scanner } = await import("@warden/secrets");
  const baseline = await readBaseline(path.resolve(root, settings.baseline), settings.baseline);
  const scanner = new Scanner({ settings, baseline: baseline.map((entry) => entry.fingerprint) });
  return scanner.scanBytes("commit:(new)", Buffer.from(message, "utf8"));
}
