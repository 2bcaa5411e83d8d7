import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { readListedFile, type Finding } from "@warden/core";
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

if (!isMainThread && (workerData as Partial<WorkerInit> | null)?.wardenSecretsPool === true) runWorker(workerData as WorkerInit);
