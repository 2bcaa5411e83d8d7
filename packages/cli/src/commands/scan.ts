import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
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
  SYNC_READ_BYTES,
  walkFiles,
  WardenError,
  gitLocation,
  shallowCommits,
  UNSHALLOW_HINT,
  type ChangedFile,
  type Finding,
  type Format,
  type WardenConfig,
} from "@warden/core";
import type { ScanPool, ScanStats, SecretScanner, SecretsSettings, VerifyCandidate } from "@warden/secrets";
import type { Io } from "../io.js";
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

/** Files read at once in a paths scan: enough to overlap I/O, few enough to bound memory. */
const READ_BATCH = 16;
/** Files up to this size are read into one reused buffer by a paths scan in this thread. */
const SCRATCH_BYTES = 256 * 1024;
/** Bytes of larger files being read ahead (asynchronously) by a paths scan in this thread. */
const PENDING_BYTES = 16 * 1024 * 1024;
/** A paths scan of more bytes than this runs in worker threads (when there is more than one core). */
const WORKER_THRESHOLD_BYTES = 16 * 1024 * 1024;
/** Bytes handed to workers and not yet scanned before the paths scan waits. */
const IN_FLIGHT_LIMIT = 64 * 1024 * 1024;

/** How many worker threads a scan of this kind gets (0: scan in this thread). */
function threadCount(requested: number | undefined, large: boolean): number {
  if (requested !== undefined) return requested;
  if (!large) return 0;
  // Measured (docs/benchmarks.md): on two cores, workers compete with the main thread and git
  // and make scans slower; from four cores on they pay off.
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(4, cores - 1) : 0;
}

