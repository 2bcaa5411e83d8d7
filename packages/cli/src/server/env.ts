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
