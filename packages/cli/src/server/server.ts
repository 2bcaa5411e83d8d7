import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import { Worker } from "node:worker_threads";
import { configFingerprint, configTimeoutMs } from "@warden/core";
import { serverIdleMs, serverMaxWorkers, serverRequestTimeoutMs, workerIdleMs } from "./env.js";
import type { WorkerReply, WorkerRun } from "./protocol.js";
import { pidFile, socketPath, type ServerMessage, type ServerRequest, type ServerStatus } from "./socket.js";

/** A worker that used more heap than this is retired after its request (its memory goes back). */
const RETIRE_HEAP_BYTES = 256 * 1024 * 1024;
/** How often a running request tells its client that the server is alive. */
const PING_MS = 1000;
/** After this many worker idle periods without a request (5 minutes by default) even the spare thread exits: an idle server holds only its main thread. */
const DORMANT_PERIODS = 10;

interface Job {
  readonly request: WorkerRun;
  readonly connection: net.Socket;
}

interface PoolWorker {
  readonly thread: Worker;
  ready: Promise<void>;
  job: Job | undefined;
  served: number;
  idleSince: number;
  heapUsed: number;
  configs: readonly (readonly [string, string])[];
  exited: boolean;
}

function send(connection: net.Socket, message: ServerMessage): void {
  if (!connection.destroyed) connection.write(`${JSON.stringify(message)}\n`);
}

function finish(connection: net.Socket, code: number): void {
  send(connection, { type: "exit", code, pid: process.pid });
  connection.end();
}

/** The repository roots of the folders requests came from (for `warden server status`). */
function repositoriesOf(cwds: Iterable<string>): string[] {
  const roots = new Set<string>();
  for (const cwd of cwds) {
    const result = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8" });
    roots.add(result.status === 0 ? result.stdout.trim() : cwd);
  }
  return [...roots].sort();
}

/** Whether a config a worker loaded has changed since (its content, or anything it imports). */
function stale(worker: PoolWorker): boolean {
  return worker.configs.some(([file, fingerprint]) => configFingerprint(file) !== fingerprint);
}

/**
 * The warm server (`warden __server`). Its main thread owns the unix socket and runs no user code:
 * each request runs in a worker thread that keeps the TypeScript parser and the rules loaded, so requests from
 * different repositories run side by side and a request that never ends (a config that never
 * settles, a loop) is cut off by the main thread after its bound and costs only its own thread.
 * A worker whose configs changed on disk is retired (ES modules cannot be unloaded: an edited
 * config is loaded in a fresh thread); a worker that used much memory, or sat idle, exits and
 * gives its memory back. The server exits after an idle period, and when its socket is taken
 * or removed. Safe to kill at any time: clients then run in-process.
 */
