import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { WardenError, type DeployTarget } from "@warden/core";
import { deployChildEnv } from "../env.js";
import { pidAlive, spawnDetached, stopProcess } from "../processes.js";
import { freePort } from "../ports.js";
import { proxyScript, type ProxyInfo, type ProxyStats } from "../proxy.js";
import { createReleaseDir, listReleaseDirs, readManifest, removeStaging, verifyRelease, type ReleaseManifest } from "../release.js";
import type { Instance, InstanceTarget, LiveState, Route, TargetContext } from "../types.js";

type LocalConfig = Extract<DeployTarget, { type: "local" }>;

/** The folder of one environment on the local target: `.warden/deploy/<env>/`. */
export function localEnvDir(root: string, env: string): string {
  return path.join(root, ".warden", "deploy", env);
}

function writeJsonAtomic(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, file);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** POST or GET JSON to the proxy's admin endpoint. */
function admin(port: number, method: "GET" | "POST", urlPath: string, body?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path: urlPath, agent: false, timeout: 5000 }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      res.on("end", () => {
        if (res.statusCode !== 200) reject(new Error(`proxy admin ${urlPath}: ${res.statusCode}: ${text.trim()}`));
        else resolve(JSON.parse(text));
      });
    });
    req.on("timeout", () => req.destroy(new Error("proxy admin timed out")));
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/**
 * The `local` target: releases under `.warden/deploy/<env>/releases/`, instances as detached
 * processes with pid files and logs, and Warden's reverse proxy on 127.0.0.1 in front of them.
 */
