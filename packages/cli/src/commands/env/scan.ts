/** The environment settings of `warden scan`, read in one place (for tests and `pnpm bench secrets`). */

/** How a paths scan must use threads whatever the machine (WARDEN_SCAN_THREADS=read-ahead), or undefined: decided by the scan. */
export function scanThreadsOverride(env: NodeJS.ProcessEnv = process.env): "read-ahead" | undefined {
  return env.WARDEN_SCAN_THREADS === "read-ahead" ? "read-ahead" : undefined;
}

/** Whether a split scan waits until every worker has scanned its first files before the main thread starts (WARDEN_SCAN_WAIT_WORKERS=1, for tests). */
export function scanWaitForWorkers(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.WARDEN_SCAN_WAIT_WORKERS === "1";
}
