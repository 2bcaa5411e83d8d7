/**
 * A deploy across several hosts (the ssh target's `hosts`): the new release is started and
 * checked on every host, traffic moves per host (one switch lease per host's proxy) in the order
 * the strategy gives, and one failing host puts the old release back on every host.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { DeployEnvironment } from "@warden/core";
import { StepFailedError } from "./errors.js";
import { hostEvents, type EventSink } from "./events.js";
import { checkHealth, describeHealthFailure } from "./health.js";
import { SwitchLease } from "./lease.js";
import { commitLive, launchChecked, restoreOld, RolloutFailedError, smokeSettings, type RolloutContext, type StepRunner } from "./rollout.js";
import { judgeCanary } from "./strategies/canary.js";
import type { HostUnit } from "./targets/ssh.js";
import type { Instance, LiveState } from "./types.js";

/** How one host ended in a failed deploy across hosts. */
export interface HostOutcome {
  readonly host: string;
  readonly role: string;
  /** Whether any request could have reached the new release on this host. */
  readonly trafficSwitched: boolean;
  /** "restored": the old release serves again; "untouched": nothing of the new release ran there; "failed": this host failed the deploy. */
  readonly state: "restored" | "untouched" | "failed";
}

/** A deploy across hosts that failed on one host and was rolled back on all of them. */
export class FleetFailedError extends RolloutFailedError {
  constructor(
    step: string,
    message: string,
    trafficMoved: boolean,
    recoveryMs: number,
    readonly failedHost: string,
    readonly hosts: readonly HostOutcome[],
  ) {
    super(step, message, trafficMoved, recoveryMs);
    this.name = "FleetFailedError";
  }
}

/** What a deploy across hosts works with. */
export interface FleetContext {
  readonly units: readonly HostUnit[];
  /** The live state of each unit before the deploy (same order as `units`). */
  readonly befores: readonly LiveState[];
  readonly config: DeployEnvironment;
  readonly release: string;
  readonly events: EventSink;
  /** The pipeline's step runner whose events carry `host`. */
  readonly stepFor: (host: string, events: EventSink) => StepRunner;
  readonly leaseMs: number;
  readonly parallelism: number;
  /** Throws when the deploy was interrupted (SIGINT/SIGTERM) before `step`. */
  readonly checkInterrupted: (step: "switch" | "smoke") => void;
  /** A rollback: `release` is an existing release, recorded as a new history entry on every host. */
  readonly appendHistory?: boolean;
}

/** The new release live on every host; the old instances still run until stop_old. */
export interface FleetRollout {
  readonly newInstances: readonly (readonly Instance[])[];
  readonly oldInstances: readonly (readonly Instance[])[];
  /** Per host, whether the switch was provisional and confirmed (web) or not applicable (worker). */
  readonly hosts: readonly { host: string; role: string; instances: number }[];
}

/** Stop each host's old instances (those not among its new ones), hosts in parallel up to `limit`; how many were stopped. */
export async function stopOldInstances(units: readonly Pick<HostUnit, "target">[], rollout: Pick<FleetRollout, "newInstances" | "oldInstances">, limit: number): Promise<number> {
  let stopped = 0;
  await boundedAll(units, limit, async (unit, i) => {
    const fresh = rollout.newInstances[i] ?? [];
    for (const old of (rollout.oldInstances[i] ?? []).filter((o) => !fresh.includes(o))) {
      await unit.target.stopInstance(old);
      stopped += 1;
    }
  });
  return stopped;
}

/** Run `work` on every item, at most `limit` at once; waits for all, then throws the first failure (in item order). */
export async function boundedAll<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  const errors: { index: number; error: unknown }[] = [];
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      try {
        await work(items[index] as T, index);
      } catch (error) {
        errors.push({ index, error });
      }
    }
  });
  await Promise.all(lanes);
  if (errors.length > 0) throw errors.sort((a, b) => a.index - b.index)[0]?.error;
}

/** How many hosts the canary phase takes (`strategy.hosts`: a count or a share like "25%", rounded up), between 1 and all but one. */
export function canaryHostCount(spec: number | string, webHosts: number): number {
  const wanted = typeof spec === "number" ? spec : Math.ceil((Number(spec.slice(0, -1)) / 100) * webHosts);
  return Math.max(1, Math.min(webHosts - 1, wanted));
}

interface UnitRun {
  readonly unit: HostUnit;
  readonly ctx: RolloutContext;
  readonly lease: SwitchLease;
  fresh: Instance[] | undefined;
}

