import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname, userInfo } from "node:os";
import path from "node:path";
import type { Host } from "./hosts/host.js";
import { DeployRefusedError } from "./errors.js";
import { bootId, pidAlive, pidNamespace, processStartTime } from "./processes.js";

/**
 * What a lock file records about its holder. `startTime`, `bootId` and `pidNamespace` identify
 * the holding process beyond its pid (absent where /proc is not available, and in locks written
 * by older versions); `step` is the pipeline step the holder reached, updated as it goes.
 */
export interface LockInfo {
  readonly pid: number;
  /** The machine the deploy runs on (not the target host). */
  readonly host: string;
  /** Who runs the deploy (the OS user on that machine). */
  readonly user?: string;
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
  /** Where the lock file is, for messages. */
  readonly file: string;
  readonly info: LockInfo;
  /** The lock this one replaced (a provably dead holder, or any with --force-unlock), if any. */
  readonly replaced: ReplacedLock | undefined;
  /** Record the step the deploy has reached in the lock file (reported if this deploy dies, or to a refused one). */
  progress(step: string): Promise<void>;
  release(): Promise<void>;
}

/**
 * Where a lock lives: a folder on this machine, or the environment's folder on the target host
 * (so two checkouts deploying to one host share it). Names are relative to that folder.
 */
export interface LockStore {
  /** The lock file, for messages (`.warden/deploy/web/lock`, `deploy@web-1:22:/srv/app/web/lock`). */
  readonly where: string;
  read(name: string): Promise<string | undefined>;
  /** Create `name` with `text`, complete or not at all; false when it exists. */
  createExclusive(name: string, text: string): Promise<boolean>;
  /** Replace `name` atomically. */
  replace(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
  list(): Promise<string[]>;
}

/** A lock folder on this machine. */
export function localLockStore(dir: string): LockStore {
  const file = (name: string): string => path.join(dir, name);
  return {
    where: path.relative(process.cwd(), file("lock")) || file("lock"),
    read: async (name) => {
      try {
        return readFileSync(file(name), "utf8");
      } catch {
        return undefined;
      }
    },
    createExclusive: async (name, text) => {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file(name)}.${process.pid}.new`;
      writeFileSync(tmp, text);
      try {
        linkSync(tmp, file(name)); // link(2) fails when the file exists, so readers never see half a lock
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw error;
      } finally {
        rmSync(tmp, { force: true });
      }
    },
    replace: async (name, text) => {
      const tmp = `${file(name)}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, file(name));
    },
    remove: async (name) => rmSync(file(name), { force: true }),
    list: async () => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}

/** A lock folder on a target host (this machine or one reached over ssh). */
export function hostLockStore(host: Host, dir: string, where = `${host.name}:${dir}/lock`): LockStore {
  const file = (name: string): string => `${dir}/${name}`;
  return {
    where,
    read: (name) => host.readText(file(name)),
    createExclusive: (name, text) => host.createExclusive(file(name), text),
    replace: (name, text) => host.writeText(file(name), text),
    remove: (name) => host.remove(file(name)),
    list: () => host.list(dir),
  };
}

/** What can be said about a lock's holder from this process. */
type Verdict = { readonly kind: "live"; readonly holder: LockInfo } | { readonly kind: "dead"; readonly why: string } | { readonly kind: "unchecked"; readonly why: string };

function parseLock(text: string | undefined): LockInfo | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<LockInfo> | null;
    if (parsed === null || typeof parsed !== "object" || typeof parsed.pid !== "number" || typeof parsed.host !== "string") return undefined;
    return parsed as LockInfo;
  } catch {
    return undefined; // half-written or not JSON: the holder cannot be checked
  }
}

/** Whether two lock records describe the same acquisition. */
function sameHolder(a: LockInfo | undefined, b: LockInfo | undefined): boolean {
  return a !== undefined && b !== undefined && a.pid === b.pid && a.host === b.host && a.since === b.since;
}

