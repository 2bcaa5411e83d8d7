import { setTimeout as sleep } from "node:timers/promises";
import { StepFailedError } from "../errors.js";
import { launchChecked, restoreOld, RolloutFailedError, switchAll, type Rollout, type RolloutContext } from "../rollout.js";

/** Error rates of the old and new release measured by the proxy during the canary. */
export interface CanaryVerdict {
  readonly promote: boolean;
  readonly reason: string;
  readonly old: { requests: number; errors: number; rate: number };
  readonly fresh: { requests: number; errors: number; rate: number };
}

/** Compare the error rates: promote unless the new one is worse by more than the allowed increase. */
export function judgeCanary(
  old: { requests: number; errors: number },
  fresh: { requests: number; errors: number },
  rules: { maxErrorRateIncrease: number; minRequests: number },
): CanaryVerdict {
  const rate = (c: { requests: number; errors: number }): number => (c.requests === 0 ? 0 : c.errors / c.requests);
  const o = { ...old, rate: rate(old) };
  const f = { ...fresh, rate: rate(fresh) };
  if (f.requests < rules.minRequests) {
    return { promote: false, reason: `the canary saw ${f.requests} request(s), fewer than minRequests ${rules.minRequests}`, old: o, fresh: f };
  }
  if (f.rate > o.rate + rules.maxErrorRateIncrease) {
    const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
    return { promote: false, reason: `error rate ${pct(f.rate)} on the new release vs ${pct(o.rate)} on the old one (allowed increase ${pct(rules.maxErrorRateIncrease)})`, old: o, fresh: f };
  }
  return { promote: true, reason: "error rate within budget", old: o, fresh: f };
}

/**
 * Canary: start the new release, send it the configured share of requests for the configured
 * time, compare its error rate with the old release's, then promote it or put the old one back.
 * Both moves of traffic are provisional (the lease is renewed through the canary period); the
 * pipeline confirms the promotion after the smoke check. With no old release (first deploy) it
 * behaves like blue-green.
 */
export default async function canary(ctx: RolloutContext): Promise<Rollout> {
  const strategy = ctx.config.strategy;
  if (strategy.type !== "canary") throw new StepFailedError("switch", "canary strategy without canary settings");
  const indexes = Array.from({ length: ctx.instances }, (_, i) => i);
  const fresh = await launchChecked(ctx, indexes);
  const old = ctx.before.instances;
  if (old.length > 0) {
    try {
      const verdict = await ctx.step(
        "canary",
        async () => {
          const share = strategy.share;
          // provisional like every switch: a deploy killed during the canary leaves the old release serving
          await ctx.traffic.move([
            ...fresh.map((instance) => ({ instance, weight: share / fresh.length })),
            ...old.map((instance) => ({ instance, weight: (1 - share) / old.length })),
          ]);
          await sleep(strategy.durationMs);
          ctx.traffic.check("canary");
          const stats = await ctx.target.stats();
          const sum = (isNew: boolean): { requests: number; errors: number } =>
            stats.routes
              .filter((r) => r.tag.startsWith(`${ctx.release}#`) === isNew)
              .reduce((acc, r) => ({ requests: acc.requests + r.requests, errors: acc.errors + r.errors }), { requests: 0, errors: 0 });
          return judgeCanary(sum(false), sum(true), strategy);
        },
        (v) => ({ share: strategy.share, durationMs: strategy.durationMs, promote: v.promote, reason: v.reason, old: v.old, new: v.fresh }),
      );
      if (!verdict.promote) throw new StepFailedError("canary", `canary rejected: ${verdict.reason}`);
    } catch (error) {
      const recoveryMs = await restoreOld(ctx, fresh);
      const message = error instanceof Error ? error.message : String(error);
      throw new RolloutFailedError("canary", message, ctx.traffic.moved, recoveryMs);
    }
  }
  await switchAll(ctx, fresh);
  return { newInstances: fresh, oldInstances: old };
}
