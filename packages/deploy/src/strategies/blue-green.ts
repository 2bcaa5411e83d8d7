import { launchChecked, switchAll, type Rollout, type RolloutContext } from "../rollout.js";

/**
 * Blue-green: start every instance of the new release beside the old ones, health-check them
 * all, then move all traffic at once. The old instances keep running until stop_old.
 */
export default async function blueGreen(ctx: RolloutContext): Promise<Rollout> {
  const indexes = Array.from({ length: ctx.instances }, (_, i) => i);
  const fresh = await launchChecked(ctx, indexes);
  await switchAll(ctx, fresh);
  return { newInstances: fresh, oldInstances: ctx.before.instances };
}
