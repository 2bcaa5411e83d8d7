import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { Agent, createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxyEnv, proxyScript, proxyUnit, proxyUnitArgv, proxyUnitName, supervisorScript, type ProxyUnitOptions } from "@warden/deploy";
import { get } from "./helpers.js";

// paths a unit file and a shell must both quote: a space, `%` (a systemd specifier) and `$`
let base: string;
let options: ProxyUnitOptions;
let upstream: Server;
let supervisorPid: number | undefined;
let supervisorLog = "";
const limits = { connectTimeoutMs: 5000, readTimeoutMs: 60_000, maxBodyBytes: 10 * 1024 * 1024 };

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), "warden-unit-"));
  const node = path.join(base, "node dir", "node");
  mkdirSync(path.dirname(node));
  symlinkSync(process.execPath, node);
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
  options = { env: "staging", node, dir: path.join(base, "deploy $HOME 100%", "staging"), port, limits };
});

afterAll(() => {
  if (supervisorPid !== undefined) process.kill(-supervisorPid, "SIGKILL");
  upstream?.close();
  rmSync(base, { recursive: true, force: true });
});

/** `systemd-analyze --user verify` of a unit file: its exit code and everything it printed (warnings included). */
function verify(unit: string, name: string): { status: number | null; output: string } {
  const file = path.join(base, name);
  writeFileSync(file, unit);
  const runtime = path.join(base, "runtime");
  mkdirSync(runtime, { recursive: true });
  chmodSync(runtime, 0o700);
  const result = spawnSync("systemd-analyze", ["--user", "verify", file], { encoding: "utf8", env: { ...process.env, XDG_RUNTIME_DIR: runtime } });
  if (result.error !== undefined) throw new Error(`systemd-analyze is needed (Debian package systemd; scripts/ci/system-deps.sh installs it): ${result.error.message}`);
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

describe("the proxy's systemd unit", () => {
  it("is a user unit systemd-analyze verify accepts without a warning, restarted on failure, started with the user's manager", () => {
    const unit = proxyUnit(options);
    const name = proxyUnitName(options);
    expect(name).toMatch(/^warden-proxy-staging-[0-9a-f]{8}\.service$/);
    expect(verify(unit, name)).toEqual({ status: 0, output: "" });
    const keys = unit.split("\n").filter((line) => /^[A-Za-z]+=/.test(line));
    expect(keys).toEqual(
      expect.arrayContaining(["Type=simple", "Restart=on-failure", "KillMode=control-group", "WantedBy=default.target", `StandardOutput=append:${options.dir.replace("%", "%%")}/proxy/proxy.log`]),
    );
    // `$` and `%` escaped for systemd in ExecStart, the proxy's own command line quoted for the shell
    expect(unit).toContain('"--listen"');
    expect(unit).toContain("deploy $$HOME 100%%");
    // the check has bite: a node that does not exist fails it
    const broken = verify(unit.replace(/^ExecStart="[^"]+"/m, 'ExecStart="/nonexistent/node"'), "warden-proxy-broken.service");
    expect(broken.output).toMatch(/nonexistent\/node is not executable/);
  });

  it("runs the command the unit starts: the supervisor binds the port, writes its pid file and its proxy serves the confirmed routes", async () => {
    upstream = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("v1\n");
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const address = upstream.address();
    const proxyDir = path.join(options.dir, "proxy");
    mkdirSync(proxyDir, { recursive: true });
    writeFileSync(path.join(options.dir, "supervisor.mjs"), supervisorScript());
    writeFileSync(path.join(proxyDir, "proxy.mjs"), proxyScript());
    writeFileSync(path.join(proxyDir, "routes.json"), JSON.stringify([{ url: `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`, weight: 1, tag: "r1#0" }]));
    const [command, ...args] = proxyUnitArgv(options);
    const supervisor = spawn(command ?? "", args, { cwd: proxyDir, env: { ...process.env, ...proxyEnv(limits) }, stdio: ["ignore", "pipe", "inherit"], detached: true });
    supervisorPid = supervisor.pid;
    supervisor.stdout.on("data", (chunk: Buffer) => (supervisorLog += chunk.toString("utf8")));
    const info = path.join(proxyDir, "info.json");
    for (let i = 0; i < 600 && !existsSync(info); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(JSON.parse(readFileSync(info, "utf8"))).toMatchObject({ port: options.port });
    expect(await get(`http://127.0.0.1:${options.port}/`)).toEqual({ status: 200, body: "v1" });
    expect(JSON.parse(readFileSync(path.join(proxyDir, "supervisor.json"), "utf8"))).toEqual({ pid: supervisor.pid });
  });

  it("accepts on 16 copies of the supervisor's socket (one connection each per event-loop turn): 64 connections opened at once are all answered", async () => {
    const pid = (JSON.parse(readFileSync(path.join(options.dir, "proxy", "info.json"), "utf8")) as { pid: number }).pid;
    const fds = readdirSync(`/proc/${pid}/fd`).map((fd) => ({ fd: Number(fd), link: readlinkSync(`/proc/${pid}/fd/${fd}`) }));
    const listening = fds.find((entry) => entry.fd === 3)?.link;
    expect(listening).toMatch(/^socket:\[\d+\]$/);
    expect(fds.filter((entry) => entry.link === listening).map((entry) => entry.fd).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, n) => 3 + n));
    const answers = await Promise.all(Array.from({ length: 64 }, () => get(`http://127.0.0.1:${options.port}/`)));
    expect(answers.filter((answer) => answer.status === 200 && answer.body === "v1")).toHaveLength(64);
  });

  it("killed with SIGKILL while keep-alive clients are busy, comes back by itself: no request on a connection made after the kill fails", async () => {
    const info = path.join(options.dir, "proxy", "info.json");
    // the supervisor's warm standby is ready (it says so in its log)
    for (let i = 0; i < 600 && !/warm standby \(pid \d+\) ready/.test(supervisorLog); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    const killed = (JSON.parse(readFileSync(info, "utf8")) as { pid: number }).pid;
    let killedAt = Number.POSITIVE_INFINITY;
    // eight clients, one kept-alive connection each (a new one after a failure, as wrk does)
    const requests: { opened: number; status: number }[] = [];
    const opened = new WeakMap<object, number>();
    let stop = false;
    const client = async (): Promise<void> => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      while (!stop) {
        await new Promise<void>((resolve) => {
          let at = Date.now();
          const req = request({ host: "127.0.0.1", port: options.port, path: "/", agent }, (res) => {
            res.resume();
            res.on("end", () => {
              requests.push({ opened: at, status: res.statusCode ?? 0 });
              resolve();
            });
          });
          req.on("socket", (socket) => {
            if (!opened.has(socket)) opened.set(socket, Date.now());
            at = opened.get(socket) ?? at;
          });
          req.on("error", () => {
            requests.push({ opened: at, status: 0 });
            resolve();
          });
          req.end();
        });
      }
      agent.destroy();
    };
    const after = (): typeof requests => requests.filter((r) => r.opened >= killedAt);
    const clients = Array.from({ length: 8 }, client);
    for (let i = 0; i < 400 && requests.length < 40; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    killedAt = Date.now();
    process.kill(killed, "SIGKILL");
    for (let i = 0; i < 2000 && after().filter((r) => r.status === 200).length < 80; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    stop = true;
    await Promise.all(clients);
    expect(after().filter((r) => r.status !== 200)).toEqual([]);
    expect(after().length).toBeGreaterThanOrEqual(80);
    expect(supervisorLog).toMatch(/child exited \(SIGKILL\); its warm standby \(pid \d+\) takes over/);
    expect(JSON.parse(readFileSync(info, "utf8"))).toMatchObject({ port: options.port, restarts: 1 });
  });
});
