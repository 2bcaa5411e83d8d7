import { silentLogger, type DeployEnvironment, type DeployEvent, type Logger } from "@warden/core";
import { readEventsLenient } from "./events.js";
import { probe } from "./health.js";
import { ageOf, localLockStore, type LockInfo } from "./lock.js";
import { createTarget } from "./targets/index.js";
import { localEnvDir } from "./targets/local.js";
import { hostUnits } from "./targets/ssh.js";
import type { InstanceTarget, ProxyBoot } from "./types.js";

/** What `warden status ENV` reports: read only, nothing is locked, repaired or started. */
export interface StatusReport {
  readonly env: string;
  readonly target: string;
  readonly live: string | null;
  /** The live release's instances: running, and answering the health check now. */
  readonly instances: { release: string; index: number; pid: number; port: number; running: boolean; healthy: boolean; detail: string }[];
  /** The proxy (local, ssh): null when it is not running; undefined for targets without one. */
  readonly proxy: { pid: number; port: number; restarts: number; startedAt: string | null; supervised: boolean; boot?: ProxyBoot } | null | undefined;
  /** Maintenance mode of the proxy (local, ssh): null when off. */
  readonly maintenance?: { retryAfter: number; since: string } | null;
  /** The deploy lock's holder, when a deploy or rollback holds it. */
  readonly lock: (LockInfo & { age: string }) | null;
  /** The last events of the environment (this checkout's log), newest last. */
  readonly lastEvents: DeployEvent[];
  /** Whether everything that should run does: live instances running and healthy, proxy up (on every host). */
  readonly ok: boolean;
  /** An environment with several hosts: each host's role, live release, instances, proxy and lock (the fields above are the first web host's). */
  readonly hosts?: HostStatus[];
}

/** One role on one host, in `warden status` of an environment with several hosts. */
export interface HostStatus {
  readonly host: string;
  readonly role: string;
  readonly target: string;
  readonly live: string | null;
  readonly instances: StatusReport["instances"];
  /** The host's proxy (web role); undefined for a worker role, which has none. */
  readonly proxy: StatusReport["proxy"];
  readonly lock: (LockInfo & { age: string }) | null;
  readonly ok: boolean;
}

async function readLock(read: () => Promise<string | undefined>): Promise<(LockInfo & { age: string }) | null> {
  const lockText = await read();
  if (lockText === undefined) return null;
  try {
    const info = JSON.parse(lockText) as LockInfo;
    return { ...info, age: ageOf(info.since) };
  } catch {
    return null;
  }
}

/** One host's (one role's) live release, its instances (running; web: answering the health check), proxy and lock. */
async function hostStatus(target: InstanceTarget, config: DeployEnvironment, web: boolean): Promise<Omit<HostStatus, "host" | "role">> {
  const state = await target.readState();
  const instances: StatusReport["instances"] = [];
  for (const instance of state.instances) {
    const running = await target.instanceAlive(instance);
    if (!web) {
      instances.push({ ...instance, running, healthy: running, detail: running ? "running" : "not running" });
      continue;
    }
    const answer = running ? await probe(await target.instanceUrl(instance, config.health.path), config.health.expectStatus, config.health.timeoutMs) : undefined;
    const detail = answer === undefined ? "not running" : answer.ok ? `GET ${config.health.path}: ${answer.status}` : `GET ${config.health.path}: ${answer.status ?? answer.error ?? "no answer"}`;
    instances.push({ ...instance, running, healthy: answer?.ok === true, detail });
  }
  let proxy: StatusReport["proxy"];
  if (web) {
    const p = await target.proxyStatus();
    proxy = p === undefined ? null : { pid: p.pid, port: p.port, restarts: p.restarts, startedAt: p.startedAt ?? null, supervised: p.supervised, ...(p.boot === undefined ? {} : { boot: p.boot }) };
  }
  const lock = await readLock(() => target.lockStore().read("lock"));
  return { target: target.describe(), live: state.release ?? null, instances, proxy, lock, ok: instances.every((i) => i.healthy) && proxy !== null };
}

/** The status of one environment on its target. */
export async function status(options: { root: string; env: string; config: DeployEnvironment; logger?: Logger; events?: number }): Promise<StatusReport> {
  const { root, env, config } = options;
  const logger = options.logger ?? silentLogger;
  if (config.target.type === "ssh" && config.target.hosts !== undefined) {
    const units = hostUnits({ root, env, config, logger }, config.target);
    try {
      // every host at once (read only; each has its own connection)
      const hosts: HostStatus[] = await Promise.all(units.map(async (unit) => ({ host: unit.host, role: unit.role, ...(await hostStatus(unit.target, config, unit.web)) })));
      const first = hosts.find((h) => h.role === "web") ?? hosts[0];
      const maintenance = (await units.find((u) => u.web)?.target.maintenance()) ?? null;
      return {
        env,
        target: first?.target ?? "",
        live: first?.live ?? null,
        instances: first?.instances ?? [],
        proxy: first?.proxy,
        maintenance,
        lock: first?.lock ?? null,
        lastEvents: readEventsLenient(root, env).slice(-(options.events ?? 5)),
        ok: hosts.every((h) => h.ok),
        hosts,
      };
    } finally {
      await Promise.all(units.map((unit) => unit.target.close()));
    }
  }
  const target = createTarget({ root, env, config, logger: options.logger ?? silentLogger });
  try {
    const state = await target.readState();
    const store = target.kind === "instances" ? target.lockStore() : localLockStore(localEnvDir(root, env));
    const lockText = await store.read("lock");
    let lock: (LockInfo & { age: string }) | null = null;
    if (lockText !== undefined) {
      try {
        const info = JSON.parse(lockText) as LockInfo;
        lock = { ...info, age: ageOf(info.since) };
      } catch {
        lock = null;
      }
    }
    const instances: StatusReport["instances"] = [];
    let proxy: StatusReport["proxy"];
    let maintenance: StatusReport["maintenance"];
    if (target.kind === "instances") {
      for (const instance of state.instances) {
        const running = await target.instanceAlive(instance);
        const answer = running ? await probe(await target.instanceUrl(instance, config.health.path), config.health.expectStatus, config.health.timeoutMs) : undefined;
        const detail = answer === undefined ? "not running" : answer.ok ? `GET ${config.health.path}: ${answer.status}` : `GET ${config.health.path}: ${answer.status ?? answer.error ?? "no answer"}`;
        instances.push({ ...instance, running, healthy: answer?.ok === true, detail });
      }
      const p = await target.proxyStatus();
      proxy = p === undefined ? null : { pid: p.pid, port: p.port, restarts: p.restarts, startedAt: p.startedAt ?? null, supervised: p.supervised, ...(p.boot === undefined ? {} : { boot: p.boot }) };
      maintenance = (await target.maintenance()) ?? null;
    }
    const ok = instances.every((i) => i.healthy) && proxy !== null;
    return { env, target: target.describe(), live: state.release ?? null, instances, proxy, ...(maintenance === undefined ? {} : { maintenance }), lock, lastEvents: readEventsLenient(root, env).slice(-(options.events ?? 5)), ok };
  } finally {
    if (target.kind === "instances") await target.close();
  }
}
