import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { openListedFile, readListedFile, type Finding } from "@warden/core";
import { SecretScanner, type ScanStats, type SecretsSettings } from "./scanner.js";

/** One unit of work for a pool worker: a file to read, or content already in hand. */
export interface PoolJob {
  /** Order of submission; results are reported with it so callers can restore the order. */
  readonly seq: number;
  readonly path: string;
  /** Absolute file to read in the worker (paths scans). */
  readonly file?: string;
  /** Content in hand (history scans: the added lines of one file in one commit). */
  readonly content?: string;
  readonly commit?: string;
  readonly lines?: readonly number[];
  /** Bytes this job accounts for in the pool's in-flight budget. */
  readonly size: number;
}

/** Findings of one job. */
export interface PoolResult {
  readonly seq: number;
  readonly findings: Finding[];
}

interface WorkerInit {
  readonly wardenSecretsPool: true;
  readonly settings: Partial<SecretsSettings>;
  readonly baseline: readonly string[];
}

type ToWorker = { readonly type: "jobs"; readonly jobs: readonly PoolJob[] } | { readonly type: "end" };
type FromWorker =
  | { readonly type: "done"; readonly results: PoolResult[]; readonly size: number }
  | { readonly type: "stats"; readonly stats: ScanStats };

/** Jobs are sent in batches of about this many bytes, so messages stay few and workers stay busy. */
const BATCH_BYTES = 1 << 20;
const BATCH_JOBS = 64;

/** Whether worker threads can run this module (not when it is TypeScript source run by a test runner). */
export function workersAvailable(): boolean {
  return !import.meta.url.endsWith(".ts");
}

/**
 * A pool of worker threads, each with its own {@link SecretScanner}, for large scans. Submit
 * jobs, watch {@link ScanPool.inFlight} to bound memory (wait on {@link ScanPool.drained}), then
 * {@link ScanPool.close} to collect the results and the summed stats.
 */
