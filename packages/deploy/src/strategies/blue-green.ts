import { commitLive, launchChecked, type Rollout, type RolloutContext } from "../rollout.js";

/**
 * Blue-green: start every instance of the new release beside the old ones, health-check them
 * all, then move all traffic at once. The old instances keep running until stop_old.
 */
export default async function blueGreen(ctx: RolloutContext): Promise<Rollout> {
  const indexes = Array.from({ length: ctx.instances }, (_, i) => i);
  const fresh = await launchChecked(ctx, indexes);
  await ctx.step(
    "switch",
    async () => {
      await commitLive(ctx.target, ctx.before, ctx.release, fresh);
      await ctx.target.route(fresh.map((instance) => ({ instance, weight: 1 })));
      return fresh.length;
    },
    (count) => ({ from: ctx.before.release ?? null, to: ctx.release, instances: count }),
  );
  return { newInstances: fresh, oldInstances: ctx.before.instances };
}