export async function runServer(): Promise<void> {
  const socket = socketPath();
  const idleMs = serverIdleMs();
  const maxWorkers = serverMaxWorkers();
  const workerIdle = workerIdleMs();
  const requestTimeout = serverRequestTimeoutMs();
  const startedAt = new Date();
  const workerUrl = new URL("./server-worker.js", import.meta.url);

  const workers: PoolWorker[] = [];
  const queue: Job[] = [];
  const cwds = new Set<string>();
  let requests = 0;
  const crashes: number[] = [];
  let lastRequestAt = Date.now();
  let idle: NodeJS.Timeout | undefined;
  let connections = 0;

  const spawnWorker = (): PoolWorker => {
    const thread = new Worker(workerUrl);
    let markReady: () => void = () => undefined;
    const worker: PoolWorker = {
      thread,
      ready: new Promise<void>((resolve) => {
        markReady = resolve;
      }),
      job: undefined,
      served: 0,
      idleSince: Date.now(),
      heapUsed: 0,
      configs: [],
      exited: false,
    };
    let configWatch: NodeJS.Timeout | undefined;
    thread.on("message", (message: WorkerReply) => {
      const job = worker.job;
      switch (message.type) {
        case "ready":
          markReady();
          return;
        case "config-start": {
          // The config's own bound runs inside the thread; this one catches a config that never
          // yields (a synchronous loop), which no timer in its own thread can interrupt.
          const ms = configTimeoutMs(job?.request.env);
          configWatch = setTimeout(() => {
            if (worker.job === job && job !== undefined) {
              send(job.connection, {
                type: "stderr",
                data: `warden: ${message.config}: cannot load config: it did not finish within ${ms} ms (it never yields: a synchronous loop?); WARDEN_CONFIG_TIMEOUT_MS sets the bound\n`,
              });
              kill(worker, 2);
            }
          }, ms + 2000);
          return;
        }
        case "config-end":
          if (configWatch !== undefined) clearTimeout(configWatch);
          return;
        case "stdout":
        case "stderr":
          if (job !== undefined) send(job.connection, { type: message.type, data: message.data });
          return;
        case "exit":
          if (configWatch !== undefined) clearTimeout(configWatch);
          worker.heapUsed = message.heapUsed;
          worker.configs = message.configs;
          if (job !== undefined) endJob(worker, job, message.code);
          return;
      }
    });
    thread.on("error", (error: Error) => {
      const job = worker.job;
      if (job !== undefined) send(job.connection, { type: "stderr", data: `warden: internal error in the warm server: ${error.message}\n` });
    });
    thread.on("exit", () => {
      if (workers.includes(worker)) crashes.push(Date.now()); // not ended by us: it died
      worker.exited = true;
      if (configWatch !== undefined) clearTimeout(configWatch);
      const index = workers.indexOf(worker);
      if (index >= 0) workers.splice(index, 1);
      const job = worker.job;
      worker.job = undefined;
      // A thread that ended under a request (process.exit in user code, a crash): answer for it.
      if (job !== undefined && !job.connection.destroyed) {
        send(job.connection, { type: "stderr", data: "warden: the check ended unexpectedly in the warm server; run again (WARDEN_DAEMON=0 runs it in-process)\n" });
        finish(job.connection, 2);
      }
      ensureSpare();
      dispatch();
    });
    workers.push(worker);
    return worker;
  };

  /** End a worker now (a request past its bound, a stale or oversized thread) and answer its client with `code`. */
  const kill = (worker: PoolWorker, code: number | undefined): void => {
    const job = worker.job;
    worker.job = undefined;
    if (job !== undefined && code !== undefined) finish(job.connection, code);
    const index = workers.indexOf(worker);
    if (index >= 0) workers.splice(index, 1);
    void worker.thread.terminate();
  };

  const endJob = (worker: PoolWorker, job: Job, code: number): void => {
    worker.job = undefined;
    worker.served += 1;
    worker.idleSince = Date.now();
    lastRequestAt = Date.now();
    finish(job.connection, code);
    if (worker.heapUsed > RETIRE_HEAP_BYTES) kill(worker, undefined);
    ensureSpare();
    dispatch();
  };

  /** Keep one warm, unused worker ready so the next request (and a retired thread's successor) starts at once. */
  const ensureSpare = (): void => {
    if (stopping || Date.now() - lastRequestAt >= DORMANT_PERIODS * workerIdle) return;
    // Threads that keep dying at start (a broken install): no spares, requests still get a thread each.
    if (crashes.filter((at) => Date.now() - at < 60_000).length >= 3) return;
    if (!workers.some((worker) => worker.job === undefined && worker.served === 0) && workers.length < maxWorkers + 1) spawnWorker();
  };

  const dispatch = (): void => {
    while (queue.length > 0) {
      const job = queue[0] as Job;
      if (job.connection.destroyed) {
        queue.shift();
        continue;
      }
      for (const worker of workers.filter((w) => w.job === undefined && w.served > 0)) {
        if (stale(worker)) kill(worker, undefined);
      }
      // Prefer a thread that already served (its caches are warm), else the spare, else a new one.
      const free = workers.filter((w) => w.job === undefined && !w.exited).sort((a, b) => b.served - a.served)[0];
      const busy = workers.filter((w) => w.job !== undefined).length;
      const worker = free ?? (busy < maxWorkers ? spawnWorker() : undefined);
      if (worker === undefined) return; // all threads busy: the job waits for one
      queue.shift();
      worker.job = job;
      const timer = setTimeout(() => {
        if (worker.job !== job) return;
        send(job.connection, {
          type: "stderr",
          data: `warden: the request did not finish within ${Math.round(requestTimeout / 1000)} s in the warm server; WARDEN_DAEMON_TIMEOUT_MS sets the bound (WARDEN_DAEMON=0 runs in-process)\n`,
        });
        kill(worker, 2);
      }, requestTimeout);
      timer.unref();
      void worker.ready.then(() => {
        if (worker.job === job && !worker.exited) worker.thread.postMessage(job.request);
      });
      ensureSpare();
    }
  };

  // Threads that served and then sat idle exit (their heap goes back to the system); the spare stays.
  const sweep = setInterval(
    () => {
      const now = Date.now();
      const dormant = now - lastRequestAt >= DORMANT_PERIODS * workerIdle && workers.every((worker) => worker.job === undefined);
      for (const worker of [...workers]) {
        if (worker.job === undefined && (worker.served > 0 || dormant) && now - worker.idleSince >= workerIdle) kill(worker, undefined);
      }
      ensureSpare();
    },
    Math.min(workerIdle, 10_000),
  );
  sweep.unref();

  const status = (): ServerStatus => ({
    pid: process.pid,
    socket,
    startedAt: startedAt.toISOString(),
    uptimeMs: Date.now() - startedAt.getTime(),
    rssBytes: process.memoryUsage().rss,
    workers: workers.map((worker) => ({ busy: worker.job !== undefined, served: worker.served, heapUsedBytes: worker.heapUsed })),
    requests,
    active: workers.filter((worker) => worker.job !== undefined).length + queue.length,
    repositories: repositoriesOf(cwds),
  });

  let stopping = false;
  const server = net.createServer((connection) => {
    connections += 1;
    if (idle !== undefined) clearTimeout(idle);
    let buffer = "";
    let received = false;
    let ping: NodeJS.Timeout | undefined;
    connection.setEncoding("utf8");
    connection.on("data", (chunk: string) => {
      if (received) return; // one request per connection
      buffer += chunk;
      const newline = buffer.indexOf("\n");
      if (newline < 0) return;
      let request: ServerRequest;
      try {
        request = JSON.parse(buffer.slice(0, newline)) as ServerRequest;
      } catch {
        connection.destroy();
        return;
      }
      received = true;
      if (request.kind === "status") {
        send(connection, { type: "status", status: status() });
        connection.end();
        return;
      }
      if (request.kind === "stop") {
        send(connection, { type: "stopping", pid: process.pid });
        connection.end(() => shutdown());
        return;
      }
      const run = request as Extract<ServerRequest, { readonly argv: readonly string[] }>;
      send(connection, { type: "accepted", pid: process.pid });
      requests += 1;
      lastRequestAt = Date.now();
      cwds.add(run.cwd);
      ping = setInterval(() => send(connection, { type: "ping" }), PING_MS);
      queue.push({ request: { argv: run.argv, cwd: run.cwd, env: run.env, stdoutIsTTY: run.stdoutIsTTY }, connection });
      dispatch();
    });
    connection.on("error", () => {
      // The client went away (a killed hook): its request is dropped below.
    });
    connection.on("close", () => {
      if (ping !== undefined) clearInterval(ping);
      // A client that went away mid-request: its thread is not waited for (it may be stuck).
      for (const worker of [...workers]) if (worker.job?.connection === connection) kill(worker, undefined);
      connections -= 1;
      if (connections === 0) armIdle();
    });
  });
  const armIdle = (): void => {
    if (idle !== undefined) clearTimeout(idle);
    idle = setTimeout(() => shutdown(), idleMs);
    idle.unref();
  };
  const shutdown = (): void => {
    stopping = true;
    server.close();
    for (const worker of [...workers]) void worker.thread.terminate();
    for (const file of [socket, pidFile(socket)]) {
      try {
        // Remove only our own files: a newer server may own the name by now.
        if (file === socket ? ownsSocket() : existsSync(file) && readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
      } catch {
        // Already removed.
      }
    }
    process.exit(0);
  };
  const ownsSocket = (): boolean => {
    try {
      return readFileSync(pidFile(socket), "utf8").trim() === String(process.pid);
    } catch {
      return existsSync(socket);
    }
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socket, () => resolve());
  }).catch((error: NodeJS.ErrnoException) => {
    // Another server won the race for this socket: leave it to that one.
    if (error.code === "EADDRINUSE") process.exit(0);
    throw error;
  });
  writeFileSync(pidFile(socket), `${process.pid}\n`, { mode: 0o600 });
  ensureSpare();
  armIdle();
}
