import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeployEnvironmentSchema, type DeployEvent } from "@warden/core";
import { DeployRefusedError, deploy, exec, logs, maintenance, readEvents, rollback, status } from "@warden/deploy";
import { freePort, type TempRepo } from "@warden/test-utils";
import { cleanupRepo, commitService, get, killLayout, serviceRepo, startLoad, strayProcesses } from "./helpers.js";
import { startSshd, type Sshd } from "./sshd.js";

// Three hosts, each a real sshd on its own loopback port with its own folder (its "disk"), shared by
// every case here: a first deploy, a blue-green deploy under load on every host's proxy, and a
// rolling deploy under load that one host fails (health), rolled back on all three — host 1
// switched first, host 2 launched only after host 1 passed its smoke.

interface Host {
  readonly sshd: Sshd;
  readonly remote: string;
  readonly port: number;
}

let hosts: Host[];
let repo: TempRepo;

/** The service: `version` on / (500 with `failing`), its health 500 where the host's environment folder has a file `unhealthy`. */
function service(version: string, failing = false): string {
  return `import { createServer } from "node:http";
import { existsSync } from "node:fs";
const server = createServer((req, res) => {
  if (req.url === "/healthz") { res.writeHead(existsSync("../../unhealthy") ? 500 : 200); res.end("health ${version}\\n"); return; }
  res.writeHead(${failing ? 500 : 200}, { "content-type": "text/plain" });
  res.end("${version}\\n");
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("${version} listening\\n"));
process.on("SIGTERM", () => { server.close(() => process.exit(0)); server.closeIdleConnections(); });
`;
}

const worker = `process.stdout.write("worker " + process.env.WARDEN_RELEASE + " ready\\n");
setInterval(() => {}, 1000);
process.on("SIGTERM", () => process.exit(0));
`;

type Strategy = "blue-green" | "rolling" | { type: "canary"; hosts: number; durationMs: number };

function config(strategy: Strategy, health = { retries: 100, intervalMs: 50, timeoutMs: 5000 }) {
  const [first] = hosts;
  if (first === undefined) throw new Error("no hosts");
  return DeployEnvironmentSchema.parse({
    target: {
      type: "ssh",
      hosts: hosts.map((h, i) => ({
        host: "127.0.0.1",
        sshPort: h.sshd.port,
        user: h.sshd.user,
        identityFile: h.sshd.identityFile,
        knownHostsFile: h.sshd.knownHostsFile,
        path: h.remote,
        port: h.port,
        roles: i === 2 ? ["web", "worker"] : ["web"],
      })),
      roles: {
        // healthy once its log says ready (the command runs in the release folder on the host)
        worker: { start: "node worker.mjs", health: `for i in $(seq 100); do grep -q "worker $WARDEN_RELEASE ready" ../../logs/$WARDEN_RELEASE.0.log 2>/dev/null && exit 0; sleep 0.05; done; exit 1` },
      },
      parallelism: 3,
      path: first.remote,
      app: "app",
      start: "node server.mjs",
      port: first.port,
      stopTimeoutMs: 2000,
    },
    strategy: typeof strategy === "string" ? { type: strategy } : strategy,
    health,
    preflight: { cleanTree: true, check: false, scan: false },
    build: false,
    migrate: { command: `echo "$WARDEN_RELEASE $(pwd)" >> ${path.join(first.remote, "migrate.log")}`, dir: "migrations" },
  });
}

const proxyUrl = (h: Host): string => `http://127.0.0.1:${h.port}/`;
const label = (h: Host): string => `127.0.0.1:${h.sshd.port}`;

/** Deploy with load on every host's proxy; the deploy's result and the load's failures per host. */
async function underLoad(strategy: Strategy, health?: { retries: number; intervalMs: number; timeoutMs: number }) {
  const loads = hosts.map((h) => startLoad(proxyUrl(h), 2, { pauseMs: 5 }));
  const result = await deploy({ root: repo.dir, env: "box", config: config(strategy, health) });
  const seen = await Promise.all(loads.map((l) => l.stop()));
  return { result, seen };
}

function ofRelease(release: string): DeployEvent[] {
  return readEvents(repo.dir, "box").filter((e) => e.release === release);
}

/**
 * Host 2's sessions find this `systemctl` first on their PATH: it says systemd runs, records its
 * arguments, and `enable FILE` succeeds only when `systemd-analyze verify` accepts the unit file.
 * (Hosts 1 and 3 have the machine's own systemctl, with no systemd running.)
 */
