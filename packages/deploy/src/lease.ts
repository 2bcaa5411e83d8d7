import type { DeployEnvironment } from "@warden/core";
import { StepFailedError } from "./errors.js";
import type { InstanceTarget, Route } from "./types.js";

/**
 * How long a provisional switch lives without a renewal: twice the health check's per-attempt
 * timeout (the slowest answer the deploy tolerates from anything on the host), between 2 and 10 s.
 * The deploy renews it every quarter of that, so it survives a slow or lost renewal or two; a
 * killed deploy leaves the old version serving again at most this long after it died.
 */
export function switchLeaseMs(config: Pick<DeployEnvironment, "health">): number {
  return Math.min(10_000, Math.max(2000, 2 * config.health.timeoutMs));
}

/**
 * The deploy's side of the proxy's dead man's switch: traffic moves provisionally
 * ({@link InstanceTarget.switchProvisional}), a timer renews the lease while the deploy runs, and
 * `confirm()` makes the switch final once the new version has passed its checks. If the deploy
 * dies, the renewals stop and the proxy goes back to the previous routes by itself.
 */
export class SwitchLease {
  private id: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private renewing = false;
  private lost: string | undefined;
  private lastError: string | undefined;
  /** Whether the last move was provisional (false: the running proxy predates leases, the move was final). */
  private leased = false;

  constructor(
    private readonly target: InstanceTarget,
    readonly leaseMs: number,
  ) {}

  private movedOnce = false;

  /** Whether any move of traffic was attempted (from then on a request may have reached the new release). */
  get moved(): boolean {
    return this.movedOnce;
  }

  /** Move traffic to `routes` provisionally; a second move before `confirm()` keeps the same fallback. */
  async move(routes: readonly Route[]): Promise<void> {
    this.movedOnce = true;
    this.lost = undefined;
    this.lastError = undefined;
    this.id = await this.target.switchProvisional(routes, this.leaseMs);
    this.leased = this.id !== undefined;
    if (this.id === undefined) {
      this.stop();
      return;
    }
    if (this.timer === undefined) {
      this.timer = setInterval(() => void this.renew(), Math.max(50, Math.floor(this.leaseMs / 4)));
      this.timer.unref();
    }
  }

  private async renew(): Promise<void> {
    const id = this.id;
    if (id === undefined || this.renewing) return;
    this.renewing = true;
    try {
      const held = await this.target.renewSwitch(id, Math.floor(this.leaseMs / 2));
      if (!held && this.id === id) {
        this.lost = `the proxy reverted the switch: it was not renewed within its lease of ${this.leaseMs} ms${this.lastError === undefined ? "" : ` (last renewal error: ${this.lastError})`}`;
        this.id = undefined;
        this.stop();
      }
    } catch (error) {
      // the next renewal tries again; if none gets through in time the proxy reverts, and confirm() reports it
      this.lastError = error instanceof Error ? error.message : String(error);
    } finally {
      this.renewing = false;
    }
  }

  /** Throw (as a failure of `step`) when the proxy has already gone back to the old routes. */
  check(step: string): void {
    if (this.lost !== undefined) throw new StepFailedError(step, this.lost);
  }

  /**
   * Make the current provisional switch final. Throws a StepFailedError of `step` when the proxy
   * had already reverted it. Resolves with whether the switch was provisional at all.
   */
  async confirm(step: string): Promise<boolean> {
    this.stop();
    this.check(step);
    const id = this.id;
    if (id === undefined) return this.leased;
    this.id = undefined;
    if (!(await this.target.confirmSwitch(id))) {
      throw new StepFailedError(step, `the proxy had already reverted the switch: it was not confirmed within its lease of ${this.leaseMs} ms${this.lastError === undefined ? "" : ` (last renewal error: ${this.lastError})`}`);
    }
    return true;
  }

  /** Stop renewing (the proxy reverts when the lease runs out, unless traffic is set again first). */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
