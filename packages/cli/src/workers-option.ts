import { WardenError } from "@warden/core";

/** Most worker threads `--workers` accepts. */
export const MAX_WORKERS = 64;

/** Parse `--workers N` for `check` and `scan` alike: a whole number from 0 (in-process) to {@link MAX_WORKERS}. */
export function parseWorkers(text: string): number {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value > MAX_WORKERS) {
    throw new WardenError("USAGE", `--workers ${text}: expected a whole number from 0 (in-process) to ${MAX_WORKERS}`);
  }
  return value;
}
