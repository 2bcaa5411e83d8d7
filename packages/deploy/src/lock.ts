import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { DeployRefusedError } from "./errors.js";
import { bootId, pidAlive, pidNamespace, processStartTime } from "./processes.js";

/**
 * What a lock file records about its holder. `startTime`, `bootId` and `pidNamespace` identify
 * the holding process beyond its pid (absent where /proc is not available, and in locks written
 * by older versions); `step` is the pipeline step the holder reached, updated as it goes.
 */
export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly release: string;
  readonly since: string;
  readonly startTime?: string;
  readonly bootId?: string;
  readonly pidNamespace?: string;
  readonly step?: string;
}

/** A lock this deploy replaced: its holder, and why it was replaced. */
export interface ReplacedLock {
  readonly holder: LockInfo | undefined;
  /** Why the holder is known to be dead, or that the lock was removed with --force-unlock. */
  readonly reason: string;
  /** `stale`: the holder was provably dead; `forced`: removed with --force-unlock. */
  readonly how: "stale" | "forced";
}

/** A held deploy lock; `release()` removes it. */
export interface DeployLock {
  readonly file: string;
  readonly info: LockInfo;
  /** The lock this one replaced (a provably dead holder, or any with --force-unlock), if any. */
  readonly replaced: ReplacedLock | undefined;
  /** Record the step the deploy has reached in the lock file (reported if this deploy dies). */
  progress(step: string): void;
  release(): void;
}

/** What can be said about a lock's holder from this process. */
type Verdict = { readonly kind: "live"; readonly holder: LockInfo } | { readonly kind: "dead"; readonly why: string } | { readonly kind: "unchecked"; readonly why: string };

function readLock(file: string): LockInfo | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockInfo> | null;
    if (parsed === null || typeof parsed !== "object" || typeof parsed.pid !== "number" || typeof parsed.host !== "string") return undefined;
    return parsed as LockInfo;
  } catch {
    return undefined; // missing, half-written or not JSON: the holder cannot be checked
  }
}

/** Whether two lock records describe the same acquisition. */
function sameHolder(a: LockInfo | undefined, b: LockInfo | undefined): boolean {
  return a !== undefined && b !== undefined && a.pid === b.pid && a.host === b.host && a.since === b.since;
}

/**
 * Judge a lock's holder. Dead only when provable: the lock was taken on this host and in this pid
 * namespace, and its process is gone (or the host rebooted since, or the pid now belongs to a
 * process that started later). A lock from another host or another container cannot be checked.
 */
function judge(holder: LockInfo | undefined): Verdict {
  if (holder === undefined) return { kind: "unchecked", why: "the lock file cannot be read" };
  if (holder.host !== hostname()) return { kind: "unchecked", why: `it was taken on ${holder.host}, and a process there cannot be checked from ${hostname()}` };
  const boot = bootId();
  if (holder.bootId !== undefined && boot !== undefined && holder.bootId !== boot) return { kind: "dead", why: `pid ${holder.pid} ran before this host last restarted` };
  const ns = pidNamespace();
  if (holder.pidNamespace !== undefined && ns !== undefined && holder.pidNamespace !== ns) {
    return { kind: "unchecked", why: `it was taken in another pid namespace (${holder.pidNamespace}, another container?), whose processes cannot be checked from here` };
  }
  if (!pidAlive(holder.pid)) return { kind: "dead", why: `pid ${holder.pid} is no longer running` };
  const started = processStartTime(holder.pid);
  if (holder.startTime !== undefined && started !== undefined && started !== holder.startTime) {
    return { kind: "dead", why: `pid ${holder.pid} is no longer running (the pid now belongs to a later process)` };
  }
  return { kind: "live", holder };
}

function describeHolder(holder: LockInfo): string {
  return `pid ${holder.pid} on ${holder.host}, release ${holder.release}${holder.step === undefined ? "" : `, at step ${holder.step}`}`;
}

