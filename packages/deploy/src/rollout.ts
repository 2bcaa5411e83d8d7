import type { DeployEnvironment, DeployStep } from "@warden/core";
import type { EventSink } from "./events.js";
import type { SwitchLease } from "./lease.js";
import { checkHealth, describeHealthFailure } from "./health.js";
import type { Instance, InstanceTarget, LiveState } from "./types.js";
import { StepFailedError } from "./errors.js";

/** A pipeline step name, or the canary phase. */
export type StepName = DeployStep | "canary";

/** Runs one named, timed step (hooks, event, pause hook); given to strategies by the pipeline. */
export type StepRunner = <T>(name: StepName, run: () => Promise<T>, detail?: (result: T) => Record<string, unknown>) => Promise<T>;

/** What a strategy works with. */
export interface RolloutContext {
  readonly target: InstanceTarget;
  readonly config: DeployEnvironment;
  readonly release: string;
  readonly instances: number;
  readonly before: LiveState;
  readonly events: EventSink;
  readonly step: StepRunner;
  /**
   * Moves traffic provisionally: the proxy goes back to the old routes by itself unless the
   * deploy confirms (the pipeline does, once the smoke check passed) within the lease.
   */
  readonly traffic: SwitchLease;
}

/**
 * The result of a rollout that moved all traffic to the new release, provisionally: the pipeline
 * smoke-checks it, confirms the switch, records the new live state, then stops the old instances.
 */
export interface Rollout {
  readonly newInstances: readonly Instance[];
  /** Old instances still running (stopped by the stop_old step, after the confirmation). */
  readonly oldInstances: readonly Instance[];
}

/** A rollout failure; `trafficMoved` says whether any request could have reached the new release. */
export class RolloutFailedError extends StepFailedError {
  constructor(
    step: string,
    message: string,
    readonly trafficMoved: boolean,
    /** Time from the failed check's verdict to the old release serving all traffic again. */
    readonly recoveryMs?: number,
  ) {
    super(step, message);
    this.name = "RolloutFailedError";
  }
}

/** Health-check one instance; throws a StepFailedError naming it when it stays unhealthy. */
export async function checkInstance(ctx: Pick<RolloutContext, "target" | "config">, instance: Instance): Promise<number[]> {
  const url = await ctx.target.instanceUrl(instance, ctx.config.health.path);
  const result = await checkHealth(url, ctx.config.health);
  if (!result.ok) {
    throw new StepFailedError("health", `${instance.release}#${instance.index}: ${describeHealthFailure(result, ctx.config.health.expectStatus)}`);
  }
  return result.latenciesMs;
}

/**
 * Record the new live state: `instances` serve, `release` joins the history when it is new (or
 * always with `append`: a rollback to an older release is a new entry, so the next rollback goes
 * back from there).
 */
export async function commitLive(target: InstanceTarget, before: LiveState, release: string, instances: readonly Instance[], append = false): Promise<LiveState> {
  const history = !append && before.history.some((h) => h.release === release)
    ? before.history
    : [...before.history, { release, at: new Date().toISOString() }];
  const state: LiveState = { release, instances, history };
  await target.writeState(state);
  return state;
}

/**
 * Put the old release back: its instances that are still running keep serving, stopped ones are
 * started again from their (immutable) release folder, traffic goes to them only (for good, which
 * also cancels a provisional switch), the new instances are stopped. Used by every strategy and
 * by the smoke-check rollback. Returns the time until the old instances had all traffic again.
 */
export async function restoreOld(ctx: Pick<RolloutContext, "target" | "config" | "before" | "traffic">, newInstances: readonly Instance[]): Promise<number> {
  const started = performance.now();
  const { target, before } = ctx;
  ctx.traffic.stop();
  const restored: Instance[] = [];
  for (const old of before.instances) {
    if (await target.instanceAlive(old)) {
      restored.push(old);
      continue;
    }
    const again = await target.startInstance(old.release, old.index);
    await checkInstance(ctx, again);
    restored.push(again);
  }
  await target.route(restored.map((instance) => ({ instance, weight: 1 })));
  const recoveryMs = performance.now() - started;
  await target.writeState({ ...before, instances: restored });
  for (const instance of newInstances) await target.stopInstance(instance);
  return recoveryMs;
}

