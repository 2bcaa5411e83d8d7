import { existsSync, mkdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { WardenError } from "@warden/core";
import type { Host } from "./hosts/host.js";
import { proxyScript, type ProxyInfo, type ProxyLimits, type ProxyPendingSwitch, type ProxyRestart, type ProxyRevert, type ProxyRoute, type ProxyStats } from "./proxy.js";
import { supervisorScript } from "./supervisor.js";
import { proxyCommandLine, proxyEnv, proxyUnit, proxyUnitName } from "./proxy-unit.js";
import { createReleaseDir, type ReleaseManifest } from "./release.js";
import { shellQuote } from "./shell.js";
import { hostLockStore } from "./lock.js";
import { EMPTY_STATE, parseState, rebuildState, stateText } from "./state.js";
import { parseEventLines, readEventsLenient } from "./events.js";
import type { Instance, InstanceTarget, LiveState, MaintenanceMode, ProxyBoot, Recovery, Route, TargetContext, UnconfirmedSwitch } from "./types.js";

/** What an instance target runs and where. */
export interface InstanceSettings {
  /** The environment's folder on the host. */
  readonly dir: string;
  /** The folder on this machine where releases are assembled before they are uploaded. */
  readonly outgoing: string;
  readonly app: string;
  readonly start: string;
  readonly env: Readonly<Record<string, string>>;
  /** Proxy port on the host's 127.0.0.1 (0: chosen once, then kept). */
  readonly port: number;
  readonly stopTimeoutMs: number;
  /** Limits of the proxy (applied when it starts). */
  readonly proxy: ProxyLimits;
  /** How to check a release folder against its manifest's content hash (undefined: manifest present is enough). */
  readonly verify: ((releaseDir: string) => Promise<boolean>) | undefined;
  readonly type: InstanceTarget["type"];
  readonly describe: string;
  /** Whether the instances serve behind the proxy (false: a worker role: no proxy is started, no PORT is set). */
  readonly proxied?: boolean;
}

function parse<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** One call to the proxy's admin endpoint: its status and body (connection errors reject). */
function adminCall(port: number, token: string | undefined, method: "GET" | "POST", urlPath: string, body?: unknown, timeoutMs = 5000): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = token === undefined ? {} : { authorization: `Bearer ${token}` };
    const req = request({ host: "127.0.0.1", port, method, path: urlPath, agent: false, timeout: timeoutMs, headers }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("timeout", () => req.destroy(new Error(`proxy admin ${urlPath} timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function admin(port: number, token: string | undefined, method: "GET" | "POST", urlPath: string, body?: unknown): Promise<unknown> {
  const { status, text } = await adminCall(port, token, method, urlPath, body);
  if (status !== 200) throw new Error(`proxy admin ${urlPath}: ${status}: ${text.trim()}`);
  return JSON.parse(text);
}

/** The absolute path of `command` on the host (`command -v`), or undefined. */
async function absoluteCommand(host: Host, command: string): Promise<string | undefined> {
  const found = (await host.shell(`command -v ${shellQuote(command)}`)).output.trim().split("\n").at(-1) ?? "";
  return found.startsWith("/") ? found : undefined;
}

/**
 * Enable the proxy's unit file with the host's systemd, so that the proxy comes back after a
 * reboot: the system manager when the ssh user is root, else the user's (`systemctl --user`; it
 * starts at boot only with lingering on, `loginctl enable-linger`). `systemctl enable <file>`
 * links the unit from the proxy's folder and enables it (it is not started: the supervisor Warden
 * started serves until the next boot). Without a usable systemd the fallback is recorded:
 * after a reboot the next deploy or rollback starts the proxy.
 */
async function enableAtBoot(host: Host, unitFile: string): Promise<ProxyBoot> {
  const at = new Date().toISOString();
  const script = [
    'command -v systemctl >/dev/null 2>&1 || { echo "no systemctl on the host"; exit 3; }',
    'if [ "$(id -u)" = 0 ]; then scope=system; u=; else scope=user; u=--user; fi',
    // running, degraded (a failed unit elsewhere) or starting: a manager that starts units at boot
    'state=$(systemctl $u is-system-running 2>&1); case "$state" in running|degraded|starting|initializing) ;; *) echo "systemctl ${u:+$u }is-system-running: $(printf %s "$state" | tail -n 1)"; exit 3;; esac',
    `systemctl $u daemon-reload && systemctl $u enable ${shellQuote(unitFile)} || exit 4`,
    // a user unit starts at boot only with lingering on: ask for it (polkit lets users set their own on most systems)
    'linger=; if [ "$scope" = user ]; then linger=$(loginctl show-user "$(id -un)" -p Linger --value 2>/dev/null); if [ "$linger" != yes ] && loginctl --no-ask-password enable-linger "$(id -un)" >/dev/null 2>&1; then linger=$(loginctl show-user "$(id -un)" -p Linger --value 2>/dev/null); fi; fi',
    'printf "%s %s\\n" "$scope" "$linger"',
  ].join("\n");
  const result = await host.shell(script);
  const last = result.output.trim().split("\n").at(-1) ?? "";
  if (result.code === 0) {
    const [scope, linger] = last.split(" ");
    return { systemd: true, scope: scope === "system" ? "system" : "user", unit: unitFile, at, ...(scope === "user" ? { linger: linger === "yes" } : {}) };
  }
  const reason = result.code === 3 ? last : `enabling ${unitFile} failed (exit code ${result.code}): ${last}`;
  return { systemd: false, reason, unit: unitFile, at };
}

/**
 * An instance target on a {@link Host}: release folders, instances with pid files and logs, and
 * Warden's proxy in front of them, all under one folder per environment. The `local` and `ssh`
 * targets are this, on this machine or over ssh.
 */
export function hostTarget(ctx: TargetContext, host: Host, settings: InstanceSettings): InstanceTarget {
  const { dir } = settings;
  const releasesDir = `${dir}/releases`;
  const runDir = `${dir}/run`;
  const logsDir = `${dir}/logs`;
  const proxyDir = `${dir}/proxy`;
  const stateFile = `${dir}/state.json`;
  const routesFile = `${proxyDir}/routes.json`;
  const infoFile = `${proxyDir}/info.json`;
  const portFile = `${proxyDir}/port`;
  const revertsFile = `${proxyDir}/reverts.jsonl`;
  const pidFile = (release: string, index: number): string => `${runDir}/${release}.${index}.json`;
  const hostEventsFile = `${dir}/events.jsonl`;
  let secrets: Record<string, string> = {};
  let eventWrites: Promise<void> = Promise.resolve();
  let eventFailure: string | undefined;
  const pendingEvents: string[] = [];

  /** A state rebuilt from the records because state.json was corrupt; written back by recover() (under the lock). */
  let rebuilt: { state: LiveState; reason: string; summary: string; corrupt: string } | undefined;

  /** The instances the proxy's confirmed routes point at, as recorded in their pid files, that still run. */
  const servingInstances = async (): Promise<Instance[]> => {
    const routes = parse<{ url: string; tag: string }[]>(await host.readText(routesFile));
    if (!Array.isArray(routes)) return [];
    const serving: Instance[] = [];
    for (const r of routes) {
      const [release, index] = String(r.tag).split("#");
      if (release === undefined || index === undefined) continue;
      const instance = parse<Instance>(await host.readText(pidFile(release, Number(index))));
      if (instance !== undefined && r.url === `http://127.0.0.1:${instance.port}` && (await host.alive(instance.pid))) serving.push(instance);
    }
    return serving;
  };

  /** Running instances of `release` recorded in pid files. */
  const runningOf = async (release: string): Promise<Instance[]> => {
    const found: Instance[] = [];
    for (const name of (await host.list(runDir)).filter((n) => n.startsWith(`${release}.`) && n.endsWith(".json"))) {
      const instance = parse<Instance>(await host.readText(`${runDir}/${name}`));
      if (instance !== undefined && instance.release === release && (await host.alive(instance.pid))) found.push(instance);
    }
    return found.sort((a, b) => a.index - b.index);
  };

  const readState = async (): Promise<LiveState> => {
    if (rebuilt !== undefined) return rebuilt.state;
    const text = await host.readText(stateFile);
    const read = parseState(text);
    if (read.kind === "ok") return read.state;
    if (read.kind === "missing") return EMPTY_STATE;
    // never act on a corrupt state: rebuild it from the event log, the release folders and what the proxy serves
    const serving = await servingInstances();
    // the events of every checkout (the host's log, ssh) and of this one
    const local = readEventsLenient(ctx.root, ctx.env);
    const remote = settings.type === "ssh" ? parseEventLines((await host.readText(hostEventsFile)) ?? "") : [];
    const seen = new Set(remote.map((e) => e.id));
    const events = [...remote, ...local.filter((e) => !seen.has(e.id))].sort((a, b) => a.at.localeCompare(b.at));
    const sources = { events, releases: await listReleases(), serving };
    const made = rebuildState(sources);
    const { summary } = made;
    let { state } = made;
    if (serving.length === 0 && state.release !== undefined) state = { ...state, instances: await runningOf(state.release) };
    rebuilt = { state, reason: read.reason, summary, corrupt: text ?? "" };
    ctx.logger.warn(`${settings.describe}/state.json is corrupt (${read.reason}); ${summary}; the corrupt file is kept as state.json.corrupt`);
    return state;
  };
  const writeState = async (state: LiveState): Promise<void> => {
    await host.writeText(stateFile, stateText(state), { durable: true });
    rebuilt = undefined;
  };

  const supervisorFile = `${proxyDir}/supervisor.json`;
  const bootFile = `${proxyDir}/boot.json`;
  const restartsFile = `${proxyDir}/restarts.jsonl`;
  const maintenanceFile = `${proxyDir}/maintenance.json`;

  const ensureSupervisorScript = async (): Promise<string> => {
    const supervisor = `${dir}/supervisor.mjs`;
    if ((await host.readText(supervisor)) !== supervisorScript()) await host.writeText(supervisor, supervisorScript());
    return supervisor;
  };

  const proxyInfo = async (): Promise<ProxyInfo | undefined> => {
    const info = parse<ProxyInfo>(await host.readText(infoFile));
    return info !== undefined && (await host.alive(info.pid)) ? info : undefined;
  };

  /** The pid of the proxy's supervisor when it runs (it restarts a crashed proxy by itself). */
  const proxySupervisor = async (): Promise<number | undefined> => {
    const pid = parse<{ pid: number }>(await host.readText(supervisorFile))?.pid;
    return pid !== undefined && (await host.alive(pid)) ? pid : undefined;
  };

  /** Wait for the info file of a live proxy (one being started or restarted by `supervisor`). */
  const awaitProxy = async (supervisor: number, ms: number): Promise<ProxyInfo | undefined> => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const info = await proxyInfo();
      if (info !== undefined) return info;
      if (!(await host.alive(supervisor))) return undefined;
      await sleep(25);
    }
    return undefined;
  };

  /** The proxy last found running by this run: lease renewals go straight to it (no ssh round trip to re-read its info). */
  let known: ProxyInfo | undefined;
  const ensureProxy = async (): Promise<ProxyInfo> => {
    known = await findOrStartProxy();
    return known;
  };
  const findOrStartProxy = async (): Promise<ProxyInfo> => {
    const running = await proxyInfo();
    if (running !== undefined) return running;
    // a supervised proxy that crashed is being restarted (backoff up to 5 s): wait for it
    const supervising = await proxySupervisor();
    if (supervising !== undefined) {
      const back = await awaitProxy(supervising, 10_000);
      if (back !== undefined) return back;
      await host.stop(supervising, 2000);
    }
    await host.writeText(`${proxyDir}/proxy.mjs`, proxyScript());
    await host.remove(infoFile);
    const saved = Number(parse<number>(await host.readText(portFile)) ?? 0);
    // the port is fixed before the first start, so a restarted proxy listens where the old one did
    const port = settings.port !== 0 ? settings.port : saved !== 0 ? saved : await host.freePort();
    await host.writeText(portFile, String(port));
    if ((await host.readText(routesFile)) === undefined) await host.writeText(routesFile, "[]\n");
    const supervisor = await ensureSupervisorScript();
    // the same proxy as a systemd unit, so that it comes back after a reboot: written beside the
    // proxy, and on an ssh host with systemd enabled there (the fallback otherwise is recorded)
    // (systemd needs node's absolute path: on an ssh host a bare `node` is looked up there)
    const node = host.node.startsWith("/") ? host.node : settings.type === "ssh" ? await absoluteCommand(host, host.node) : undefined;
    if (dir.startsWith("/") && node !== undefined) {
      const unit = { env: ctx.env, node, dir, port, limits: settings.proxy };
      const unitFile = `${proxyDir}/${proxyUnitName(unit)}`;
      await host.writeText(unitFile, proxyUnit(unit));
      if (settings.type === "ssh") await host.writeText(bootFile, `${JSON.stringify(await enableAtBoot(host, unitFile))}\n`);
    }
    const pid = await host.supervise(supervisor, proxyCommandLine(host.node, proxyDir, port), {
      listen: port,
      standby: true,
      cwd: proxyDir,
      env: proxyEnv(settings.proxy),
      logFile: `${proxyDir}/proxy.log`,
    });
    await host.writeText(supervisorFile, `${JSON.stringify({ pid })}\n`);
    const info = await awaitProxy(pid, 30_000);
    if (info !== undefined) return info;
    await host.stop(pid, 1000);
    const why = await host.tail(`${proxyDir}/proxy.log`, 40);
    const log = why === "" ? "its log is empty" : `its log (${proxyDir}/proxy.log) ends:\n${why.split("\n").map((l) => `  ${l}`).join("\n")}`;
    throw new WardenError("INPUT", `the deploy proxy for "${ctx.env}" did not start on ${host.name} 127.0.0.1:${port}; ${log}`);
  };

  /** The restarts of the proxy by its supervisor since the last deploy read them (the file is emptied). */
  const takeRestarts = (): Promise<ProxyRestart[]> => takeRecords<ProxyRestart>(restartsFile);

  /** Read a JSON-lines file of records the proxy or its supervisor appended, and empty it. */
  async function takeRecords<T>(file: string): Promise<T[]> {
    const text = await host.readText(file);
    if (text === undefined) return [];
    await host.remove(file);
    return text
      .split("\n")
      .map((line) => parse<T>(line.trim() === "" ? undefined : line))
      .filter((r): r is T => r !== undefined);
  }

  const routeBody = (routes: readonly Route[]): { url: string; weight: number; tag: string }[] =>
    routes.map((r) => ({ url: `http://127.0.0.1:${r.instance.port}`, weight: r.weight, tag: `${r.instance.release}#${r.instance.index}` }));

  const route = async (routes: readonly Route[]): Promise<void> => {
    const body = routeBody(routes);
    await host.writeText(routesFile, `${JSON.stringify(body)}\n`);
    const info = await ensureProxy();
    await admin(await host.reach(info.adminPort), info.token, "POST", "/routes", body);
  };

  let warnedNoLease = false;
  const switchProvisional = async (routes: readonly Route[], leaseMs: number): Promise<string | undefined> => {
    // routes.json keeps the confirmed routes: a proxy restarted meanwhile starts with those
    const info = await ensureProxy();
    const answer = await adminCall(await host.reach(info.adminPort), info.token, "POST", "/switch", { routes: routeBody(routes), leaseMs });
    if (answer.status === 404) {
      if (!warnedNoLease) {
        ctx.logger.warn(`the proxy of "${ctx.env}" (pid ${info.pid}) predates switch leases, so this switch is final at once; stop it (kill ${info.pid}) and the next deploy starts a current one`);
        warnedNoLease = true;
      }
      await route(routes);
      return undefined;
    }
    if (answer.status !== 200) throw new Error(`proxy admin /switch: ${answer.status}: ${answer.text.trim()}`);
    return (JSON.parse(answer.text) as { id: string }).id;
  };

  const leaseCall = async (what: "renew" | "confirm", id: string, timeoutMs?: number): Promise<boolean> => {
    // the proxy that took the switch, as found then (a renewal is one HTTP call, not two ssh commands
    // and a call: on a slow host those could outlast the lease); any error forgets it, so the next call looks again
    const info = known ?? (await ensureProxy());
    let answer: { status: number; text: string };
    try {
      answer = await adminCall(await host.reach(info.adminPort), info.token, "POST", `/switch/${what}`, { id }, timeoutMs);
    } catch (error) {
      known = undefined;
      throw error;
    }
    if (answer.status === 409) return false;
    if (answer.status !== 200) {
      known = undefined;
      throw new Error(`proxy admin /switch/${what}: ${answer.status}: ${answer.text.trim()}`);
    }
    return true;
  };

  /**
   * The provisional switch the running proxy holds, if any, and the routes it serves (both absent
   * when no proxy runs; the routes absent from a proxy older than them, a switch from one older than leases).
   */
  const switchState = async (): Promise<{ pending?: ProxyPendingSwitch; routes?: ProxyRoute[] }> => {
    const info = await proxyInfo();
    if (info === undefined) return {};
    const answer = await adminCall(await host.reach(info.adminPort), info.token, "GET", "/switch");
    if (answer.status !== 200) return {};
    const seen = JSON.parse(answer.text) as { pending: ProxyPendingSwitch | null; routes?: ProxyRoute[] };
    return { ...(seen.pending === null ? {} : { pending: seen.pending }), ...(seen.routes === undefined ? {} : { routes: seen.routes }) };
  };

  /** The reverts the proxy recorded since the last deploy read them (the file is emptied). */
  const takeReverts = (): Promise<ProxyRevert[]> => takeRecords<ProxyRevert>(revertsFile);

  const stopInstance = async (instance: Instance): Promise<void> => {
    await host.stop(instance.pid, settings.stopTimeoutMs);
    await host.remove(pidFile(instance.release, instance.index));
  };

  const manifestOf = async (release: string): Promise<ReleaseManifest | undefined> => parse<ReleaseManifest>(await host.readText(`${releasesDir}/${release}/manifest.json`));

  const listReleases = async (): Promise<ReleaseManifest[]> => {
    const names = (await host.list(releasesDir)).filter((n) => !n.startsWith(".")).sort();
    const manifests = await Promise.all(names.map(manifestOf));
    return manifests.filter((m): m is ReleaseManifest => m !== undefined);
  };

  const startInstance = async (release: string, index: number): Promise<Instance> => {
    const releaseDir = `${releasesDir}/${release}`;
    if ((await manifestOf(release)) === undefined) throw new WardenError("INPUT", `release ${release} of "${ctx.env}" does not exist on ${host.name}`);
    const port = settings.proxied === false ? 0 : await host.freePort();
    const supervisor = await ensureSupervisorScript();
    const pid = await host.supervise(supervisor, settings.start, {
      cwd: releaseDir,
      env: { ...settings.env, ...secrets, ...(settings.proxied === false ? {} : { PORT: String(port) }), WARDEN_RELEASE: release, WARDEN_ENV: ctx.env, WARDEN_INSTANCE: String(index) },
      logFile: `${logsDir}/${release}.${index}.log`,
    });
    const instance: Instance = { release, index, port, pid };
    await host.writeText(pidFile(release, index), `${JSON.stringify(instance)}\n`);
    return instance;
  };

  return {
    kind: "instances",
    type: settings.type,
    describe: () => settings.describe,
    useSecrets: (values) => {
      secrets = Object.fromEntries(values);
    },
    async recover() {
      const notes: string[] = [];
      await readState();
      if (rebuilt !== undefined) {
        const { state, reason, summary, corrupt } = rebuilt;
        await host.writeText(`${stateFile}.corrupt`, corrupt);
        await writeState(state);
        notes.push(`state.json was corrupt (${reason}); ${summary}`);
      }
      rmSync(settings.outgoing, { recursive: true, force: true });
      for (const name of (await host.list(releasesDir)).filter((n) => n.startsWith(".staging-"))) {
        await host.remove(`${releasesDir}/${name}`);
        notes.push(`removed unfinished release folder ${name}`);
      }
      const state = await readState();
      const live = new Set(state.instances.map((i) => `${i.release}.${i.index}`));
      for (const name of (await host.list(runDir)).filter((n) => n.endsWith(".json"))) {
        const instance = parse<Instance>(await host.readText(`${runDir}/${name}`));
        if (instance === undefined || live.has(`${instance.release}.${instance.index}`)) continue;
        if (await host.alive(instance.pid)) notes.push(`stopped instance ${instance.release}#${instance.index} (pid ${instance.pid}) that never went live`);
        else if (await host.groupAlive(instance.pid)) notes.push(`stopped the orphaned app of instance ${instance.release}#${instance.index} (its supervisor, pid ${instance.pid}, was killed)`);
        await stopInstance(instance);
      }
      const instances: Instance[] = [];
      for (const instance of state.instances) {
        if (await host.alive(instance.pid)) instances.push(instance);
        else {
          // a supervisor killed with SIGKILL leaves its app running in its process group, holding its port
          const orphaned = await host.groupAlive(instance.pid);
          if (orphaned) await host.stop(instance.pid, settings.stopTimeoutMs);
          instances.push(await startInstance(instance.release, instance.index));
          notes.push(`restarted live instance ${instance.release}#${instance.index} (pid ${instance.pid} was gone${orphaned ? "; its orphaned app was stopped" : ""})`);
        }
      }
      if (instances.some((i, n) => i !== state.instances[n])) await writeState({ ...state, instances });
      const known = new Set([...state.history.map((h) => h.release), ...instances.map((i) => i.release)]);
      for (const manifest of await listReleases()) {
        if (!known.has(manifest.release)) {
          await host.remove(`${releasesDir}/${manifest.release}`);
          notes.push(`discarded release ${manifest.release} that never went live`);
        }
      }
      // a provisional switch left by a killed deploy: cancelled by routing to the live instances
      const seen = settings.proxied === false ? {} : await switchState();
      const pending = seen.pending;
      const liveRoutes = instances.map((instance) => ({ instance, weight: 1 }));
      // routes set again unless the proxy, with no switch pending, serves exactly the live instances already (one admin call less per deploy)
      const inPlace = pending === undefined && seen.routes !== undefined && JSON.stringify(seen.routes) === JSON.stringify(routeBody(liveRoutes));
      if (settings.proxied !== false && (instances.length > 0 || pending !== undefined) && !inPlace) await route(liveRoutes);
      const serving = instances.map((i) => `${i.release}#${i.index}`);
      const unconfirmedSwitches: UnconfirmedSwitch[] = [];
      for (const revert of await takeReverts()) {
        unconfirmedSwitches.push({ ...revert, by: "proxy-lease" });
        notes.push(`the proxy had reverted an unconfirmed switch to ${revert.from.join(", ") || "no routes"} at ${revert.at} (not confirmed within its ${revert.leaseMs} ms lease); ${revert.to.join(", ") || "no routes"} served again`);
      }
      if (pending !== undefined && !unconfirmedSwitches.some((u) => u.id === pending.id)) {
        unconfirmedSwitches.push({ id: pending.id, by: "recover", at: new Date().toISOString(), since: pending.since, leaseMs: pending.leaseMs, from: pending.to, to: serving });
        notes.push(`cancelled an unconfirmed switch to ${pending.to.join(", ") || "no routes"} made at ${pending.since}; traffic is back on ${serving.join(", ") || "no routes"}`);
      }
      const proxyRestarts = await takeRestarts();
      for (const r of proxyRestarts) notes.push(`the proxy crashed and its supervisor restarted it at ${r.at} (${r.reason}), serving the confirmed routes ${r.routes.join(", ") || "(none)"}`);
      const recovery: Recovery = { notes, unconfirmedSwitches, proxyRestarts };
      return recovery;
    },
    readState,
    writeState,
    createRelease: async (manifest) => {
      const appDir = path.resolve(ctx.root, settings.app);
      if (!existsSync(appDir)) throw new WardenError("INPUT", `deploy.environments.${ctx.env}.target.app: ${settings.app} does not exist`);
      mkdirSync(settings.outgoing, { recursive: true });
      try {
        const made = createReleaseDir(settings.outgoing, appDir, manifest);
        await host.upload(path.join(settings.outgoing, manifest.release), `${releasesDir}/${manifest.release}`);
        return made;
      } finally {
        rmSync(settings.outgoing, { recursive: true, force: true });
      }
    },
    discardRelease: async (release) => {
      await host.remove(`${releasesDir}/${release}`);
      // its instances' logs go with it (pruned with the releases)
      for (const name of (await host.list(logsDir)).filter((n) => n.startsWith(`${release}.`) && n.endsWith(".log"))) await host.remove(`${logsDir}/${name}`);
    },
    readHostFile: (name) => host.readText(`${dir}/${name}`),
    writeHostFile: (name, text) => host.writeText(`${dir}/${name}`, text, { durable: true }),
    runInRelease: async (release, command) => {
      const supervisor = await ensureSupervisorScript();
      let output = "";
      const keep = { write: (chunk: string) => (output = (output + chunk).slice(-16_384)) };
      const code = await host.execOnce(supervisor, command, { cwd: `${releasesDir}/${release}`, env: { ...settings.env, ...secrets, WARDEN_RELEASE: release, WARDEN_ENV: ctx.env } }, { stdout: keep, stderr: keep });
      return { code, output };
    },
    backupOnHost: async (release, entries) => {
      const saved: string[] = [];
      for (const entry of entries) if (await host.copy(`${dir}/${entry}`, `${dir}/backups/${release}/${entry}`)) saved.push(entry);
      return saved;
    },
    pruneHostBackups: async (kept) => {
      for (const name of await host.list(`${dir}/backups`)) if (!kept.has(name)) await host.remove(`${dir}/backups/${name}`);
    },
    setMaintenance: async (mode) => {
      if (mode === undefined) await host.remove(maintenanceFile);
      else await host.writeText(maintenanceFile, `${JSON.stringify(mode)}\n`);
      const info = await ensureProxy();
      await admin(await host.reach(info.adminPort), info.token, "POST", "/maintenance");
    },
    maintenance: async () => parse<MaintenanceMode>(await host.readText(maintenanceFile)),
    streamLogs: async (release, options, io) => {
      const files = (await host.list(logsDir)).filter((n) => n.startsWith(`${release}.`) && n.endsWith(".log")).sort();
      if (files.length === 0) throw new WardenError("INPUT", `no logs of release ${release} of "${ctx.env}" on ${host.name}`);
      return host.streamTail(files.map((n) => `${logsDir}/${n}`), options, io);
    },
    exec: async (release, command, io) => {
      if ((await manifestOf(release)) === undefined) throw new WardenError("INPUT", `release ${release} of "${ctx.env}" does not exist on ${host.name}`);
      const supervisor = await ensureSupervisorScript();
      return host.execOnce(supervisor, command, { cwd: `${releasesDir}/${release}`, env: { ...settings.env, ...secrets, WARDEN_RELEASE: release, WARDEN_ENV: ctx.env } }, io);
    },
    verifyRelease: async (release) => {
      if ((await manifestOf(release)) === undefined) return false;
      return settings.verify === undefined ? true : settings.verify(`${releasesDir}/${release}`);
    },
    listReleases,
    startInstance,
    stopInstance,
    instanceAlive: (instance) => host.alive(instance.pid),
    instanceUrl: async (instance, urlPath) => `http://127.0.0.1:${await host.reach(instance.port)}${urlPath}`,
    proxyUrl: async (urlPath) => `http://127.0.0.1:${await host.reach((await ensureProxy()).port)}${urlPath}`,
    route,
    switchProvisional,
    renewSwitch: (id, timeoutMs) => leaseCall("renew", id, timeoutMs),
    confirmSwitch: (id) => leaseCall("confirm", id),
    stats: async (): Promise<ProxyStats> => {
      const info = await ensureProxy();
      return (await admin(await host.reach(info.adminPort), info.token, "GET", "/stats")) as ProxyStats;
    },
    lockStore: () => hostLockStore(host, dir, `${settings.describe}/lock`),
    proxyStatus: async () => {
      const info = await proxyInfo();
      if (info === undefined) return undefined;
      const boot = parse<ProxyBoot>(await host.readText(bootFile));
      return { pid: info.pid, port: info.port, restarts: info.restarts ?? 0, startedAt: info.startedAt, supervised: (await proxySupervisor()) !== undefined, ...(boot === undefined ? {} : { boot }) };
    },
    recordEvent: (line) => {
      if (settings.type !== "ssh") return;
      // appended in order, lines that arrive during a write go together in the next one; a
      // failure is reported once at close(), never fails the deploy
      pendingEvents.push(line);
      if (pendingEvents.length > 1) return;
      eventWrites = eventWrites
        .then(async () => {
          const batch = pendingEvents.splice(0).join("");
          await host.append(hostEventsFile, batch);
        })
        .catch((error: unknown) => {
          eventFailure ??= error instanceof Error ? error.message : String(error);
        });
    },
    close: async () => {
      await eventWrites;
      if (eventFailure !== undefined) ctx.logger.warn(`could not append every event to ${settings.describe}/events.jsonl: ${eventFailure}`);
      eventFailure = undefined;
      await host.close();
    },
  };
}