/** Start and check a worker role's new processes: alive after a settle time, and its health command (if any) exits 0. */
async function launchWorker(run: UnitRun): Promise<Instance[]> {
  const { unit, ctx } = run;
  const started: Instance[] = [];
  try {
    await ctx.step(
      "start",
      async () => {
        for (let i = 0; i < unit.instances; i += 1) started.push(await unit.target.startInstance(ctx.release, i));
        return started;
      },
      (list) => ({ role: unit.role, instances: list.map((i) => ({ index: i.index, pid: i.pid })) }),
    );
    await ctx.step(
      "health",
      async () => {
        if (unit.healthCommand !== undefined) {
          const result = await unit.target.runInRelease(ctx.release, unit.healthCommand);
          if (result.code !== 0) throw new StepFailedError("health", `${unit.role} health command \`${unit.healthCommand}\` exited ${result.code}: ${result.output.trim().split("\n").at(-1) ?? ""}`);
        } else await sleep(1000);
        for (const instance of started) {
          if (!(await unit.target.instanceAlive(instance))) throw new StepFailedError("health", `${unit.role} process ${instance.release}#${instance.index} (pid ${instance.pid}) exited`);
        }
        return unit.healthCommand;
      },
      (command) => ({ role: unit.role, check: command === undefined ? "running after 1 s" : command }),
    );
    return started;
  } catch (error) {
    for (const instance of started) await unit.target.stopInstance(instance);
    throw error;
  }
}

/** The smoke request through one host's proxy after its switch (directly on the new instances in maintenance mode). */
async function smokeThroughProxy(run: UnitRun, fresh: readonly Instance[]): Promise<void> {
  const { ctx } = run;
  const { path, expectStatus } = smokeSettings(ctx.config);
  await ctx.step(
    "smoke",
    async () => {
      const direct = (await ctx.target.maintenance()) !== undefined;
      const urls = direct ? await Promise.all(fresh.map((i) => ctx.target.instanceUrl(i, path))) : [await ctx.target.proxyUrl(path)];
      let latencies: number[] = [];
      for (const url of urls) {
        const result = await checkHealth(url, { ...ctx.config.health, path, expectStatus, retries: 2 });
        if (!result.ok) throw new StepFailedError("smoke", describeHealthFailure(result, expectStatus));
        latencies = result.latenciesMs;
      }
      return { direct, latencies };
    },
    (r) => ({ phase: "after-switch", path, latenciesMs: r.latencies, ...(r.direct ? { viaProxy: false, reason: "maintenance mode" } : {}) }),
  );
}

/**
 * Roll the new release out across the hosts. Strategies: blue-green starts and checks the new
 * release on every host (`parallelism` at a time), then switches every host; rolling takes one
 * web host at a time (start, health, smoke, switch, smoke through its proxy) and goes to the next
 * only when it passed; canary with `hosts` does that for the canary hosts, observes them for
 * `durationMs`, compares their error rate with the other hosts', then does the rest blue-green
 * (canary without `hosts`: a share of the requests on every host, each host's canary in parallel).
 * Worker roles start with the first wave and have no switch. Every switch stays provisional (its
 * proxy reverts by itself unless confirmed) until every host passed; then all are confirmed and
 * recorded live. One failure puts the old release back on every host.
 */