let shims: string;
const fakeSystemctl = (dir: string): string => `#!/bin/sh
printf '%s\\n' "$*" >> '${dir}/systemctl.log'
user=; if [ "$1" = --user ]; then user=--user; shift; export XDG_RUNTIME_DIR='${dir}/runtime'; mkdir -p "$XDG_RUNTIME_DIR"; fi
case "$1" in
  is-system-running) echo running ;;
  daemon-reload) ;;
  enable) out=$(systemd-analyze $user verify "$2" 2>&1); rc=$?; printf 'verify %s: exit %s %s\\n' "$2" "$rc" "$out" >> '${dir}/systemctl.log'; exit $rc ;;
  *) exit 1 ;;
esac
`;

beforeAll(async () => {
  shims = mkdtempSync(path.join(tmpdir(), "warden-systemctl-"));
  writeFileSync(path.join(shims, "systemctl"), fakeSystemctl(shims), { mode: 0o755 });
  // one sshd per host, started at once
  const started = await Promise.all([startSshd(), startSshd({ env: { PATH: `${shims}:/usr/local/bin:/usr/bin:/bin` } }), startSshd()]);
  hosts = await Promise.all(started.map(async (sshd) => ({ sshd, remote: path.join(sshd.dir, "srv"), port: await freePort() })));
  repo = serviceRepo("v1");
  repo.write({ "app/server.mjs": service("v1"), "app/worker.mjs": worker, "migrations/001.sql": "create table t (id int);\n" });
  repo.commit("feat: service, worker and a migration", { noVerify: true });
});

afterAll(async () => {
  for (const h of hosts ?? []) {
    killLayout(h.remote);
    killLayout(path.join(h.remote, "box", "roles"));
  }
  if (repo !== undefined) await cleanupRepo(repo);
  for (const h of hosts ?? []) h.sshd.stop();
  if (shims !== undefined) rmSync(shims, { recursive: true, force: true });
  const marks = (hosts ?? []).map((h) => h.sshd.dir);
  let stray = strayProcesses(marks);
  for (let i = 0; i < 50 && stray.length > 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stray = strayProcesses(marks);
  }
  expect(stray).toEqual([]);
});