export class ScanPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly results: PoolResult[] = [];
  private readonly stats: ScanStats[] = [];
  private batch: PoolJob[] = [];
  private batchBytes = 0;
  private failure: Error | undefined;
  private waiters: (() => void)[] = [];
  /** Bytes submitted and not yet scanned. */
  inFlight = 0;

  constructor(options: { readonly settings: Partial<SecretsSettings>; readonly baseline: readonly string[]; readonly threads: number }) {
    const init: WorkerInit = { wardenSecretsPool: true, settings: options.settings, baseline: options.baseline };
    for (let i = 0; i < Math.max(1, options.threads); i += 1) {
      const worker = new Worker(new URL(import.meta.url), { workerData: init });
      const slot = { worker, busy: 0 };
      worker.on("message", (message: FromWorker) => {
        if (message.type === "done") {
          slot.busy -= message.size;
          this.inFlight -= message.size;
          this.results.push(...message.results);
          this.wake();
        } else {
          this.stats.push(message.stats);
        }
      });
      worker.on("error", (error) => {
        this.failure ??= error;
        this.wake();
      });
      this.workers.push(slot);
    }
  }

  /** Queue a job (sent to the least busy worker once its batch is full). */
  submit(job: PoolJob): void {
    this.batch.push(job);
    this.batchBytes += job.size;
    this.inFlight += job.size;
    if (this.batchBytes >= BATCH_BYTES || this.batch.length >= BATCH_JOBS) this.flush();
  }

  /** Resolves once fewer than `limit` bytes are in flight (or a worker failed). */
  async drained(limit: number): Promise<void> {
    this.flush();
    while (this.inFlight >= limit && this.failure === undefined) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.failure !== undefined) throw this.failure;
  }

  /** Finish: wait for every job, stop the workers, and return results (in submission order) and stats. */
  async close(): Promise<{ results: PoolResult[]; stats: ScanStats }> {
    try {
      await this.drained(1);
      const exits = this.workers.map(
        ({ worker }) =>
          new Promise<void>((resolve) => {
            worker.once("exit", () => resolve());
            worker.postMessage({ type: "end" } satisfies ToWorker);
          }),
      );
      await Promise.all(exits);
    } finally {
      await this.terminate();
    }
    if (this.failure !== undefined) throw this.failure;
    const total = emptyStats();
    for (const s of this.stats) addStats(total, s);
    this.results.sort((a, b) => a.seq - b.seq);
    return { results: this.results, stats: total };
  }

  /** Stop every worker now (safe to call more than once; used on errors). */
  async terminate(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const target = this.workers.reduce((least, slot) => (slot.busy < least.busy ? slot : least));
    target.busy += this.batchBytes;
    target.worker.postMessage({ type: "jobs", jobs: this.batch } satisfies ToWorker);
    this.batch = [];
    this.batchBytes = 0;
  }

  private wake(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/** A zeroed {@link ScanStats}. */
export function emptyStats(): ScanStats {
  return { files: 0, bytes: 0, commits: 0, binary: 0, utf16: 0, messages: 0, skipped: [], allowedPaths: 0, suppressed: 0, allowed: 0, baselined: 0 };
}

/** Add `from` into `into`. */
export function addStats(into: ScanStats, from: ScanStats): void {
  into.files += from.files;
  into.bytes += from.bytes;
  into.commits += from.commits;
  into.binary += from.binary;
  into.utf16 += from.utf16;
  into.messages += from.messages;
  into.skipped.push(...from.skipped);
  into.allowedPaths += from.allowedPaths;
  into.suppressed += from.suppressed;
  into.allowed += from.allowed;
  into.baselined += from.baselined;
}

async function runJob(scanner: SecretScanner, job: PoolJob): Promise<Finding[]> {
  if (job.file !== undefined) {
    if (job.size > scanner.maxFileSize) return scanner.scan({ path: job.path, content: undefined, size: job.size });
    const content = await readListedFile(job.file, job.size);
    if (content === undefined) return []; // deleted or unreadable since it was listed
    return scanner.scan({ path: job.path, content });
  }
  return scanner.scan({
    path: job.path,
    content: job.content ?? "",
    ...(job.commit === undefined ? {} : { commit: job.commit }),
    ...(job.lines === undefined ? {} : { lines: job.lines }),
  });
}

function runWorker(init: WorkerInit): void {
  const port = parentPort;
  if (port === null) return;
  const scanner = new SecretScanner({ settings: init.settings, baseline: init.baseline });
  let queue = Promise.resolve();
  port.on("message", (message: ToWorker) => {
    queue = queue.then(async () => {
      if (message.type === "end") {
        port.postMessage({ type: "stats", stats: scanner.stats } satisfies FromWorker);
        port.close();
        return;
      }
      const results: PoolResult[] = [];
      let size = 0;
      for (const job of message.jobs) {
        results.push({ seq: job.seq, findings: await runJob(scanner, job) });
        size += job.size;
      }
      port.postMessage({ type: "done", results, size } satisfies FromWorker);
    });
  });
}

/** Files claimed at a time by a thread of a {@link SharedPathScan} of many files (of fewer: one at a time, so that a few large files end evenly). */
const CLAIM_FILES = 8;
const CLAIM_ONE_BELOW = 2000;
/** Largest file read into a thread's reused buffer (larger ones get their own). */
const SCRATCH_BYTES = 256 * 1024;
/** Per worker of a shared scan: not started yet (the main thread may cancel it), scanning, cancelled. */
const WAITING = 0;
const RUNNING = 1;
const CANCELLED = 2;

interface SharedInit {
  readonly wardenSecretsShared: true;
  readonly settings: Partial<SecretsSettings>;
  readonly baseline: readonly string[];
  /** Absolute path of the root with a trailing separator. */
  readonly prefix: string;
  readonly names: readonly string[];
  /** Int32 cells: [next unclaimed index, state of worker 0, state of worker 1, …]. */
  readonly shared: SharedArrayBuffer;
  readonly slot: number;
}

type FromSharedWorker =
  | { readonly type: "started" }
  | { readonly type: "done"; readonly findings: Finding[]; readonly stats: ScanStats };

/** The file `name` (repository-relative, forward slashes) under `prefix` (absolute, ending in a separator). */
function listedPath(prefix: string, name: string, separator: string): string {
  return prefix + (separator === "/" ? name : name.split("/").join(separator));
}

/**
 * Scan one listed file in a thread that may block (a worker of a {@link SharedPathScan}): open it
 * once and read it into `scratch` when it fits (see openListedFile), else into its own buffer.
 */
function scanListedFile(scanner: SecretScanner, prefix: string, separator: string, name: string, scratch: Buffer, out: Finding[]): void {
  if (scanner.isAllowedPath(name)) {
    scanner.scan({ path: name, content: undefined });
    return;
  }
  const listed = openListedFile(listedPath(prefix, name, separator), scratch, scanner.maxFileSize);
  if (listed.kind === "none") return; // gone since listed, a submodule, or a symbolic link
  for (const finding of scanner.scan({ path: name, content: listed.content, size: listed.size })) out.push(finding);
}

/**
 * A paths scan split between the calling (main) thread and worker threads: every thread claims
 * the next few listed files from one shared counter (an atomic add), opens, reads and scans them
 * with its own {@link SecretScanner}, so a thread slowed by other load on the machine simply
 * claims fewer files. A worker that has not started when the main thread runs out of files is
 * cancelled (its start-up is not waited for); a started one finishes its claimed files and sends
 * its findings and stats back.
 */
export class SharedPathScan {
  private readonly cells: Int32Array;
  private readonly workers: { readonly worker: Worker; readonly done: Promise<FromSharedWorker & { type: "done" }>; readonly started: Promise<void> }[] = [];
  private readonly total: number;

  constructor(options: {
    readonly settings: Partial<SecretsSettings>;
    readonly baseline: readonly string[];
    readonly prefix: string;
    readonly names: readonly string[];
    readonly threads: number;
  }) {
    this.total = options.names.length;
    const shared = new SharedArrayBuffer(4 * (1 + options.threads));
    this.cells = new Int32Array(shared);
    for (let slot = 0; slot < options.threads; slot += 1) {
      const init: SharedInit = {
        wardenSecretsShared: true,
        settings: options.settings,
        baseline: options.baseline,
        prefix: options.prefix,
        names: options.names,
        shared,
        slot: 1 + slot,
      };
      const worker = new Worker(new URL(import.meta.url), { workerData: init });
      let started: () => void = () => undefined;
      const startedPromise = new Promise<void>((resolve) => (started = resolve));
      const done = new Promise<FromSharedWorker & { type: "done" }>((resolve, reject) => {
        worker.on("message", (message: FromSharedWorker) => {
          if (message.type === "started") started();
          else resolve(message);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => reject(new Error(`secret scan worker stopped (exit code ${code}) before reporting its files`)));
      });
      // Handled in finish(); a worker cancelled before it started never reports.
      done.catch(() => undefined);
      this.workers.push({ worker, done, started: startedPromise });
    }
  }

  /** Resolves once every worker has scanned its first files (or found none left, or failed). */
  async started(): Promise<void> {
    await Promise.all(this.workers.map((w) => Promise.race([w.started, w.done.then(() => undefined, () => undefined)])));
  }

  /** The next files for the calling thread, as [from, to) indexes into the names, or undefined when all are claimed. */
  claim(): [number, number] | undefined {
    return claimFiles(this.cells, this.total);
  }

  /**
   * After the calling thread has claimed and scanned its last files: cancel the workers that never
   * started, wait for the others, and return their findings and stats. A worker that fails makes
   * the scan fail (its claimed files were not scanned: no clean report without them).
   */
  async finish(): Promise<{ findings: Finding[]; stats: ScanStats }> {
    const findings: Finding[] = [];
    const stats = emptyStats();
    try {
      for (const [index, { worker, done }] of this.workers.entries()) {
        if (Atomics.compareExchange(this.cells, 1 + index, WAITING, CANCELLED) === WAITING) {
          await worker.terminate();
          continue;
        }
        const result = await done;
        for (const finding of result.findings) findings.push(finding);
        addStats(stats, result.stats);
      }
    } finally {
      await this.terminate();
    }
    return { findings, stats };
  }

  /** Stop every worker now (safe to call more than once; used on errors). */
  async terminate(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

function claimFiles(cells: Int32Array, total: number): [number, number] | undefined {
  if (Atomics.load(cells, 0) >= total) return undefined;
  const step = total < CLAIM_ONE_BELOW ? 1 : CLAIM_FILES;
  const from = Atomics.add(cells, 0, step);
  return from >= total ? undefined : [from, Math.min(total, from + step)];
}

function runSharedWorker(init: SharedInit): void {
  const port = parentPort;
  if (port === null) return;
  const scanner = new SecretScanner({ settings: init.settings, baseline: init.baseline });
  const cells = new Int32Array(init.shared);
  // The main thread may have finished every file while this thread was starting: then it has
  // cancelled this one, and nothing is claimed.
  if (Atomics.compareExchange(cells, init.slot, WAITING, RUNNING) !== WAITING) {
    port.close();
    return;
  }
  const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  const findings: Finding[] = [];
  let first = true;
  for (let range = claimFiles(cells, init.names.length); range !== undefined; range = claimFiles(cells, init.names.length)) {
    for (let i = range[0]; i < range[1]; i += 1) scanListedFile(scanner, init.prefix, path.sep, init.names[i] as string, scratch, findings);
    if (first) {
      port.postMessage({ type: "started" } satisfies FromSharedWorker);
      first = false;
    }
  }
  if (first) port.postMessage({ type: "started" } satisfies FromSharedWorker);
  port.postMessage({ type: "done", findings, stats: scanner.stats } satisfies FromSharedWorker);
  port.close();
}

const data = workerData as (Partial<WorkerInit> & Partial<SharedInit>) | null;
if (!isMainThread && data?.wardenSecretsPool === true) runWorker(data as WorkerInit);
if (!isMainThread && data?.wardenSecretsShared === true) runSharedWorker(data as SharedInit);