/** "3m 12s" since an ISO time. */
export function ageOf(since: string, now: number = Date.now()): string {
  const ms = now - Date.parse(since);
  if (!Number.isFinite(ms) || ms < 0) return "unknown time";
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h}h ${m % 60}m` : `${Math.floor(h / 24)}d ${h % 24}h`;
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

/** Who holds a lock, for messages: user, machine, pid, release, step. */
function describeHolder(holder: LockInfo): string {
  return `${holder.user === undefined ? "" : `${holder.user} on `}${holder.host}, pid ${holder.pid}, release ${holder.release}${holder.step === undefined ? "" : `, at step ${holder.step}`}`;
}

/**
 * Take the deploy lock of one environment (`lock` in the store's folder, created exclusively and
 * complete) — on the target host for the local and ssh targets, so every checkout deploying there
 * sees it.
 *
 * - A lock held by a live process refuses the deploy, even with `forceUnlock`; the refusal names
 *   the holder (user, machine, pid, release, step) and how long it has held the lock.
 * - A lock whose holder is provably dead (same machine and pid namespace, process gone or its pid
 *   reused) is taken over; `replaced` says whose it was and why, for the caller to report.
 * - A lock that cannot be checked (another machine, another container, unreadable) refuses the
 *   deploy unless `forceUnlock` is set.
 *
 * Two deploys taking over the same stale lock at once are serialised by a marker file
 * (`lock.takeover-<pid>-<time>`, created exclusively): one wins, the other finds the winner's live lock.
 */
export async function acquireLockOn(store: LockStore, env: string, release: string, options: { forceUnlock?: boolean } = {}): Promise<DeployLock> {
  const display = store.where;
  const identity = { startTime: processStartTime("self"), bootId: bootId(), pidNamespace: pidNamespace() };
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    user = undefined;
  }
  let info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    ...(user === undefined ? {} : { user }),
    release,
    since: new Date().toISOString(),
    ...Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined)),
  };
  let replaced: ReplacedLock | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await store.createExclusive("lock", `${JSON.stringify(info)}\n`)) {
      const mine = info;
      return {
        file: display,
        get info() {
          return info;
        },
        replaced,
        progress: async (step) => {
          if (!sameHolder(parseLock(await store.read("lock")), mine)) return; // removed with --force-unlock by someone else: do not bring it back
          info = { ...info, step };
          await store.replace("lock", `${JSON.stringify(info)}\n`);
        },
        release: async () => {
          if (sameHolder(parseLock(await store.read("lock")), mine)) await store.remove("lock");
        },
      };
    }
    const holder = parseLock(await store.read("lock"));
    const verdict = judge(holder);
    if (verdict.kind === "live") {
      const live = verdict.holder;
      throw new DeployRefusedError(
        "locked",
        `deploy of "${env}" refused: another deploy (${describeHolder(live)}) holds the lock ${display} since ${live.since} (${ageOf(live.since)}); wait for it to finish`,
      );
    }
    if (verdict.kind === "unchecked" && options.forceUnlock !== true) {
      const what =
        holder === undefined
          ? `${display} cannot be read, so its holder cannot be checked`
          : `${display} was taken by ${describeHolder(holder)} at ${holder.since} (${ageOf(holder.since)} ago), and its holder cannot be checked: ${verdict.why}`;
      throw new DeployRefusedError("unchecked-lock", `deploy of "${env}" refused: ${what}; check nothing is deploying, then rerun with --force-unlock`);
    }
    replaced = { holder, reason: verdict.why, how: verdict.kind === "dead" ? "stale" : "forced" };
    if (options.forceUnlock !== true) {
      await takeOver(store, holder, env, display);
    } else {
      // the user checked that nothing is deploying: the lock and any interrupted takeover go
      await store.remove("lock");
      for (const name of await store.list()) if (name.startsWith("lock.takeover-")) await store.remove(name);
    }
  }
  throw new DeployRefusedError("locked", `deploy of "${env}" refused: could not take the lock ${display}`);
}

/** {@link acquireLockOn} a folder on this machine (`<dir>/lock`). */
export async function acquireLock(dir: string, env: string, release: string, options: { forceUnlock?: boolean } = {}): Promise<DeployLock> {
  mkdirSync(dir, { recursive: true });
  return acquireLockOn(localLockStore(dir), env, release, options);
}

/** Remove the lock of a provably dead holder, unless another deploy is doing so or already has. */
async function takeOver(store: LockStore, holder: LockInfo | undefined, env: string, display: string): Promise<void> {
  const marker = `lock.takeover-${holder?.pid ?? "unreadable"}-${holder === undefined ? 0 : Date.parse(holder.since)}`;
  if (!(await store.createExclusive(marker, `${JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() })}\n`))) {
    throw new DeployRefusedError(
      "stale-lock",
      `deploy of "${env}" refused: another deploy is taking over the stale lock ${display} (or was killed while doing so: ${marker}); check nothing is deploying, then rerun with --force-unlock`,
    );
  }
  try {
    // only the stale holder's lock is removed: a deploy that won the race meanwhile keeps its own
    if (sameHolder(parseLock(await store.read("lock")), holder)) await store.remove("lock");
  } finally {
    await store.remove(marker);
  }
}