async function openPool(settings: SecretsSettings, baseline: readonly string[], threads: number): Promise<ScanPool | undefined> {
  if (threads === 0) return undefined;
  const { ScanPool: Pool, workersAvailable } = await import("@warden/secrets");
  return workersAvailable() ? new Pool({ settings, baseline, threads }) : undefined;
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

async function scanPaths(
  root: string,
  scanner: SecretScanner,
  paths: readonly string[],
  ignore: readonly string[],
  usePool: ((large: boolean) => Promise<ScanPool | undefined>) | undefined,
): Promise<Finding[]> {
  if (usePool === undefined) return scanPathsHere(root, scanner, paths, ignore);
  const names = await walkFiles(root, paths.length === 0 ? ["."] : paths, { exclude: ignore });
  const sized: { name: string; size: number }[] = [];
  let total = 0;
  // Synchronous stats: a few microseconds each from the inode cache, against a promise and two
  // thread hops each for the asynchronous kind (measured: 12k files, 40 ms against 200 ms).
  for (const name of names) {
    const info = statSync(path.join(root, name), { throwIfNoEntry: false }); // undefined: deleted since it was listed
    if (info === undefined || !info.isFile()) continue;
    sized.push({ name, size: info.size });
    if (info.size <= scanner.maxFileSize) total += info.size;
  }
  const pool = await usePool(total > WORKER_THRESHOLD_BYTES);
  const findings: Finding[] = [];
  if (pool !== undefined) {
    try {
      let seq = 0;
      for (const { name, size } of sized) {
        if (scanner.isAllowedPath(name)) {
          scanner.scan({ path: name, content: undefined });
          continue;
        }
        pool.submit({ seq: (seq += 1), path: name, file: path.join(root, name), size });
        if (pool.inFlight > IN_FLIGHT_LIMIT) await pool.drained(IN_FLIGHT_LIMIT / 2);
      }
      const { results, stats } = await pool.close();
      const { addStats } = await import("@warden/secrets");
      addStats(scanner.stats, stats);
      for (const result of results) findings.push(...result.findings);
    } finally {
      await pool.terminate();
    }
    return findings;
  }
  const unread = (name: string, size: number): boolean => scanner.isAllowedPath(name) || size > scanner.maxFileSize;
  // Large files of the next batch are read (by libuv's threads) while this batch is scanned;
  // small ones are read synchronously when their turn comes (see SYNC_READ_BYTES).
  const prefetch = (from: number): Map<string, Promise<Buffer | undefined>> =>
    new Map(
      sized
        .slice(from, from + READ_BATCH)
        .filter(({ name, size }) => size >= SYNC_READ_BYTES && !unread(name, size))
        .map(({ name, size }) => [name, readListedFile(path.join(root, name), size)]),
    );
  let next = prefetch(0);
  for (let i = 0; i < sized.length; i += READ_BATCH) {
    const fetched = next;
    next = prefetch(i + READ_BATCH);
    for (const { name, size } of sized.slice(i, i + READ_BATCH)) {
      // Allowed or too large: the scanner notes the skip; the file is never read.
      if (unread(name, size)) {
        findings.push(...scanner.scan({ path: name, content: undefined, size }));
        continue;
      }
      const content = await (fetched.get(name) ?? readListedFile(path.join(root, name), size));
      if (content !== undefined) findings.push(...scanner.scan({ path: name, content, size }));
    }
  }
  return findings;
}

/**
 * A paths scan in this thread (no worker threads could be used): each file is opened once and
 * read into one reused buffer (see openListedFile) — where listing, then stat, then read cost
 * two system calls more per file; a file larger than the buffer is read ahead asynchronously. On trees of many small files those calls, not the
 * automaton, were most of the scan (docs/benchmarks.md).
 */
async function scanPathsHere(root: string, scanner: SecretScanner, paths: readonly string[], ignore: readonly string[]): Promise<Finding[]> {
  const names = await walkFiles(root, paths.length === 0 ? ["."] : paths, { exclude: ignore, checkListed: false });
  const findings: Finding[] = [];
  // One buffer for every file that fits (the scanner keeps nothing of a file's bytes once it
  // returns), so reading allocates nothing per file.
  const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  // Files larger than the buffer are read by libuv's threads while the next files are scanned,
  // a bounded number of bytes at a time (as the batched scan of scanPaths does).
  const pending: { name: string; size: number; content: Promise<Buffer | undefined> }[] = [];
  let pendingBytes = 0;
  const scanPending = async (until: number): Promise<void> => {
    while (pending.length > 0 && pendingBytes > until) {
      const next = pending.shift() as (typeof pending)[number];
      pendingBytes -= next.size;
      const content = await next.content;
      if (content !== undefined) for (const finding of scanner.scan({ path: next.name, content, size: next.size })) findings.push(finding);
    }
  };
  for (const name of names) {
    if (scanner.isAllowedPath(name)) {
      // Allowed: the scanner notes the skip; the file is never opened.
      scanner.scan({ path: name, content: undefined });
      continue;
    }
    const file = prefix + (path.sep === "/" ? name : name.split("/").join(path.sep));
    const listed = openListedFile(file, scratch, scanner.maxFileSize, { readLarge: false });
    if (listed.kind === "none") continue; // gone since listed, a submodule, or a symbolic link
    if (listed.unread === true) {
      pending.push({ name, size: listed.size, content: readListedFile(file, listed.size) });
      pendingBytes += listed.size;
      await scanPending(PENDING_BYTES);
      continue;
    }
    const found = scanner.scan({ path: name, content: listed.content, size: listed.size });
    for (const finding of found) findings.push(finding);
  }
  await scanPending(-1);
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
  const location = target.kind === "paths" ? await gitLocation(io.cwd).catch(() => ({ root: io.cwd, bare: false })) : await gitLocation(io.cwd);
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
      // Without a thread to spare (the default on two cores), the paths are scanned here as they
      // are opened; otherwise their sizes decide first whether the scan is large enough for workers.
      findings = await scanPaths(
        root,
        scanner,
        target.paths,
        config.ignore,
        threadCount(workers, true) === 0 ? undefined : (large) => openPool(settings, fingerprints, threadCount(workers, large)),
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
