#!/usr/bin/env node
// `pnpm bench deploy`: the deploy driver on the local target, in a temp git repo.
//  1. steady load (wrk, 50 connections, bounded time) through two blue-green deploys:
//     failed and non-2xx requests must be 0;
//  2. smoke failure under load: three deploys of a version whose `/` and smoke path fail (healthy
//     on /healthz), under wrk on `/`: caught by the smoke check before the switch, 0 failed requests;
//  3. a corrupt (truncated) state.json, then a deploy under wrk: 0 failed requests, every earlier
//     release kept, and a rollback afterwards succeeds;
//  3b. the proxy killed with SIGKILL under load: time until it serves again (restarted by its
//     supervisor), the failed requests around the kill, and the gap of a request sent right
//     after a kill without load;
//  4. time from a failing check after the switch (a version that fails only behind the proxy) to
//     the old version serving all traffic again (goal <= 1 s), from the rolled_back event's
//     recoveryMs, over 5 runs;
//  5. the driver's own overhead per deploy, build excluded (goal <= 3 s): wall time of
//     `warden deploy` with build: false and no slow gates, over 5 runs.
// Needs wrk (Debian package; scripts/ci/system-deps.sh installs it). Writes its section of
// docs/benchmarks.md.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { get as httpGet } from "node:http";
import path from "node:path";
import { machine, median, ROOT, writeSection } from "./lib.mjs";

if (process.argv.includes("--help")) {
  process.stdout.write("usage: node scripts/bench/deploy.bench.mjs   (or: pnpm bench deploy)\nMeasures zero-downtime switching under load, rollback time and driver overhead on the local target.\n");
  process.exit(0);
}

const WARDEN = path.join(ROOT, "packages/cli/bin/warden.js");
const CONNECTIONS = 50;
const LOAD_SECONDS = 12;
const SMOKE_LOAD_SECONDS = 10;
const CORRUPT_LOAD_SECONDS = 6;
const KILL_LOAD_SECONDS = 6;
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Bench",
  GIT_AUTHOR_EMAIL: "bench@example.test",
  GIT_COMMITTER_NAME: "Bench",
  GIT_COMMITTER_EMAIL: "bench@example.test",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  NO_COLOR: "1",
  HUSKY: "0",
};

function fail(message) {
  process.stderr.write(`bench deploy: ${message}\n`);
  process.exit(1);
}

if (spawnSync("wrk", ["--version"]).error !== undefined) fail("wrk is not installed (bash scripts/ci/system-deps.sh)");
if (!existsSync(path.join(ROOT, "packages/cli/dist/cli.js"))) execFileSync(process.execPath, [path.join(ROOT, "packages/cli/scripts/build.mjs")]);

function service(version, { smokeFails = false, broken = false, behindProxyOnly = false } = {}) {
  return `import { createServer } from "node:http";
const server = createServer((req, res) => {
  if (req.url === "/healthz") { res.writeHead(200); res.end("ok\\n"); return; }
  if (${broken} && req.url !== "/healthz") { res.writeHead(500); res.end("broken\\n"); return; }
  if (${smokeFails} && req.url === "/smoke" && (!${behindProxyOnly} || req.headers["x-forwarded-for"] !== undefined)) { res.writeHead(500); res.end("broken\\n"); return; }
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("${version}\\n");
});
server.keepAliveTimeout = 5000;
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => { server.close(() => process.exit(0)); server.closeIdleConnections(); });
`;
}

function makeRepo() {
  const dir = mkdtempSync(path.join(tmpdir(), "warden-bench-deploy-"));
  const git = (...args) => execFileSync("git", args, { cwd: dir, env: GIT_ENV, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  mkdirSync(path.join(dir, "app"));
  writeFileSync(path.join(dir, ".gitignore"), ".warden/\n");
  writeFileSync(
    path.join(dir, "warden.config.json"),
    JSON.stringify({
      deploy: {
        default: "bench",
        environments: {
          bench: {
            target: { type: "local", app: "app", start: "node server.mjs", instances: 2, stopTimeoutMs: 5000 },
            health: { retries: 40, intervalMs: 50, timeoutMs: 1000 },
            smoke: { path: "/smoke", expectStatus: 200 },
            preflight: { cleanTree: true, check: false, scan: false, migrations: false },
            build: false,
          },
        },
      },
    }),
  );
  const commit = (version, options) => {
    writeFileSync(path.join(dir, "app/server.mjs"), service(version, options));
    git("add", "-A");
    git("commit", "-q", "-m", `feat: ${version}`);
  };
  return { dir, commit };
}

function deploy(dir) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [WARDEN, "deploy", "--json"], { cwd: dir, env: GIT_ENV });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("close", (code) => {
      const ms = performance.now() - started;
      let result;
      try {
        result = JSON.parse(out);
      } catch {
        result = undefined;
      }
      resolve({ code, ms, result, err });
    });
  });
}