export default function localTarget(ctx: TargetContext, target: LocalConfig): InstanceTarget {
  const dir = localEnvDir(ctx.root, ctx.env);
  const releasesDir = path.join(dir, "releases");
  const runDir = path.join(dir, "run");
  const logsDir = path.join(dir, "logs");
  const proxyDir = path.join(dir, "proxy");
  const stateFile = path.join(dir, "state.json");
  const routesFile = path.join(proxyDir, "routes.json");
  const infoFile = path.join(proxyDir, "info.json");
  const portFile = path.join(proxyDir, "port");

  const pidFile = (release: string, index: number): string => path.join(runDir, `${release}.${index}.json`);

  const readState = (): LiveState => readJson<LiveState>(stateFile) ?? { release: undefined, instances: [], history: [] };

  const toRoutes = (routes: readonly Route[]): { url: string; weight: number; tag: string }[] =>
    routes.map((r) => ({ url: `http://127.0.0.1:${r.instance.port}`, weight: r.weight, tag: `${r.instance.release}#${r.instance.index}` }));

  const proxyInfo = (): ProxyInfo | undefined => {
    const info = readJson<ProxyInfo>(infoFile);
    return info !== undefined && pidAlive(info.pid) ? info : undefined;
  };

  const ensureProxy = async (): Promise<ProxyInfo> => {
    const running = proxyInfo();
    if (running !== undefined) return running;
    mkdirSync(proxyDir, { recursive: true });
    const script = path.join(proxyDir, "proxy.mjs");
    writeFileSync(script, proxyScript());
    rmSync(infoFile, { force: true });
    const saved = Number(readJson<number>(portFile) ?? 0);
    const port = target.port !== 0 ? target.port : saved;
    if (!existsSync(routesFile)) writeJsonAtomic(routesFile, []);
    const pid = spawnDetached(`"${process.execPath}" "${script}" ${port} "${routesFile}" "${infoFile}"`, {
      cwd: proxyDir,
      env: deployChildEnv({}),
      logFile: path.join(proxyDir, "proxy.log"),
    });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const info = readJson<ProxyInfo>(infoFile);
      if (info !== undefined) {
        writeJsonAtomic(portFile, info.port);
        return info;
      }
      if (!pidAlive(pid)) break;
      await sleep(20);
    }
    const log = readFileSync(path.join(proxyDir, "proxy.log"), "utf8").trim().split("\n").at(-1) ?? "";
    throw new WardenError("INPUT", `the deploy proxy for "${ctx.env}" did not start on 127.0.0.1:${port}: ${log || "no output"}`);
  };

  const route = async (routes: readonly Route[]): Promise<void> => {
    const body = toRoutes(routes);
    writeJsonAtomic(routesFile, body);
    const info = await ensureProxy();
    await admin(info.adminPort, "POST", "/routes", body);
  };

  const stopInstance = async (instance: Instance): Promise<void> => {
    await stopProcess(instance.pid, target.stopTimeoutMs);
    rmSync(pidFile(instance.release, instance.index), { force: true });
  };

  const startInstance = async (release: string, index: number): Promise<Instance> => {
    const releaseDir = path.join(releasesDir, release);
    if (readManifest(releaseDir) === undefined) throw new WardenError("INPUT", `release ${release} of "${ctx.env}" does not exist`);
    mkdirSync(runDir, { recursive: true });
    mkdirSync(logsDir, { recursive: true });
    const port = await freePort();
    const pid = spawnDetached(target.start, {
      cwd: releaseDir,
      env: deployChildEnv({ ...target.env, PORT: String(port), WARDEN_RELEASE: release, WARDEN_ENV: ctx.env, WARDEN_INSTANCE: String(index) }),
      logFile: path.join(logsDir, `${release}.${index}.log`),
    });
    const instance: Instance = { release, index, port, pid };
    writeJsonAtomic(pidFile(release, index), instance);
    return instance;
  };

  return {
    kind: "instances",
    type: "local",
    describe: () => path.relative(ctx.root, dir),
    async recover() {
      const notes: string[] = [];
      for (const name of removeStaging(releasesDir)) notes.push(`removed unfinished release folder ${name}`);
      const state = readState();
      const live = new Set(state.instances.map((i) => `${i.release}.${i.index}`));
      // processes left by a killed deploy that never went live
      if (existsSync(runDir)) {
        for (const name of readdirSync(runDir).filter((n) => n.endsWith(".json"))) {
          const instance = readJson<Instance>(path.join(runDir, name));
          if (instance === undefined) continue;
          if (live.has(`${instance.release}.${instance.index}`)) continue;
          if (pidAlive(instance.pid)) notes.push(`stopped instance ${instance.release}#${instance.index} (pid ${instance.pid}) that never went live`);
          await stopInstance(instance);
        }
      }
      // live instances that died: start them again from their release folder
      const instances: Instance[] = [];
      for (const instance of state.instances) {
        if (pidAlive(instance.pid)) instances.push(instance);
        else {
          instances.push(await startInstance(instance.release, instance.index));
          notes.push(`restarted live instance ${instance.release}#${instance.index} (pid ${instance.pid} was gone)`);
        }
      }
      if (instances.some((i, n) => i !== state.instances[n])) writeJsonAtomic(stateFile, { ...state, instances });
      // release folders that never went live (a killed deploy before its switch)
      const known = new Set([...state.history.map((h) => h.release), ...instances.map((i) => i.release)]);
      for (const manifest of listReleaseDirs(releasesDir)) {
        if (!known.has(manifest.release)) {
          rmSync(path.join(releasesDir, manifest.release), { recursive: true, force: true });
          notes.push(`discarded release ${manifest.release} that never went live`);
        }
      }
      if (instances.length > 0) await route(instances.map((instance) => ({ instance, weight: 1 })));
      return notes;
    },
    readState: async () => readState(),
    writeState: async (state) => writeJsonAtomic(stateFile, state),
    createRelease: async (manifest) => {
      const appDir = path.resolve(ctx.root, target.app);
      if (!existsSync(appDir)) throw new WardenError("INPUT", `deploy.environments.${ctx.env}.target.app: ${target.app} does not exist`);
      return createReleaseDir(releasesDir, appDir, manifest);
    },
    discardRelease: async (release) => rmSync(path.join(releasesDir, release), { recursive: true, force: true }),
    verifyRelease: async (release) => verifyRelease(path.join(releasesDir, release)),
    listReleases: async (): Promise<ReleaseManifest[]> => listReleaseDirs(releasesDir),
    startInstance,
    stopInstance,
    instanceUrl: async (instance, urlPath) => `http://127.0.0.1:${instance.port}${urlPath}`,
    proxyUrl: async (urlPath) => `http://127.0.0.1:${(await ensureProxy()).port}${urlPath}`,
    route,
    stats: async (): Promise<ProxyStats> => (await admin((await ensureProxy()).adminPort, "GET", "/stats")) as ProxyStats,
    close: async () => undefined,
  };
}
