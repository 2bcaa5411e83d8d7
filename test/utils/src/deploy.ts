import { existsSync, readdirSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import path from "node:path";
import { gitRepo, type TempRepo } from "./index.js";
import { strayProcesses } from "./processes.js";

export { strayProcesses };

// Helpers of the deploy tests (packages/deploy/test and test/e2e): a tiny HTTP service in a temp
// repository, HTTP GETs and load, deploy events, and cleanup that fails when a started process survives.

/** Source of a tiny HTTP service reporting `version`; `healthStatus`, `errorEvery` and `failBehindProxy` make it misbehave. */
export function serviceSource(version: string, options: { healthStatus?: number; errorEvery?: number; failBehindProxy?: boolean } = {}): string {
  return `import { createServer } from "node:http";
let n = 0;
const server = createServer((req, res) => {
  if (req.url === "/healthz") { res.writeHead(${options.healthStatus ?? 200}); res.end("health ${version}\\n"); return; }
  if (${options.failBehindProxy === true} && req.headers["x-forwarded-for"] !== undefined) { res.writeHead(500); res.end("broken behind the proxy\\n"); return; }
  n += 1;
  if (${options.errorEvery ?? 0} > 0 && n % ${options.errorEvery ?? 1} === 0) { res.writeHead(500); res.end("boom\\n"); return; }
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("${version}\\n");
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("${version} listening\\n"));
process.on("SIGTERM", () => { server.close(() => process.exit(0)); server.closeIdleConnections(); });
`;
}

/** A temp git repo with the service at `app/server.mjs`, committed. */
export function serviceRepo(version = "v1"): TempRepo {
  const repo = gitRepo({ "app/server.mjs": serviceSource(version), ".gitignore": ".warden/\n" });
  repo.commit("feat: service", { noVerify: true });
  return repo;
}

/** Replace the service and commit. */
export function commitService(repo: TempRepo, source: string, message = "feat: new version"): void {
  repo.write({ "app/server.mjs": source });
  repo.commit(message, { noVerify: true });
}

/** GET a URL (no keep-alive); resolves with status and body. */
export function get(url: string, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, timeout: timeoutMs }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: body.trim() }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Every pid Warden started under a deploy layout folder (`<base>/<env>/run`, `<base>/<env>/proxy`). */
export function startedPids(base: string): number[] {
  if (!existsSync(base)) return [];
  const pids: number[] = [];
  for (const env of readdirSync(base)) {
    const run = path.join(base, env, "run");
    if (existsSync(run)) {
      for (const f of readdirSync(run)) {
        try {
          pids.push((JSON.parse(readFileSync(path.join(run, f), "utf8")) as { pid: number }).pid);
        } catch {
          // a half-written pid file: nothing to stop
        }
      }
    }
    for (const file of ["supervisor.json", "info.json"]) {
      const info = path.join(base, env, "proxy", file);
      try {
        if (existsSync(info)) pids.push((JSON.parse(readFileSync(info, "utf8")) as { pid: number }).pid);
      } catch {
        // half-written: nothing to stop
      }
    }
  }
  return pids;
}

/** Kill every process Warden started under a deploy layout folder. */
export function killLayout(base: string): void {
  for (const pid of startedPids(base)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

/**
 * Stop everything Warden started in the repo, then remove it; fails when a process started in it
 * (by the test or by Warden) is still running afterwards: every test cleans up what it starts.
 */
export async function cleanupRepo(repo: TempRepo): Promise<void> {
  killLayout(path.join(repo.dir, ".warden", "deploy"));
  let stray = strayProcesses([repo.dir]);
  for (let i = 0; i < 50 && stray.length > 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stray = strayProcesses([repo.dir]);
  }
  repo.cleanup();
  if (stray.length > 0) throw new Error(`processes started in ${repo.dir} outlived the test:\n${stray.join("\n")}`);
}

/** The events of `env` in the repo, parsed. */
export function eventsOf(dir: string, env: string): { type: string; step?: string; detail?: Record<string, unknown> }[] {
  const file = path.join(dir, ".warden", "events", `${env}.jsonl`);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; step?: string; detail?: Record<string, unknown> });
}

/** What a load run saw: answered requests, and every failure (non-200 status or socket error). */
export interface LoadResult {
  readonly ok: number;
  readonly failed: number;
  readonly failures: string[];
}

/**
 * Steady load on `url` from `connections` keep-alive clients until `stop()` (a correctness check
 * of "no request fails", not a benchmark: the benchmarks use wrk). `pauseMs`: each client waits
 * that long between its requests (keeps a test with several hosts under load from spending the
 * machine's cores on the load itself; the connections stay open across every switch).
 */
export function startLoad(url: string, connections = 8, options: { pauseMs?: number } = {}): { stop: () => Promise<LoadResult> } {
  const pauseMs = options.pauseMs ?? 0;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let running = true;
  let ok = 0;
  const failures: string[] = [];
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const req = request(url, { agent, timeout: 10_000 }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) ok += 1;
          else failures.push(`status ${res.statusCode ?? 0}`);
          resolve();
        });
      });
      req.on("timeout", () => req.destroy(new Error("timed out")));
      req.on("error", (error) => {
        failures.push(error.message);
        resolve();
      });
      req.end();
    });
  const loops = Array.from({ length: connections }, async () => {
    while (running) {
      await one();
      if (pauseMs > 0 && running) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      agent.destroy();
      return { ok, failed: failures.length, failures: failures.slice(0, 10) };
    },
  };
}
