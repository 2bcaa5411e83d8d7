import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { DeployRefusedError } from "./errors.js";
import { pidAlive } from "./processes.js";

/** What a lock file records about its holder. */
export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly release: string;
  readonly since: string;
}

/** A held deploy lock; `release()` removes it. */
export interface DeployLock {
  readonly file: string;
  readonly info: LockInfo;
  /** The stale lock this one replaced (with --force-unlock), if any. */
  readonly replaced: LockInfo | undefined;
  release(): void;
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

/**
 * Take the deploy lock of one environment (`<dir>/lock`, created exclusively). A lock held by a
 * live process refuses the deploy; a lock left by a dead process is reported and only removed
 * when `forceUnlock` is set.
 */
export function acquireLock(dir: string, env: string, release: string, options: { forceUnlock?: boolean } = {}): DeployLock {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "lock");
  const info: LockInfo = { pid: process.pid, host: hostname(), release, since: new Date().toISOString() };
  let replaced: LockInfo | undefined;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${JSON.stringify(info)}\n`, { flag: "wx" });
      return {
        file,
        info,
        replaced,
        release: () => {
          const holder = readLock(file);
          if (holder?.pid === info.pid && holder.since === info.since) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readLock(file);
    const sameHost = holder === undefined || holder.host === hostname();
    if (holder !== undefined && (!sameHost || pidAlive(holder.pid))) {
      throw new DeployRefusedError(
        "locked",
        `deploy of "${env}" refused: another deploy (pid ${holder.pid} on ${holder.host}, release ${holder.release}) holds the lock since ${holder.since}; wait for it to finish`,
      );
    }
    if (options.forceUnlock !== true) {
      const who = holder === undefined ? "an unreadable lock" : `pid ${holder.pid} (no longer running), since ${holder.since}`;
      throw new DeployRefusedError(
        "stale-lock",
        `deploy of "${env}" refused: stale lock ${path.relative(process.cwd(), file) || file} left by ${who}; check nothing is deploying, then rerun with --force-unlock`,
      );
    }
    replaced = holder;
    rmSync(file, { force: true });
  }
  throw new DeployRefusedError("locked", `deploy of "${env}" refused: could not take the lock ${file}`);
}