function killAll(dir) {
  const base = path.join(dir, ".warden/deploy");
  if (!existsSync(base)) return;
  for (const env of readdirSync(base)) {
    const files = [];
    const run = path.join(base, env, "run");
    if (existsSync(run)) files.push(...readdirSync(run).map((f) => path.join(run, f)));
    files.push(path.join(base, env, "proxy/supervisor.json"), path.join(base, env, "proxy/info.json"));
    for (const file of files) {
      try {
        process.kill(-JSON.parse(readFileSync(file, "utf8")).pid, "SIGKILL");
      } catch {
        // gone already
      }
    }
  }
}

function parseWrk(text) {
  const num = (re) => Number(re.exec(text)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    requests: num(/(\d+) requests in/),
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/),
    socketErrors: errors === null ? 0 : errors.slice(1).reduce((sum, n) => sum + Number(n), 0),
    timeouts: errors === null ? 0 : Number(errors[4]),
    latency: /Latency\s+(\S+)\s+(\S+)\s+(\S+)/.exec(text)?.slice(1, 4).join(" / ") ?? "?",
  };
}

const startLoad = loadavg()[0];
const repo = makeRepo();
try {
  // 1. steady load through two blue-green deploys
  repo.commit("v1");
  const first = await deploy(repo.dir);
  if (first.code !== 0) fail(`first deploy failed: ${first.err}`);
  const url = first.result.url;
  const wrk = spawn("wrk", ["-t", "2", "-c", String(CONNECTIONS), "-d", `${LOAD_SECONDS}s`, "--latency", url]);
  let wrkOut = "";
  wrk.stdout.on("data", (c) => (wrkOut += c));
  const wrkDone = new Promise((resolve) => wrk.on("close", resolve));
  const underLoad = [];
  await new Promise((r) => setTimeout(r, 2000));
  repo.commit("v2");
  underLoad.push(await deploy(repo.dir));
  await new Promise((r) => setTimeout(r, 1500));
  repo.commit("v3");
  underLoad.push(await deploy(repo.dir));
  await wrkDone;
  const load = parseWrk(wrkOut);
  const loadOutcomes = underLoad.map((d) => d.result?.outcome ?? `exit ${d.code}`);

  // 2. smoke failure under load: caught before the switch
  const wrk2 = spawn("wrk", ["-t", "2", "-c", String(CONNECTIONS), "-d", `${SMOKE_LOAD_SECONDS}s`, url]);
  let wrk2Out = "";
  wrk2.stdout.on("data", (c) => (wrk2Out += c));
  const wrk2Done = new Promise((resolve) => wrk2.on("close", resolve));
  await new Promise((r) => setTimeout(r, 1000));
  const smokeRuns = [];
  for (let i = 0; i < 3; i += 1) {
    repo.commit(`broken-${i}`, { broken: true });
    smokeRuns.push(await deploy(repo.dir));
  }
  await wrk2Done;
  const smokeLoad = parseWrk(wrk2Out);
  const smokeOutcomes = smokeRuns.map((d) => `${d.result?.outcome ?? `exit ${d.code}`}${d.result?.step === undefined ? "" : ` at ${d.result.step}`}`);

  // 3. corrupt state.json, then a deploy under load
  const stateFile = path.join(repo.dir, ".warden/deploy/bench/state.json");
  const releasesBefore = readdirSync(path.join(repo.dir, ".warden/deploy/bench/releases")).filter((n) => !n.startsWith("."));
  const whole = readFileSync(stateFile, "utf8");
  writeFileSync(stateFile, whole.slice(0, Math.floor(whole.length / 2)));
  repo.commit("after-corrupt");
  const wrk3 = spawn("wrk", ["-t", "2", "-c", String(CONNECTIONS), "-d", `${CORRUPT_LOAD_SECONDS}s`, url]);
  let wrk3Out = "";
  wrk3.stdout.on("data", (c) => (wrk3Out += c));
  const wrk3Done = new Promise((resolve) => wrk3.on("close", resolve));
  await new Promise((r) => setTimeout(r, 1000));
  const afterCorrupt = await deploy(repo.dir);
  await wrk3Done;
  const corruptLoad = parseWrk(wrk3Out);
  const releasesAfter = readdirSync(path.join(repo.dir, ".warden/deploy/bench/releases")).filter((n) => !n.startsWith("."));
  const kept = releasesBefore.filter((r) => releasesAfter.includes(r)).length;
  const corruptWarned = /state\.json is corrupt/.test(afterCorrupt.err);
  const back = spawnSync(process.execPath, [WARDEN, "rollback", "bench"], { cwd: repo.dir, env: GIT_ENV, encoding: "utf8" });
  const rollbackOk = back.status === 0;

  // 3b. the proxy killed with SIGKILL under load: restarted by its supervisor
  const infoFile = path.join(repo.dir, ".warden/deploy/bench/proxy/info.json");
  const wrk4 = spawn("wrk", ["-t", "2", "-c", String(CONNECTIONS), "-d", `${KILL_LOAD_SECONDS}s`, url]);
  let wrk4Out = "";
  wrk4.stdout.on("data", (c) => (wrk4Out += c));
  const wrk4Done = new Promise((resolve) => wrk4.on("close", resolve));
  await new Promise((r) => setTimeout(r, 2000));
  const killedPid = JSON.parse(readFileSync(infoFile, "utf8")).pid;
  const killedAt = performance.now();
  process.kill(killedPid, "SIGKILL");
  let backMs;
  while (performance.now() - killedAt < 10_000) {
    const status = await fetch(url).then((r) => r.arrayBuffer().then(() => r.status), () => 0);
    if (status === 200) {
      backMs = performance.now() - killedAt;
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await wrk4Done;
  const killLoad = parseWrk(wrk4Out);
  const killFailed = killLoad.non2xx + killLoad.socketErrors;
  // the same without load: one request sent right after each of 5 kills (it waits in the kept
  // socket's backlog), its time from the kill to the answer
  const quietGaps = [];
  let quietFailed = 0;
  for (let i = 0; i < 5; i += 1) {
    await new Promise((r) => setTimeout(r, 1500)); // the supervisor prepares a new warm standby
    const pid = JSON.parse(readFileSync(infoFile, "utf8")).pid;
    const at = performance.now();
    process.kill(pid, "SIGKILL");
    // a new connection (fetch would reuse a keep-alive connection to the killed process)
    const status = await new Promise((resolve) => {
      const req = httpGet(url, { agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      });
      req.on("error", () => resolve(0));
    });
    if (status === 200) quietGaps.push(performance.now() - at);
    else quietFailed += 1;
  }

  // 4. failing check after the switch -> old version serving again
  const recovery = [];
  const visible = [];
  for (let i = 0; i < 5; i += 1) {
    repo.commit(`bad-${i}`, { smokeFails: true, behindProxyOnly: true });
    // a client polling /smoke sees the broken version between the switch and the rollback
    let polling = true;
    const seen = [];
    const poller = (async () => {
      while (polling) {
        const at = performance.now();
        const status = await fetch(new URL("/smoke", url)).then((r) => r.arrayBuffer().then(() => r.status), () => 0);
        if (status !== 200) seen.push(at);
      }
    })();
    const bad = await deploy(repo.dir);
    polling = false;
    await poller;
    if (seen.length > 0) visible.push(seen[seen.length - 1] - seen[0]);
    const event = bad.result?.events?.find((e) => e.type === "rolled_back");
    if (bad.result?.outcome !== "rolled_back" || typeof event?.detail?.recoveryMs !== "number") fail(`expected a rollback, got ${JSON.stringify(bad.result?.outcome)} ${bad.err}`);
    recovery.push(event.detail.recoveryMs);
  }
  const serving = await (await fetch(url)).text();

  // 3. driver overhead per deploy (build: false)
  const overhead = [];
  const steps = {};
  for (let i = 0; i < 5; i += 1) {
    repo.commit(`o${i}`);
    const run = await deploy(repo.dir);
    if (run.code !== 0) fail(`deploy failed: ${run.err}`);
    overhead.push(run.ms);
    for (const e of run.result.events) if (e.step !== undefined && e.durationMs !== undefined) (steps[e.step] ??= []).push(e.durationMs);
  }

  const ok = (cond) => (cond ? "yes" : "**no**");
  const failed = load.non2xx + load.socketErrors;
  const smokeFailed = smokeLoad.non2xx + smokeLoad.socketErrors;
  const corruptFailed = corruptLoad.non2xx + corruptLoad.socketErrors;
  const recoveryMedian = median(recovery);
  const overheadMedian = median(overhead);
  const md = `## Deploy (local target)

Measured ${new Date().toISOString()} on ${machine()} (1-minute load average at the start ${startLoad.toFixed(1)}, at the end ${loadavg()[0].toFixed(1)}: other work was running). Temp git repo, a two-instance Node service,
\`warden deploy\` run as a process (\`scripts/bench/deploy.bench.mjs\`).

| measure | result | goal | met |
| --- | --- | --- | --- |
| failed + non-2xx requests under load (wrk, ${CONNECTIONS} connections, ${LOAD_SECONDS} s, two blue-green deploys: ${loadOutcomes.join(", ")}) | ${failed} of ${load.requests} (${load.non2xx} non-2xx, ${load.socketErrors} socket errors, of them ${load.timeouts} wrk timeouts after 2 s) | 0 | ${ok(failed === 0 && loadOutcomes.every((o) => o === "succeeded"))} |
| throughput through the proxy during the deploys | ${load.rps.toFixed(0)} req/s, latency avg / stdev / max ${load.latency} | — | — |
| smoke failure under load: failed + non-2xx requests (wrk, ${CONNECTIONS} connections, ${SMOKE_LOAD_SECONDS} s, three deploys of a version whose \`/\` answers 500: ${smokeOutcomes.join(", ")}) | ${smokeFailed} of ${smokeLoad.requests} (${smokeLoad.non2xx} non-2xx, ${smokeLoad.socketErrors} socket errors) | 0 | ${ok(smokeFailed === 0 && smokeRuns.every((d) => d.result?.outcome === "rolled_back" && d.result?.step === "smoke"))} |
| corrupt (truncated) state.json, then a deploy under load: failed + non-2xx requests (wrk, ${CONNECTIONS} connections, ${CORRUPT_LOAD_SECONDS} s; deploy ${afterCorrupt.result?.outcome ?? `exit ${afterCorrupt.code}`}, corruption reported: ${corruptWarned ? "yes" : "no"}) | ${corruptFailed} of ${corruptLoad.requests}; earlier releases kept ${kept} of ${releasesBefore.length}; \`warden rollback\` afterwards ${rollbackOk ? "succeeded" : `failed: ${(back.stdout + back.stderr).trim()}`} | 0, all kept, rollback works | ${ok(corruptFailed === 0 && kept === releasesBefore.length && rollbackOk && afterCorrupt.result?.outcome === "succeeded")} |
| proxy killed with SIGKILL under load (wrk, ${CONNECTIONS} connections, ${KILL_LOAD_SECONDS} s): serving again after (restarted by its supervisor, same port, confirmed routes) | ${backMs === undefined ? "not within 10 s" : `${backMs.toFixed(0)} ms`} | ≤ 1000 ms | ${ok(backMs !== undefined && backMs <= 1000)} |
| proxy killed with SIGKILL without load, 5 times: a request sent right after the kill answered after (median; it waits in the socket the supervisor keeps, then the warm standby answers) | ${quietGaps.length === 0 ? "no answer" : `${median(quietGaps).toFixed(0)} ms (max ${Math.max(...quietGaps).toFixed(0)} ms)`}; ${quietFailed} of 5 failed | ≤ 1000 ms, 0 failed | ${ok(quietGaps.length === 5 && median(quietGaps) <= 1000)} |
| failed requests around the kill under load (the connections open at the kill are reset; new ones wait in the kept socket's backlog) | ${killFailed} of ${killLoad.requests} (${killLoad.non2xx} non-2xx, ${killLoad.socketErrors} socket errors, of them ${killLoad.timeouts} wrk timeouts after 2 s) | 0 after the restart (measured as a whole) | — |
| failing check after the switch (a version failing only behind the proxy) → old version serving all traffic (median of ${recovery.length}; \`recoveryMs\` of the \`rolled_back\` event) | ${recoveryMedian.toFixed(1)} ms (max ${Math.max(...recovery).toFixed(1)} ms); afterwards serving \`${serving.trim()}\` | ≤ 1000 ms | ${ok(recoveryMedian <= 1000)} |
| the broken version as a polling client saw it: first to last failed answer (median of ${visible.length}; includes the smoke check's own attempts) | ${visible.length === 0 ? "never seen" : `${median(visible).toFixed(0)} ms`} | — | — |
| driver overhead per deploy, build excluded (wall time of \`warden deploy\`, median of ${overhead.length}) | ${(overheadMedian / 1000).toFixed(2)} s (min ${(Math.min(...overhead) / 1000).toFixed(2)} s) | ≤ 3 s | ${ok(overheadMedian <= 3000)} |

Median step durations of those deploys (ms): ${Object.entries(steps)
    .map(([step, values]) => `${step} ${median(values).toFixed(0)}`)
    .join(" · ")}.
`;
  writeSection("deploy", md);
  process.stdout.write(md);
  if (failed !== 0 || smokeFailed !== 0 || corruptFailed !== 0 || kept !== releasesBefore.length || !rollbackOk || recoveryMedian > 1000 || overheadMedian > 3000) process.exitCode = 1;
} finally {
  killAll(repo.dir);
  rmSync(repo.dir, { recursive: true, force: true });
}
