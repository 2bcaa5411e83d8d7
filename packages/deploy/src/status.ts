import { silentLogger, type DeployEnvironment, type DeployEvent, type Logger } from "@warden/core";
import { readEventsLenient } from "./events.js";
import { probe } from "./health.js";
import { ageOf, localLockStore, type LockInfo } from "./lock.js";
import { createTarget } from "./targets/index.js";
import { localEnvDir } from "./targets/local.js";

/** What `warden status ENV` reports: read only, nothing is locked, repaired or started. */
export interface StatusReport {
  readonly env: string;
  readonly target: string;
  readonly live: string | null;
  /** The live release's instances: running, and answering the health check now. */
  readonly instances: { release: string; index: number; pid: number; port: number; running: boolean; healthy: boolean; detail: string }[];
  /** The proxy (local, ssh): null when it is not running; undefined for targets without one. */
  readonly proxy: { pid: number; port: number; restarts: number; startedAt: string | null; supervised: boolean } | null | undefined;
  /** Maintenance mode of the proxy (local, ssh): null when off. */
  readonly maintenance?: { retryAfter: number; since: string } | null;
  /** The deploy lock's holder, when a deploy or rollback holds it. */
  readonly lock: (LockInfo & { age: string }) | null;
  /** The last events of the environment (this checkout's log), newest last. */
  readonly lastEvents: DeployEvent[];
  /** Whether everything that should run does: live instances running and healthy, proxy up. */
  readonly ok: boolean;
}

/** The status of one environment on its target. */
export async function status(options: { root: string; env: string; config: DeployEnvironment; logger?: Logger; events?: number }): Promise<StatusReport> {
  const { root, env, config } = options;
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
      proxy = p === undefined ? null : { pid: p.pid, port: p.port, restarts: p.restarts, startedAt: p.startedAt ?? null, supervised: p.supervised };
      maintenance = (await target.maintenance()) ?? null;
    }
    const ok = instances.every((i) => i.healthy) && proxy !== null;
    return { env, target: target.describe(), live: state.release ?? null, instances, proxy, ...(maintenance === undefined ? {} : { maintenance }), lock, lastEvents: readEventsLenient(root, env).slice(-(options.events ?? 5)), ok };
  } finally {
    if (target.kind === "instances") await target.close();
  }
}
