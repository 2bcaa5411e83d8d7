import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import {
  BlobReader,
  colorEnabled,
  commitExists,
  compareFindings,
  loadConfig,
  readListedFile,
  repoRoot,
  reporterFor,
  stagedChanges,
  SYNC_READ_BYTES,
  walkFiles,
  WardenError,
  type Finding,
  type Format,
} from "@warden/core";
import type { ScanPool, ScanStats, SecretScanner, SecretsSettings, VerifyCandidate } from "@warden/secrets";
import type { Io } from "../io.js";
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
}

/** Object ids of the empty blob (SHA-1 and SHA-256 repositories). */
const EMPTY_BLOBS = new Set([
  "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
  "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813",
]);

/** Files read at once in a paths scan: enough to overlap I/O, few enough to bound memory. */
const READ_BATCH = 16;
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
  try {
    for (let i = 0; i < changes.length; i += READ_BATCH) {
      const batch = changes.slice(i, i + READ_BATCH);
      const contents = await Promise.all(batch.map((change) => reader.read(change.oid)));
      batch.forEach((change, index) => {
        const content = contents[index];
        if (content === undefined) {
          throw new WardenError("GIT", `${change.path}: cannot read the staged content (blob ${change.oid.slice(0, 10)} is missing)`);
        }
        bytesRead += content.length;
        findings.push(...scanner.scan({ path: change.path, content }));
      });
    }
  } finally {
    reader.close();
  }
  const nonEmpty = changes.filter((change) => !EMPTY_BLOBS.has(change.oid));
  if (nonEmpty.length > 0 && bytesRead === 0) {
    throw new WardenError(
      "GIT",
      `staged scan read 0 bytes from ${nonEmpty.length} staged file(s) with content (first: ${nonEmpty[0]?.path ?? "?"}); refusing to report a clean scan`,
    );
  }
  return findings;
}

async function scanPaths(
  root: string,
  scanner: SecretScanner,
  paths: readonly string[],
  ignore: readonly string[],
  usePool: (large: boolean) => Promise<ScanPool | undefined>,
): Promise<Finding[]> {
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

async function checkRange(root: string, range: string): Promise<string[]> {
  const match = /^([^.\s][^\s]*?)\.\.(\.?)([^.\s][^\s]*)?$/.exec(range);
  if (match === null || match[2] === ".") {
    throw new WardenError("USAGE", `--range ${range}: expected A..B (the commits reachable from B and not from A)`);
  }
  const from = match[1] as string;
  const to = match[3] ?? "HEAD";
  for (const ref of [from, to]) {
    if (ref.startsWith("-") || !(await commitExists(root, ref))) throw new WardenError("USAGE", `--range ${range}: ${ref} is not a commit`);
  }
  return [`${from}..${to}`];
}

function progressReporter(io: Io): ((commits: number, bytes: number) => void) | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  let last = 0;
  return (commits, bytes) => {
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    io.stderr.write(`\rwarden scan: ${commits} commits, ${(bytes / 1048576).toFixed(1)} MB scanned…`);
  };
}

/** Run the secret scan over a target and return the findings (nothing printed except progress). */
export async function runScan(io: Io, options: Omit<ScanOptions, "format">): Promise<ScanOutcome> {
  const started = performance.now();
  // Scanning files needs no repository: outside a git work tree (an unpacked release, a build
  // output) `warden scan [PATH…]` scans the current folder's files; the git targets need git.
  const root = options.target.kind === "paths" ? await repoRoot(io.cwd).catch(() => io.cwd) : await repoRoot(io.cwd);
  const { config } = await loadConfig(root, options.config);
  const { annotateFindings, readBaseline, scanCommits, SecretScanner: Scanner, verifyCandidates } = await import("@warden/secrets");
  const settings = config.secrets;
  const baselineFile = path.resolve(root, settings.baseline);
  const baseline = options.updateBaseline === true ? [] : await readBaseline(baselineFile, settings.baseline);
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
  const target = options.target;
  let findings: Finding[];
  switch (target.kind) {
    case "staged":
      findings = await scanStaged(root, scanner);
      break;
    case "paths":
      findings = await scanPaths(root, scanner, target.paths, config.ignore, (large) =>
        openPool(settings, fingerprints, threadCount(workers, large)),
      );
      break;
    case "range":
    case "history":
    case "commits": {
      let revisions: string[];
      if (target.kind === "range") revisions = await checkRange(root, target.range);
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
      break;
    }
  }
  if (verify && held.length > 0) {
    const results = await verifyCandidates(held, { cacheFile: path.join(root, "node_modules/.cache/warden/verify.json") });
    held.length = 0;
    findings = annotateFindings(findings, results);
  }
  findings.sort(compareFindings);
  return { findings, stats: scanner.stats, durationMs: performance.now() - started, baselineFile };
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
  if (spec.kind === "range" || spec.kind === "history" || spec.kind === "commits") parts.push(`${stats.commits} commit${stats.commits === 1 ? "" : "s"}`);
  parts.push(`${stats.bytes} bytes`);
  const skipped: string[] = [];
  if (stats.binary > 0) skipped.push(`${stats.binary} binary`);
  if (stats.tooLarge.length > 0) skipped.push(`${stats.tooLarge.length} too large`);
  if (stats.allowedPaths > 0) skipped.push(`${stats.allowedPaths} by allowPaths`);
  return `${describe(spec)}: scanned ${parts.join(", ")}${skipped.length > 0 ? ` (skipped ${skipped.join(", ")})` : ""}`;
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
  if (options.updateBaseline === true) {
    const { baselineOf, writeBaseline } = await import("@warden/secrets");
    const entries = baselineOf(outcome.findings);
    await writeBaseline(outcome.baselineFile, entries);
    io.stderr.write(`warden: wrote ${entries.length} fingerprint(s) to ${path.relative(await repoRoot(io.cwd), outcome.baselineFile)}\n`);
    return 0;
  }
  if (stats.tooLarge.length > 0) {
    const shown = [...stats.tooLarge].sort().slice(0, 5).join(", ");
    io.stderr.write(
      `warden: note: skipped ${stats.tooLarge.length} file(s) larger than secrets.maxFileSize: ${shown}${stats.tooLarge.length > 5 ? ", …" : ""}\n`,
    );
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
        },
        rules: DETECTORS.map((d) => ({ id: d.ruleId, description: d.description, enforces: "Rule 5", docs: d.docs })),
      },
      { color: colorEnabled(io.stdout) },
    ),
  );
  if (options.format !== "pretty") io.stderr.write(`${coverageLine(options.target, stats)}\n`);
  return outcome.findings.some((f) => f.severity === "error") ? 1 : 0;
}