/** Start instance `index` of the new release and health-check it (steps start and health). */
export async function launchChecked(ctx: RolloutContext, indexes: readonly number[]): Promise<Instance[]> {
  const started: Instance[] = [];
  try {
    await ctx.step(
      "start",
      async () => {
        for (const index of indexes) started.push(await ctx.target.startInstance(ctx.release, index));
        return started;
      },
      (list) => ({ instances: list.map((i) => ({ index: i.index, port: i.port, pid: i.pid })) }),
    );
    await ctx.step(
      "health",
      async () => {
        const latencies: Record<string, number[]> = {};
        await Promise.all(
          started.map(async (instance) => {
            latencies[String(instance.index)] = await checkInstance(ctx, instance);
          }),
        );
        return latencies;
      },
      (latencies) => ({ path: ctx.config.health.path, latenciesMs: latencies }),
    );
    await smokeInstances(ctx, started);
    return started;
  } catch (error) {
    for (const instance of started) await ctx.target.stopInstance(instance);
    if (error instanceof RolloutFailedError) throw error;
    throw new RolloutFailedError(error instanceof StepFailedError ? error.step : "start", error instanceof Error ? error.message : String(error), false);
  }
}

/** The smoke check's path and expected status (the health check's when no smoke is configured). */
export function smokeSettings(config: DeployEnvironment): { path: string; expectStatus: number } {
  return { path: config.smoke?.path ?? config.health.path, expectStatus: config.smoke?.expectStatus ?? config.health.expectStatus };
}

/**
 * Smoke before traffic: the smoke request on each new instance directly, before any traffic moves
 * to it, so a version that fails it costs users nothing. Recorded as a `smoke` event with
 * `detail.phase: "before-switch"` (the step's hooks run once, around the smoke check after the switch).
 */
export async function smokeInstances(ctx: Pick<RolloutContext, "target" | "config" | "events">, instances: readonly Instance[]): Promise<void> {
  const { path, expectStatus } = smokeSettings(ctx.config);
  const started = performance.now();
  const latencies: Record<string, number[]> = {};
  for (const instance of instances) {
    const result = await checkHealth(await ctx.target.instanceUrl(instance, path), { ...ctx.config.health, path, expectStatus, retries: 2 });
    if (!result.ok) throw new StepFailedError("smoke", `before the switch, on ${instance.release}#${instance.index}: ${describeHealthFailure(result, expectStatus)}`);
    latencies[String(instance.index)] = result.latenciesMs;
  }
  ctx.events.emit("smoke", { step: "smoke", durationMs: performance.now() - started, detail: { phase: "before-switch", path, latenciesMs: latencies } });
}

/**
 * The switch step of blue-green and canary: all traffic moves to the new instances,
 * provisionally (the pipeline confirms it after the smoke check). A failure of the step (its
 * hooks) puts the old release back.
 */
export async function switchAll(ctx: RolloutContext, fresh: readonly Instance[]): Promise<void> {
  try {
    await ctx.step(
      "switch",
      async () => {
        await ctx.traffic.move(fresh.map((instance) => ({ instance, weight: 1 })));
        return fresh.length;
      },
      (count) => ({ from: ctx.before.release ?? null, to: ctx.release, instances: count, leaseMs: ctx.traffic.leaseMs }),
    );
  } catch (error) {
    const recoveryMs = await restoreOld(ctx, fresh);
    // a failing `before switch` hook fails the step before any traffic moved
    throw new RolloutFailedError("switch", error instanceof Error ? error.message : String(error), ctx.traffic.moved, recoveryMs);
  }
}