export async function rolloutFleet(fleet: FleetContext): Promise<FleetRollout> {
  const { units, config, release } = fleet;
  const runs: UnitRun[] = units.map((unit, i) => {
    const events = hostEvents(fleet.events, unit.host);
    const lease = new SwitchLease(unit.target, fleet.leaseMs);
    const before = fleet.befores[i] as LiveState;
    const ctx: RolloutContext = { target: unit.target, config, release, instances: unit.instances, before, events, step: fleet.stepFor(unit.host, events), traffic: lease };
    return { unit, ctx, lease, fresh: undefined };
  });
  const web = runs.filter((r) => r.unit.web);
  const workers = runs.filter((r) => !r.unit.web);
  const indexes = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  let failedHost: string | undefined;
  const onHost = async (run: UnitRun, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      failedHost ??= `${run.unit.host} (${run.unit.role})`;
      throw error;
    }
  };
  const launch = (run: UnitRun): Promise<void> =>
    onHost(run, async () => {
      run.fresh = run.unit.web ? await launchChecked(run.ctx, indexes(run.unit.instances)) : await launchWorker(run);
    });
  const activate = (run: UnitRun): Promise<void> =>
    onHost(run, async () => {
      const fresh = run.fresh ?? [];
      fleet.checkInterrupted("switch");
      await run.ctx.step(
        "switch",
        async () => {
          await run.lease.move(fresh.map((instance) => ({ instance, weight: 1 })));
          return fresh.length;
        },
        (count) => ({ from: run.ctx.before.release ?? null, to: release, instances: count, leaseMs: run.lease.leaseMs }),
      );
      fleet.checkInterrupted("smoke");
      await smokeThroughProxy(run, fresh);
      run.lease.check("smoke");
    });
  const p = fleet.parallelism;
  const strategy = config.strategy;
  try {
    await boundedAll(workers, p, launch);
    if (strategy.type === "rolling") {
      for (const run of web) {
        await launch(run);
        await activate(run);
      }
    } else if (strategy.type === "canary" && strategy.hosts !== undefined && web.length > 1 && web.some((r) => r.ctx.before.instances.length > 0)) {
      const count = canaryHostCount(strategy.hosts, web.length);
      const first = web.slice(0, count);
      const rest = web.slice(count);
      await boundedAll(first, p, async (run) => {
        await launch(run);
        await activate(run);
      });
      const verdict = await (first[0] as UnitRun).ctx.step("canary", async () => {
        await sleep(strategy.durationMs);
        for (const run of first) run.lease.check("canary");
        const sum = async (group: UnitRun[], isNew: boolean): Promise<{ requests: number; errors: number }> => {
          let acc = { requests: 0, errors: 0 };
          for (const run of group) {
            const stats = await run.unit.target.stats();
            for (const r of stats.routes.filter((route) => route.tag.startsWith(`${release}#`) === isNew)) acc = { requests: acc.requests + r.requests, errors: acc.errors + r.errors };
          }
          return acc;
        };
        return judgeCanary(await sum(rest, false), await sum(first, true), strategy);
      }, (v) => ({ phase: "hosts", canaryHosts: first.map((r) => r.unit.host), durationMs: strategy.durationMs, promote: v.promote, reason: v.reason, old: v.old, new: v.fresh }));
      if (!verdict.promote) {
        failedHost ??= first.map((r) => r.unit.host).join(", ");
        throw new StepFailedError("canary", `canary rejected on ${first.map((r) => r.unit.host).join(", ")}: ${verdict.reason}`);
      }
      await boundedAll(rest, p, launch);
      await boundedAll(rest, p, activate);
    } else if (strategy.type === "canary" && strategy.hosts === undefined) {
      // a share of the requests on every host: each host's canary, in parallel
      const { default: canary } = await import("./strategies/canary.js");
      await boundedAll(web, p, (run) =>
        onHost(run, async () => {
          const rollout = await canary(run.ctx);
          run.fresh = [...rollout.newInstances];
          await smokeThroughProxy(run, run.fresh);
          run.lease.check("smoke");
        }),
      );
    } else {
      await boundedAll(web, p, launch);
      await boundedAll(web, p, activate);
    }
    // every host passed: make each switch final, then record the new release live everywhere
    await boundedAll(web, p, (run) => onHost(run, async () => void (await run.lease.confirm("smoke"))));
    for (const run of runs) await commitLive(run.unit.target, run.ctx.before, release, run.fresh ?? [], fleet.appendHistory === true);
  } catch (error) {
    const started = performance.now();
    const message = error instanceof Error ? error.message : String(error);
    const step = error instanceof StepFailedError ? error.step : "start";
    const hosts: HostOutcome[] = [];
    // the old release back on every host (a host whose launch failed already stopped its own new instances)
    await boundedAll(runs, p, async (run) => {
      const label = `${run.unit.host} (${run.unit.role})`;
      const moved = run.lease.moved;
      if (run.fresh === undefined) {
        run.lease.stop();
        if (moved) await restoreOld(run.ctx, []);
        hosts.push({ host: run.unit.host, role: run.unit.role, trafficSwitched: moved, state: label === failedHost ? "failed" : moved ? "restored" : "untouched" });
        return;
      }
      if (run.unit.web) await restoreOld(run.ctx, run.fresh);
      else {
        for (const instance of run.fresh) await run.unit.target.stopInstance(instance);
        await run.unit.target.writeState(run.ctx.before);
      }
      hosts.push({ host: run.unit.host, role: run.unit.role, trafficSwitched: moved, state: label === failedHost ? "failed" : "restored" });
    });
    const order = new Map(units.map((u, i) => [`${u.host} ${u.role}`, i]));
    hosts.sort((a, b) => (order.get(`${a.host} ${a.role}`) ?? 0) - (order.get(`${b.host} ${b.role}`) ?? 0));
    throw new FleetFailedError(step, `${failedHost === undefined ? "" : `on ${failedHost}: `}${message}`, hosts.some((h) => h.trafficSwitched), performance.now() - started, failedHost ?? "unknown", hosts);
  } finally {
    for (const run of runs) run.lease.stop();
  }
  return {
    newInstances: runs.map((r) => r.fresh ?? []),
    oldInstances: runs.map((r) => r.ctx.before.instances),
    hosts: runs.map((r) => ({ host: r.unit.host, role: r.unit.role, instances: r.fresh?.length ?? 0 })),
  };
}