function writeAtomically(file: string, info: LockInfo): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(info)}\n`);
  renameSync(tmp, file);
}

/** Create `file` with the lock record, complete or not at all; throws EEXIST when it exists. */
function createExclusively(file: string, info: LockInfo): void {
  const tmp = `${file}.${process.pid}.new`;
  writeFileSync(tmp, `${JSON.stringify(info)}\n`);
  try {
    linkSync(tmp, file); // link(2) fails when the lock exists, so readers never see a half-written lock
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Take the deploy lock of one environment (`<dir>/lock`, created exclusively and complete).
 *
 * - A lock held by a live process refuses the deploy, even with `forceUnlock`.
 * - A lock whose holder is provably dead (same host and pid namespace, process gone or its pid
 *   reused) is taken over; `replaced` says whose it was and why, for the caller to report.
 * - A lock that cannot be checked (another host, another container, unreadable) refuses the
 *   deploy unless `forceUnlock` is set.
 *
 * Two deploys taking over the same stale lock at once are serialised by a marker file
 * (`lock.takeover-<pid>-<time>`, created exclusively): one wins, the other finds the winner's live lock.
 */
export function acquireLock(dir: string, env: string, release: string, options: { forceUnlock?: boolean } = {}): DeployLock {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "lock");
  const display = path.relative(process.cwd(), file) || file;
  const identity = { startTime: processStartTime("self"), bootId: bootId(), pidNamespace: pidNamespace() };
  let info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    release,
    since: new Date().toISOString(),
    ...Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined)),
  };
  let replaced: ReplacedLock | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      createExclusively(file, info);
      const mine = info;
      return {
        file,
        get info() {
          return info;
        },
        replaced,
        progress: (step) => {
          if (!sameHolder(readLock(file), mine)) return; // removed with --force-unlock by someone else: do not bring it back
          info = { ...info, step };
          writeAtomically(file, info);
        },
        release: () => {
          if (sameHolder(readLock(file), mine)) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readLock(file);
    const verdict = judge(holder);
    if (verdict.kind === "live") {
      const live = verdict.holder;
      throw new DeployRefusedError(
        "locked",
        `deploy of "${env}" refused: another deploy (pid ${live.pid} on ${live.host}, release ${live.release}) holds the lock since ${live.since}; wait for it to finish`,
      );
    }
    if (verdict.kind === "unchecked" && options.forceUnlock !== true) {
      const what = holder === undefined ? `${display} cannot be read, so its holder cannot be checked` : `${display} was taken by ${describeHolder(holder)} at ${holder.since}, and its holder cannot be checked: ${verdict.why}`;
      throw new DeployRefusedError("unchecked-lock", `deploy of "${env}" refused: ${what}; check nothing is deploying, then rerun with --force-unlock`);
    }
    replaced = { holder, reason: verdict.why, how: verdict.kind === "dead" ? "stale" : "forced" };
    if (options.forceUnlock !== true) {
      takeOver(file, holder, env, display);
    } else {
      // the user checked that nothing is deploying: the lock and any interrupted takeover go
      rmSync(file, { force: true });
      for (const name of readdirSync(dir)) if (name.startsWith("lock.takeover-")) rmSync(path.join(dir, name), { force: true });
    }
  }
  throw new DeployRefusedError("locked", `deploy of "${env}" refused: could not take the lock ${display}`);
}

/** Remove the lock of a provably dead holder, unless another deploy is doing so or already has. */
function takeOver(file: string, holder: LockInfo | undefined, env: string, display: string): void {
  const marker = `${file}.takeover-${holder?.pid ?? "unreadable"}-${holder === undefined ? 0 : Date.parse(holder.since)}`;
  try {
    writeFileSync(marker, `${JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() })}\n`, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new DeployRefusedError(
      "stale-lock",
      `deploy of "${env}" refused: another deploy is taking over the stale lock ${display} (or was killed while doing so: ${path.basename(marker)}); check nothing is deploying, then rerun with --force-unlock`,
    );
  }
  try {
    // only the stale holder's lock is removed: a deploy that won the race meanwhile keeps its own
    if (sameHolder(readLock(file), holder)) rmSync(file, { force: true });
  } finally {
    rmSync(marker, { force: true });
  }
}
