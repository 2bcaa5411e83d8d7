import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireLock, ageOf, DeployRefusedError, type LockInfo } from "@warden/deploy";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function lockDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "warden-lock-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
}

/** A real process that stays alive until the test ends. */
function liveProcess(): ChildProcess & { pid: number } {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  cleanups.push(() => child.kill("SIGKILL"));
  if (child.pid === undefined) throw new Error("sleep did not start");
  return child as ChildProcess & { pid: number };
}

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn("true", [], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  if (child.pid === undefined) throw new Error("true did not start");
  return child.pid;
}

function writeLock(dir: string, info: Partial<LockInfo>): LockInfo {
  const full = { pid: 1, host: hostname(), release: "20261122T074630966Z-815c1a6", since: "2026-11-22T07:46:30.966Z", ...info } as LockInfo;
  writeFileSync(path.join(dir, "lock"), `${JSON.stringify(full)}\n`);
  return full;
}

async function refusal(run: () => Promise<unknown>): Promise<DeployRefusedError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DeployRefusedError) return error;
    throw error;
  }
  throw new Error("the lock was taken");
}

describe("the deploy lock", () => {
  it("records host, process start time and the step reached, and releases only its own lock", async () => {
    const dir = lockDir();
    const lock = await acquireLock(dir, "staging", "r1");
    expect(lock.replaced).toBeUndefined();
    const recorded = JSON.parse(readFileSync(lock.file, "utf8")) as LockInfo;
    expect(recorded).toMatchObject({ pid: process.pid, host: hostname(), release: "r1", startTime: startTimeOf(process.pid) });
    expect(recorded.bootId).toMatch(/^[0-9a-f-]{36}$/);
    await lock.progress("smoke");
    expect(JSON.parse(readFileSync(lock.file, "utf8"))).toMatchObject({ pid: process.pid, step: "smoke" });
    expect(readdirSync(dir)).toEqual(["lock"]);
    await lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it("refuses a lock held by a live process, even with forceUnlock", async () => {
    const dir = lockDir();
    const holder = liveProcess();
    writeLock(dir, { pid: holder.pid, startTime: startTimeOf(holder.pid) });
    for (const options of [{}, { forceUnlock: true }]) {
      const refused = await refusal(() => acquireLock(dir, "staging", "r2", options));
      expect(refused.reason).toBe("locked");
      expect(refused.message).toBe(
        `deploy of "staging" refused: another deploy (${hostname()}, pid ${holder.pid}, release 20261122T074630966Z-815c1a6) holds the lock ${path.relative(process.cwd(), path.join(dir, "lock"))} since 2026-11-22T07:46:30.966Z (${ageOf("2026-11-22T07:46:30.966Z")}); wait for it to finish`,
      );
    }
    // a lock written without a start time (older versions) and a live pid is live too
    writeLock(dir, { pid: holder.pid });
    expect((await refusal(() => acquireLock(dir, "staging", "r2"))).reason).toBe("locked");
  });

  it("takes over the lock of a dead process, or of a pid now used by a later process, and says whose it was", async () => {
    const dir = lockDir();
    const pid = await deadPid();
    const stale = writeLock(dir, { pid, step: "smoke" });
    const lock = await acquireLock(dir, "staging", "r3");
    expect(lock.replaced).toEqual({ holder: stale, reason: `pid ${pid} is no longer running`, how: "stale" });
    expect(JSON.parse(readFileSync(lock.file, "utf8"))).toMatchObject({ pid: process.pid, release: "r3" });
    await lock.release();

    // the pid is alive, but it is another process than the one that took the lock
    const reused = liveProcess();
    writeLock(dir, { pid: reused.pid, startTime: "1" });
    const again = await acquireLock(dir, "staging", "r4");
    expect(again.replaced).toMatchObject({ how: "stale", reason: `pid ${reused.pid} is no longer running (the pid now belongs to a later process)` });
    await again.release();

    // taken before this host last restarted
    writeLock(dir, { pid: reused.pid, startTime: startTimeOf(reused.pid), bootId: "00000000-0000-0000-0000-000000000000" });
    expect((await acquireLock(dir, "staging", "r5")).replaced).toMatchObject({ how: "stale", reason: `pid ${reused.pid} ran before this host last restarted` });
    expect(readdirSync(dir)).toEqual(["lock"]);
  });

  it("refuses a lock it cannot check (another host, another pid namespace, unreadable) unless forceUnlock", async () => {
    const dir = lockDir();
    const pid = await deadPid();
    writeLock(dir, { pid, host: "build-box-7", step: "switch" });
    const refused = await refusal(() => acquireLock(dir, "staging", "r6"));
    expect(refused.reason).toBe("unchecked-lock");
    expect(refused.message).toMatch(
      new RegExp(`^deploy of "staging" refused: .*lock was taken by build-box-7, pid ${pid}, release 20261122T074630966Z-815c1a6, at step switch at 2026-11-22T07:46:30\\.966Z \\(.* ago\\), and its holder cannot be checked: it was taken on build-box-7.*; check nothing is deploying, then rerun with --force-unlock$`),
    );
    const forced = await acquireLock(dir, "staging", "r6", { forceUnlock: true });
    expect(forced.replaced).toMatchObject({ how: "forced", holder: { host: "build-box-7" } });
    await forced.release();

    writeLock(dir, { pid, pidNamespace: "pid:[1]" });
    expect((await refusal(() => acquireLock(dir, "staging", "r7"))).message).toMatch(/another pid namespace .*rerun with --force-unlock$/);
    writeFileSync(path.join(dir, "lock"), "{not json");
    expect((await refusal(() => acquireLock(dir, "staging", "r7"))).message).toMatch(/lock cannot be read, so its holder cannot be checked; check nothing is deploying, then rerun with --force-unlock$/);
  });

  it("lets only one of two deploys take over a stale lock", async () => {
    const dir = lockDir();
    const pid = await deadPid();
    const stale = writeLock(dir, { pid });
    // another deploy is taking this stale lock over right now (its marker exists)
    writeFileSync(path.join(dir, `lock.takeover-${pid}-${Date.parse(stale.since)}`), "{}\n");
    const refused = await refusal(() => acquireLock(dir, "staging", "r8"));
    expect(refused.reason).toBe("stale-lock");
    expect(refused.message).toMatch(/another deploy is taking over the stale lock .*rerun with --force-unlock$/);
    // --force-unlock clears the lock and the marker
    await (await acquireLock(dir, "staging", "r8", { forceUnlock: true })).release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