describe("an ssh environment with three hosts (three real sshd on 127.0.0.1)", () => {
  it("refuses when one host is locked (naming it) and leaves no lock on the others; then deploys to all three: web behind each proxy, the worker role on host 3, migrate once on host 1", { timeout: 600_000 }, async () => {
    const [h1, h2, h3] = hosts as [Host, Host, Host];
    // host 3 holds a lock taken on another machine: the deploy is refused before it touches anything
    mkdirSync(path.join(h3.remote, "box"), { recursive: true });
    const foreign = { pid: 4242, host: "build-7.example", user: "ci", release: "r-other", since: new Date().toISOString(), step: "health" };
    writeFileSync(path.join(h3.remote, "box", "lock"), `${JSON.stringify(foreign)}\n`);
    const refused = await deploy({ root: repo.dir, env: "box", config: config("blue-green") }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DeployRefusedError);
    expect((refused as Error).message).toContain(`127.0.0.1:${h3.sshd.port}:${h3.remote}/box/lock was taken by ci on build-7.example, pid 4242`);
    for (const h of [h1, h2]) expect(existsSync(path.join(h.remote, "box", "lock"))).toBe(false);
    expect(existsSync(path.join(h1.remote, "box", "releases"))).toBe(false);
    rmSync(path.join(h3.remote, "box", "lock"));

    const first = await deploy({ root: repo.dir, env: "box", config: config("blue-green") });
    expect(first.outcome, first.error).toBe("succeeded");
    for (const h of hosts) expect(await get(proxyUrl(h))).toEqual({ status: 200, body: "v1" });
    // the release is on every host; migrations ran once, on the first host, in its release folder
    for (const h of hosts) expect(existsSync(path.join(h.remote, "box", "releases", first.release, "manifest.json"))).toBe(true);
    expect(readFileSync(path.join(h1.remote, "migrate.log"), "utf8")).toBe(`${first.release} ${h1.remote}/box/releases/${first.release}\n`);
    // the worker runs on host 3 only, without proxy and without PORT
    const workerRun = path.join(h3.remote, "box", "roles", "worker", "run");
    expect(readdirSync(workerRun)).toEqual([`${first.release}.0.json`]);
    expect(existsSync(path.join(h3.remote, "box", "roles", "worker", "proxy", "info.json"))).toBe(false);
    expect(existsSync(path.join(h1.remote, "box", "roles"))).toBe(false);
    // events name the host of each per-host step
    const events = ofRelease(first.release);
    expect(new Set(events.filter((e) => e.type === "switched").map((e) => e.host))).toEqual(new Set(hosts.map(label)));
    expect(events.filter((e) => e.type === "health").map((e) => `${e.host} ${e.detail?.role ?? "web"}`).sort()).toEqual([...hosts.map((h) => `${label(h)} web`), `${label(h3)} worker`].sort());
    expect(events.filter((e) => e.type === "migrated").map((e) => e.host)).toEqual([undefined]);
    // every host's own event log has the deploy
    for (const h of hosts) {
      const onHost = readFileSync(path.join(h.remote, "box", "events.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as DeployEvent);
      expect(onHost.filter((e) => e.release === first.release).map((e) => e.type)).toEqual(events.map((e) => e.type));
    }

    // warden status lists each host: its live release, instances, proxy and lock
    const report = await status({ root: repo.dir, env: "box", config: config("blue-green") });
    expect(report.ok).toBe(true);
    expect(report.hosts?.map((h) => [h.host, h.role, h.live, h.instances.length, h.proxy === undefined ? "none" : h.proxy === null ? "down" : "up", h.lock])).toEqual([
      [label(h1), "web", first.release, 1, "up", null],
      [label(h2), "web", first.release, 1, "up", null],
      [label(h3), "web", first.release, 1, "up", null],
      [label(h3), "worker", first.release, 1, "none", null],
    ]);

    // the proxy at boot: host 2 has systemd (the stand-in), so its unit was enabled from the proxy's
    // folder (verified by systemd-analyze); hosts 1 and 3 have none: the fallback is recorded
    const boot = report.hosts?.filter((h) => h.role === "web").map((h) => (h.proxy === null ? undefined : h.proxy?.boot));
    const unit2 = readdirSync(path.join(h2.remote, "box", "proxy")).find((f) => f.endsWith(".service"));
    expect(boot?.[1]).toMatchObject({ systemd: true, scope: process.getuid?.() === 0 ? "system" : "user", unit: `${h2.remote}/box/proxy/${unit2}` });
    for (const b of [boot?.[0], boot?.[2]]) expect(b).toMatchObject({ systemd: false, reason: expect.stringMatching(/is-system-running: |no systemctl on the host/) as unknown });
    const calls = readFileSync(path.join(shims, "systemctl.log"), "utf8").trim().split("\n");
    const user = process.getuid?.() === 0 ? "" : "--user ";
    expect(calls.slice(0, 3)).toEqual([`${user}is-system-running`, `${user}daemon-reload`, `${user}enable ${h2.remote}/box/proxy/${unit2}`]);
    expect(calls.slice(3).join("\n")).toMatch(new RegExp(`^verify ${h2.remote.replaceAll(".", "\\.")}/box/proxy/${unit2?.replaceAll(".", "\\.")}: exit 0\\b`));
    expect(readFileSync(path.join(h2.remote, "box", "proxy", unit2 ?? ""), "utf8")).toContain('ExecStart="/');
  });

  it("day two on several hosts: logs of every web host prefixed by host (or --host), exec on the first web host (or --host, or --all), maintenance on every proxy (or one)", { timeout: 120_000 }, async () => {
    const [h1, h2, h3] = hosts as [Host, Host, Host];
    const live = (await status({ root: repo.dir, env: "box", config: config("blue-green") })).live as string;
    const collect = () => {
      const out = { stdout: "", stderr: "" };
      return { out, io: { stdout: { write: (c: string) => (out.stdout += c) }, stderr: { write: (c: string) => (out.stderr += c) } } };
    };
    const base = { root: repo.dir, env: "box", config: config("blue-green") };
    // logs: every web host's instance log, each line prefixed with its host (the worker's log is not a web log)
    const all = collect();
    expect(await logs({ ...base, lines: 5, io: all.io }), all.out.stderr).toBe(0);
    const prefixes = (text: string): Set<string> => new Set(text.trim().split("\n").map((line) => /^\[([^\]]+)\] /.exec(line)?.[1] ?? `unprefixed: ${line}`));
    expect(prefixes(all.out.stdout)).toEqual(new Set(hosts.map(label)));
    for (const h of hosts) expect(all.out.stdout).toContain(`[${label(h)}] v1 listening\n`);
    const one = collect();
    expect(await logs({ ...base, host: label(h3), lines: 5, io: one.io })).toBe(0);
    expect(prefixes(one.out.stdout)).toEqual(new Set([label(h3)]));
    expect(one.out.stdout).toContain(`[${label(h3)}] v1 listening\n`);
    // --host by bare name: three hosts are 127.0.0.1 here, so it must name the port
    await expect(logs({ ...base, host: "127.0.0.1", io: one.io })).rejects.toThrow(/several hosts are named 127\.0\.0\.1; name one with its ssh port/);
    await expect(logs({ ...base, host: "nowhere", io: one.io })).rejects.toThrow(/"box" has no such host; its hosts: /);

    // exec: once, on the first web host, in its live release folder (no prefix)
    const first = collect();
    expect(await exec({ ...base, command: "pwd; exit 4", io: first.io })).toBe(4);
    expect(first.out.stdout).toBe(`${h1.remote}/box/releases/${live}\n`);
    const picked = collect();
    expect(await exec({ ...base, host: label(h2), command: "pwd", io: picked.io })).toBe(0);
    expect(picked.out.stdout).toBe(`[${label(h2)}] ${h2.remote}/box/releases/${live}\n`);
    const everywhere = collect();
    expect(await exec({ ...base, all: true, command: "echo $WARDEN_RELEASE; pwd", io: everywhere.io })).toBe(0);
    expect(everywhere.out.stdout.trim().split("\n")).toEqual(hosts.flatMap((h) => [`[${label(h)}] ${live}`, `[${label(h)}] ${h.remote}/box/releases/${live}`]));

    // maintenance: every web host's proxy answers 503, then one host serves again, then all
    await maintenance({ ...base, on: true, retryAfter: 7 });
    for (const h of hosts) expect((await get(proxyUrl(h))).status).toBe(503);
    await maintenance({ ...base, host: label(h2), on: false });
    expect(await get(proxyUrl(h2))).toEqual({ status: 200, body: "v1" });
    for (const h of [h1, h3]) expect((await get(proxyUrl(h))).status).toBe(503);
    await maintenance({ ...base, on: false });
    for (const h of hosts) expect(await get(proxyUrl(h))).toEqual({ status: 200, body: "v1" });
  });

  it("blue-green across hosts under load: every host passes health and smoke before any switch; 0 failed requests", { timeout: 600_000 }, async () => {
    commitService(repo, service("v3"));
    const { result, seen } = await underLoad("blue-green");
    expect(result.outcome, result.error).toBe("succeeded");
    for (const s of seen) {
      expect(s.failures).toEqual([]);
      expect(s.ok).toBeGreaterThan(0);
    }
    for (const h of hosts) expect(await get(proxyUrl(h))).toEqual({ status: 200, body: "v3" });
    const events = ofRelease(result.release);
    const firstSwitch = events.findIndex((e) => e.type === "switched");
    const lastBeforeSwitchSmoke = events.findLastIndex((e) => e.type === "smoke" && e.detail?.phase === "before-switch");
    expect(events.filter((e) => e.type === "smoke" && e.detail?.phase === "before-switch").map((e) => e.host).sort()).toEqual(hosts.map(label).sort());
    expect(lastBeforeSwitchSmoke).toBeLessThan(firstSwitch);
  });

  it("rolling under load, one host at a time, with one host failing health: all three roll back, the host already switched goes back, 0 failed requests", { timeout: 600_000 }, async () => {
    const [h1, h2, h3] = hosts as [Host, Host, Host];
    const live = (await status({ root: repo.dir, env: "box", config: config("rolling") })).live;
    writeFileSync(path.join(h2.remote, "box", "unhealthy"), "");
    try {
      commitService(repo, service("v4"));
      const { result, seen } = await underLoad("rolling", { retries: 4, intervalMs: 50, timeoutMs: 5000 });
      expect(result.outcome).toBe("rolled_back");
      // one host at a time: host 2 launched only after host 1 switched and passed its smoke through its proxy
      const web = ofRelease(result.release).filter((e) => e.detail?.role === undefined && (e.type === "launched" || (e.type === "smoke" && e.detail?.phase === "after-switch")));
      expect(web.map((e) => `${e.type} ${e.host}`).slice(0, 3)).toEqual([`launched ${label(h1)}`, `smoke ${label(h1)}`, `launched ${label(h2)}`]);
      expect(result.error).toMatch(new RegExp(`^on ${label(h2).replaceAll(".", "\\.")} \\(web\\): .*expected 200, got status 500`));
      for (const s of seen) expect(s.failures).toEqual([]);
      for (const h of hosts) expect(await get(proxyUrl(h))).toEqual({ status: 200, body: "v3" });
      const outcome = ofRelease(result.release).find((e) => e.type === "rolled_back");
      expect(outcome?.detail).toMatchObject({
        failedHost: `${label(h2)} (web)`,
        trafficSwitched: true,
        serving: live,
        hosts: [
          { host: label(h1), role: "web", trafficSwitched: true, state: "restored" },
          { host: label(h2), role: "web", trafficSwitched: false, state: "failed" },
          { host: label(h3), role: "web", trafficSwitched: false, state: "untouched" },
          { host: label(h3), role: "worker", trafficSwitched: false, state: "restored" },
        ],
      });
      // nothing of v4 is left on any host: no release folder, no instance, the worker of v3 runs on
      for (const h of hosts) {
        expect(existsSync(path.join(h.remote, "box", "releases", result.release))).toBe(false);
        expect(readdirSync(path.join(h.remote, "box", "run")).filter((f) => f.startsWith(result.release))).toEqual([]);
      }
      expect(readdirSync(path.join(h3.remote, "box", "roles", "worker", "run"))).toEqual([`${live}.0.json`]);
      // status: every host on the old release; host 2 reported down (its marker fails every version's health)
      const report = await status({ root: repo.dir, env: "box", config: config("rolling") });
      expect(report.hosts?.map((h) => [h.host, h.role, h.live, h.ok])).toEqual([
        [label(h1), "web", live, true],
        [label(h2), "web", live, false],
        [label(h3), "web", live, true],
        [label(h3), "worker", live, true],
      ]);
      expect(report.ok).toBe(false);
    } finally {
      rmSync(path.join(h2.remote, "box", "unhealthy"), { force: true });
    }
  });

  it("warden rollback across hosts: one host failing health leaves every host on the live release; then every host goes back to the release before, worker too, each step an event with its host", { timeout: 300_000 }, async () => {
    const [h1, h2, h3] = hosts as [Host, Host, Host];
    const before = await status({ root: repo.dir, env: "box", config: config("blue-green") });
    const live = before.live as string;
    const history = readEvents(repo.dir, "box").filter((e) => e.type === "succeeded").map((e) => e.release);
    const previous = history.at(-2) as string;
    expect(history.at(-1)).toBe(live);

    writeFileSync(path.join(h2.remote, "box", "unhealthy"), "");
    let failed;
    try {
      failed = await rollback({ root: repo.dir, env: "box", config: config("blue-green", { retries: 4, intervalMs: 50, timeoutMs: 5000 }) });
    } finally {
      rmSync(path.join(h2.remote, "box", "unhealthy"), { force: true });
    }
    expect(failed.outcome).toBe("failed");
    expect(failed.release).toBe(previous);
    expect(failed.error).toMatch(new RegExp(`^on ${label(h2).replaceAll(".", "\\.")} \\(web\\): .*expected 200, got status 500`));
    const outcome = failed.events.find((e) => e.type === "failed");
    expect(outcome?.detail).toMatchObject({ manual: true, serving: live, failedHost: `${label(h2)} (web)` });
    for (const h of hosts) expect(await get(proxyUrl(h))).toEqual({ status: 200, body: "v3" });
    for (const h of hosts) expect(existsSync(path.join(h.remote, "box", "lock"))).toBe(false);

    const back = await rollback({ root: repo.dir, env: "box", config: config("blue-green") });
    expect(back.outcome, back.error).toBe("rolled_back");
    expect(back.release).toBe(previous);
    for (const h of hosts) expect(await get(proxyUrl(h))).toEqual({ status: 200, body: "v1" });
    // per host: started, health, switched and smoke through its proxy, each with its host
    const steps = back.events.filter((e) => e.type === "switched").map((e) => e.host);
    expect(steps.sort()).toEqual(hosts.map(label).sort());
    expect(back.events.filter((e) => e.type === "health").map((e) => `${e.host} ${String(e.detail?.role ?? "web")}`).sort()).toEqual([...hosts.map((h) => `${label(h)} web`), `${label(h3)} worker`].sort());
    expect(back.events.at(-1)?.detail).toMatchObject({
      from: live,
      to: previous,
      manual: true,
      hosts: [
        { host: label(h1), role: "web", from: live, instances: 1 },
        { host: label(h2), role: "web", from: live, instances: 1 },
        { host: label(h3), role: "web", from: live, instances: 1 },
        { host: label(h3), role: "worker", from: live, instances: 1 },
      ],
    });
    // every host records the rollback as its newest live entry; only the rolled-back release runs
    const report = await status({ root: repo.dir, env: "box", config: config("blue-green") });
    expect(report.hosts?.map((h) => [h.host, h.role, h.live, h.instances.length, h.ok])).toEqual([
      [label(h1), "web", previous, 1, true],
      [label(h2), "web", previous, 1, true],
      [label(h3), "web", previous, 1, true],
      [label(h3), "worker", previous, 1, true],
    ]);
    for (const h of hosts) expect(readdirSync(path.join(h.remote, "box", "run"))).toEqual([`${previous}.0.json`]);
    expect(readdirSync(path.join(h3.remote, "box", "roles", "worker", "run"))).toEqual([`${previous}.0.json`]);
  });

  it("canary across hosts under load: the canary host switches first and is observed, then the rest (0 failed requests); a canary whose / fails is rejected and only the canary host goes back", { timeout: 400_000 }, async () => {
    const [h1, h2, h3] = hosts as [Host, Host, Host];
    commitService(repo, service("v5"));
    const good = await underLoad({ type: "canary", hosts: 1, durationMs: 600 });
    expect(good.result.outcome, good.result.error).toBe("succeeded");
    for (const s of good.seen) expect(s.failures).toEqual([]);
    for (const h of hosts) expect(await get(proxyUrl(h))).toEqual({ status: 200, body: "v5" });
    const promoted = ofRelease(good.result.release).filter((e) => e.detail?.role === undefined && ["launched", "switched", "canary"].includes(e.type));
    const at = (type: string, h: Host): number => promoted.findIndex((e) => e.type === type && e.host === label(h));
    // host 1 started, switched and was observed (promoted) before host 2 or 3 started the new release
    expect(promoted.slice(0, 3).map((e) => `${e.type} ${e.host}`)).toEqual([`launched ${label(h1)}`, `switched ${label(h1)}`, `canary ${label(h1)}`]);
    expect(promoted[2]?.detail).toMatchObject({ phase: "hosts", canaryHosts: [label(h1)], promote: true });
    for (const h of [h2, h3]) {
      expect(at("launched", h)).toBeGreaterThan(2);
      expect(at("switched", h)).toBeGreaterThan(at("launched", h));
    }

    const live = good.result.release;
    commitService(repo, service("v6", true));
    const { result, seen } = await underLoad({ type: "canary", hosts: 1, durationMs: 600 });
    expect(result.outcome).toBe("rolled_back");
    expect(result.step).toBe("canary");
    const events = ofRelease(result.release);
    // the canary host was started, switched and observed; the other web hosts never started the new release
    const web = events.filter((e) => e.detail?.role === undefined && ["launched", "switched", "canary"].includes(e.type));
    expect(web.map((e) => `${e.type} ${e.host}`)).toEqual([`launched ${label(h1)}`, `switched ${label(h1)}`, `canary ${label(h1)}`]);
    expect(events.find((e) => e.type === "canary")?.detail).toMatchObject({ phase: "hosts", canaryHosts: [label(h1)], promote: false });
    expect(events.find((e) => e.type === "rolled_back")?.detail).toMatchObject({
      serving: live,
      hosts: [
        { host: label(h1), role: "web", trafficSwitched: true, state: "restored" },
        { host: label(h2), role: "web", trafficSwitched: false, state: "untouched" },
        { host: label(h3), role: "web", trafficSwitched: false, state: "untouched" },
        { host: label(h3), role: "worker", trafficSwitched: false, state: "restored" },
      ],
    });
    // only the canary host's users saw the bad release's errors
    expect(seen[0]?.failed).toBeGreaterThan(0);
    expect(new Set(seen[0]?.failures)).toEqual(new Set(["status 500"]));
    expect(seen.slice(1).map((s) => s.failures)).toEqual([[], []]);
    for (const h of hosts) expect(await get(proxyUrl(h))).toEqual({ status: 200, body: "v5" });
    for (const h of [h1, h2, h3]) expect(readdirSync(path.join(h.remote, "box", "run"))).toEqual([`${live}.0.json`]);
  });
});
