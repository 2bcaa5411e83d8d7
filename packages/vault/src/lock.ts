import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { WardenError } from "@warden/core/lite";

/** How long a writer waits for a lock before giving up with one clear line. */
const WAIT_MS = 15_000;
/** A lock file with no readable holder (a writer killed between creating it and writing its pid) is taken over after this long. */
const ORPHAN_MS = 30_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Remove `file` if it is there (unlink: `rmSync` would load Node's recursive-removal module on `run`'s fast start). */
function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock's holder as written in it: its pid, or undefined (gone, or not written yet). */
function holderOf(lock: string): { pid: number | undefined; text: string } | undefined {
  try {
    const text = readFileSync(lock, "utf8");
    const pid = Number(text);
    return { pid: Number.isInteger(pid) && pid > 0 ? pid : undefined, text };
  } catch {
    return undefined; // released meanwhile
  }
}

function stale(lock: string, holder: { pid: number | undefined }): boolean {
  if (holder.pid !== undefined) return holder.pid !== process.pid && !pidAlive(holder.pid);
  try {
    return Date.now() - statSync(lock).mtimeMs > ORPHAN_MS;
  } catch {
    return false;
  }
}

/**
 * Remove a stale lock, unless another waiter does it first: the removal happens under `<lock>.break`
 * (exclusive create) after reading the holder again, so a waiter that judged the old lock stale never
 * removes the fresh lock a quicker waiter has taken meanwhile.
 */
function breakStale(lock: string, seen: string): void {
  const guard = `${lock}.break`;
  try {
    closeSync(openSync(guard, "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Another waiter is breaking it; a guard left by a waiter killed in these few lines is removed once old.
    try {
      if (Date.now() - statSync(guard).mtimeMs > ORPHAN_MS) removeFile(guard);
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    if (holderOf(lock)?.text === seen) removeFile(lock);
  } finally {
    removeFile(guard);
  }
}

/**
 * Run `fn` holding `lock`: a file created exclusively that holds the holder's pid, removed after.
 * A lock whose holder is no longer running (or, with no pid in it, older than 30 s) is taken over.
 * A writer that waits longer than 15 s gives up with one clear line (a usage error: exit 2), naming
 * `what` is locked and the holder's pid. Not re-entrant: a process never takes the same lock twice.
 */
export function withLock<T>(lock: string, what: string, fn: () => T, options: { readonly waitMs?: number } = {}): T {
  const waitMs = options.waitMs ?? WAIT_MS;
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    let fd: number | undefined;
    try {
      fd = openSync(lock, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      break;
    }
    const holder = holderOf(lock);
    if (holder !== undefined && stale(lock, holder)) {
      breakStale(lock, holder.text);
      continue;
    }
    if (Date.now() > deadline) {
      const by = holder?.pid === undefined ? "another process" : `process ${holder.pid}`;
      throw new WardenError("USAGE", `${what} is locked by ${by} (${lock}); waited ${waitMs / 1000} s: try again when it is done`);
    }
    sleep(Math.min(50, 2 + attempt * 2));
  }
  try {
    return fn();
  } finally {
    removeFile(lock);
  }
}
