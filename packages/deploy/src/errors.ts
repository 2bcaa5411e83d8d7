/**
 * Why a deploy was refused before it changed anything: `locked` (a live deploy holds the lock),
 * `unchecked-lock` (the holder cannot be checked from here: another host, another container, an
 * unreadable lock), `stale-lock` (another deploy was taking over the stale lock, or was killed doing so),
 * `dirty` (uncommitted changes, for a production environment, without --allow-dirty).
 */
export type DeployRefusalReason = "locked" | "unchecked-lock" | "stale-lock" | "dirty";

/**
 * A deploy that could not start (the environment is locked). The CLI prints the message as one
 * line and exits 1, like a failed gate; nothing on the target was touched.
 */
export class DeployRefusedError extends Error {
  readonly reason: DeployRefusalReason;

  constructor(reason: DeployRefusalReason, message: string) {
    super(message);
    this.name = "DeployRefusedError";
    this.reason = reason;
  }
}

/**
 * A pipeline step that failed; `step` names it. `detail`, when set, is recorded on the step's own
 * event (e.g. every gate's verdict on the `preflight` event of a failed preflight).
 */
export class StepFailedError extends Error {
  readonly detail: Record<string, unknown> | undefined;

  constructor(
    readonly step: string,
    message: string,
    options: { cause?: unknown; detail?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "StepFailedError";
    this.detail = options.detail;
  }
}
