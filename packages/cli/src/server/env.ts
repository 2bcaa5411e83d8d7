/** The environment settings of the warm server, read in one place. */

/** Whether the warm server is switched off: WARDEN_DAEMON=0, or CI (one-shot machines gain nothing). */
export function serverDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const flag = env.WARDEN_DAEMON;
  if (flag !== undefined) return flag === "0" || flag === "false" || flag === "off";
  return env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
}

/** The folder for the server's socket (WARDEN_DAEMON_DIR overrides, for tests). */
export function serverDirOverride(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.WARDEN_DAEMON_DIR === undefined || env.WARDEN_DAEMON_DIR === "" ? undefined : env.WARDEN_DAEMON_DIR;
}

/** How long an idle server lives, in milliseconds (WARDEN_DAEMON_IDLE_MS, default 15 minutes). */
export function serverIdleMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.WARDEN_DAEMON_IDLE_MS);
  return Number.isFinite(value) && value > 0 ? value : 15 * 60 * 1000;
}

/** A copy of this process's environment, to send with a request. */
export function environmentSnapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) out[key] = value;
  return out;
}

/** Whether WARDEN_DEBUG asks for diagnostics on stderr. */
export function debugEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.WARDEN_DEBUG !== undefined && env.WARDEN_DEBUG !== "" && env.WARDEN_DEBUG !== "0";
}

function positive(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(number) && number > 0 ? number : fallback;
}

/** How long a client waits for a server to accept its request before it bypasses it (WARDEN_DAEMON_ACCEPT_MS, default 1 s). */
export function serverAcceptMs(env: NodeJS.ProcessEnv = process.env): number {
  return positive(env.WARDEN_DAEMON_ACCEPT_MS, 1000);
}

/** How long a running request may go without a message (the server pings every second) before the client gives up on the server (WARDEN_DAEMON_STALL_MS, default 5 s). */
export function serverStallMs(env: NodeJS.ProcessEnv = process.env): number {
  return positive(env.WARDEN_DAEMON_STALL_MS, 5000);
}

/** The longest one served request may run (WARDEN_DAEMON_TIMEOUT_MS, default 10 minutes). */
export function serverRequestTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return positive(env.WARDEN_DAEMON_TIMEOUT_MS, 10 * 60 * 1000);
}

/** How long a worker thread that has served requests may sit idle before it exits and gives its memory back (WARDEN_DAEMON_WORKER_IDLE_MS, default 30 s). */
export function workerIdleMs(env: NodeJS.ProcessEnv = process.env): number {
  return positive(env.WARDEN_DAEMON_WORKER_IDLE_MS, 30 * 1000);
}

/** Requests run at the same time, each in its own worker thread (WARDEN_DAEMON_WORKERS, default 4); more wait in line. */
export function serverMaxWorkers(env: NodeJS.ProcessEnv = process.env): number {
  return Math.floor(positive(env.WARDEN_DAEMON_WORKERS, 4));
}
