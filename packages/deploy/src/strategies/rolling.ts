import { StepFailedError } from "../errors.js";
import { launchChecked, restoreOld, RolloutFailedError, type Rollout, type RolloutContext } from "../rollout.js";
import type { Instance } from "../types.js";

/**
 * Rolling: replace the instances one at a time — start one new instance, health-check it, give
 * it traffic, stop one old instance — and at the first failure put every old instance back.
 * Every move of traffic is provisional and falls back to the routes of the old release (the last
 * confirmed ones): the pipeline confirms only the last move, after the smoke check, and its stop_old
 * step stops the last old instances. A deploy killed half-way through therefore leaves the old
 * instances still running serving all traffic once the lease runs out (the proxy retries a
 * stopped one's requests on the others), and the next deploy restarts the stopped ones.
 */
export default async function rolling(ctx: RolloutContext): Promise<Rollout> {
  const fresh: Instance[] = [];
  let remaining = [...ctx.before.instances];
  for (let index = 0; index < ctx.instances; index += 1) {
    const last = index === ctx.instances - 1;
    try {
      const [instance] = await launchChecked(ctx, [index]);
      if (instance === undefined) throw new StepFailedError("start", `instance ${index} did not start`);
      fresh.push(instance);
      const match = remaining.find((old) => old.index === index) ?? remaining[0];
      const retiring = last ? remaining : match === undefined ? [] : [match];
      remaining = remaining.filter((old) => !retiring.includes(old));
      const serving = [...fresh, ...remaining];
      await ctx.step(
        "switch",
        async () => {
          await ctx.traffic.move(serving.map((i) => ({ instance: i, weight: 1 })));
          return serving.length;
        },
        () => ({ instance: index, serving: serving.map((i) => `${i.release}#${i.index}`), leaseMs: ctx.traffic.leaseMs }),
      );
      if (last) return { newInstances: fresh, oldInstances: retiring };
      await ctx.step(
        "stop_old",
        async () => {
          for (const old of retiring) await ctx.target.stopInstance(old);
          return retiring.length;
        },
        (count) => ({ instance: index, stopped: count }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const step = error instanceof StepFailedError ? error.step : "start";
      const recoveryMs = await restoreOld(ctx, fresh);
      throw new RolloutFailedError(step, `rolling, instance ${index + 1} of ${ctx.instances}: ${message}`, ctx.traffic.moved, recoveryMs);
    }
  }
  return { newInstances: fresh, oldInstances: remaining };
}
