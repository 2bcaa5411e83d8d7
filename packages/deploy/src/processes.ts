import { spawn } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false; // no procfs (not Linux): rely on kill(0)
  }
}

/**
 * When process `pid` started, as recorded by the kernel (field 22 of `/proc/<pid>/stat`, clock
 * ticks since boot); undefined without procfs or when the process is gone. A pid that is reused
 * by a later process gets a different start time.
 */
export function processStartTime(pid: number | "self"): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19];
  } catch {
    return undefined; // no procfs (not Linux) or the process is gone
  }
}

/** This boot of this machine (`/proc/sys/kernel/random/boot_id`); undefined without procfs. */
export function bootId(): string | undefined {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || undefined;
  } catch {
    return undefined; // no procfs: boots cannot be told apart
  }
}

/** The pid namespace of this process (`pid:[…]`, differs between containers); undefined without procfs. */
export function pidNamespace(): string | undefined {
  try {
    return readlinkSync("/proc/self/ns/pid");
  } catch {
    return undefined; // no procfs: namespaces cannot be told apart
  }
}

/** Whether a process with `pid` is running (a zombie waiting to be reaped counts as gone). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return !isZombie(pid);
}

/**
 * Start `command` through `sh -c`, detached in its own process group, output appended to
 * `logFile`; `input` is written to its standard input (then closed). Resolves to its pid once the
 * input is handed over.
 */
export function spawnDetached(command: string, options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; input?: string }): Promise<number> {
  const fd = openSync(options.logFile, "a");
  try {
    const child = spawn("sh", ["-c", `exec ${command}`], { cwd: options.cwd, env: options.env, detached: true, stdio: [options.input === undefined ? "ignore" : "pipe", fd, fd] });
    child.unref();
    const pid = child.pid;
    if (pid === undefined) throw new Error(`cannot start: ${command}`);
    const stdin = child.stdin;
    if (stdin === null) return Promise.resolve(pid);
    return new Promise((resolve) => {
      // a child that exits before reading its input must not fail the write with EPIPE
      stdin.on("error", () => resolve(pid));
      stdin.end(options.input, () => resolve(pid));
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether process group `pgid` still has a member. The processes Warden starts lead their own
 * group, so a supervisor killed with SIGKILL leaves its child (the app) behind in the group: an
 * orphan this finds.
 */
export function groupAlive(pgid: number): boolean {
  if (!Number.isInteger(pgid) || pgid <= 1) return false;
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // a zombie member (its parent has not reaped it yet) holds nothing: look for a live one
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return true; // no procfs: kill(0) is all there is
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid && fields[0] !== "Z") return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

/**
 * Send SIGTERM to a process group (or the process), wait up to `graceMs`, then SIGKILL. Resolves
 * once the process and its group are gone (orphans of a dead group leader included).
 */
export async function stopProcess(pid: number, graceMs: number): Promise<void> {
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        // already gone
      }
    }
  };
  const running = (): boolean => pidAlive(pid) || groupAlive(pid);
  if (!running()) return;
  signal("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (running() && Date.now() < deadline) await sleep(25);
  if (running()) signal("SIGKILL");
  while (running()) await sleep(10);
}
