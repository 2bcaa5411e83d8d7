import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, installHooks, type TempRepo } from "@warden/test-utils";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const PLACEHOLDER = 'export function pay(): void {\n  throw new Error("not implemented");\n}\n';

function setup(): { repo: TempRepo; env: NodeJS.ProcessEnv; socketDir: string } {
  const repo = gitRepo({ "a.ts": "export const a = 1;\n" });
  const socketDir = mkdtempSync(path.join(tmpdir(), "warden-sock-"));
  const env = { WARDEN_DAEMON: "1", WARDEN_DAEMON_DIR: socketDir, WARDEN_DAEMON_IDLE_MS: "60000", WARDEN_DEBUG: "1" };
  cleanups.push(() => {
    for (const pid of servedPids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    repo.cleanup();
    rmSync(socketDir, { recursive: true, force: true });
  });
  return { repo, env, socketDir };
}

const servedPids = new Set<number>();
function servedBy(stderr: string): number | undefined {
  const match = /served by the warm server \(pid (\d+)\)/.exec(stderr);
  if (match === null) return undefined;
  const pid = Number(match[1]);
  servedPids.add(pid);
  return pid;
}

async function waitForSocket(dir: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(".sock"))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the warm server did not start");
}

describe("warm server", () => {
  it("serves the second run with the same result, and survives being killed", async () => {
    const { repo, env, socketDir } = setup();
    repo.write({ "bad.ts": PLACEHOLDER });
    const first = repo.warden(["check", "--format", "json"], { env });
    expect(first.code).toBe(1);
    expect(servedBy(first.stderr)).toBeUndefined();
    await waitForSocket(socketDir);

    const second = repo.warden(["check", "--format", "json"], { env });
    const pid = servedBy(second.stderr);
    expect(pid).toBeTypeOf("number");
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stdout).findings).toEqual(JSON.parse(first.stdout).findings);

    process.kill(pid as number, "SIGKILL");
    const afterKill = repo.warden(["check", "--format", "json"], { env });
    expect(afterKill.code).toBe(1);
    expect(servedBy(afterKill.stderr)).toBeUndefined();
    expect(JSON.parse(afterKill.stdout).findings).toEqual(JSON.parse(first.stdout).findings);
  });

  it("reads the index git hands the hook (git commit -a), not its own environment", async () => {
    const { repo, env, socketDir } = setup();
    installHooks(repo);
    expect(repo.commit("feat: start").code).toBe(0);
    repo.warden(["check", "--staged"], { env });
    await waitForSocket(socketDir);
    repo.write({ "a.ts": PLACEHOLDER });
    const { spawnSync } = await import("node:child_process");
    const { GIT_ENV } = await import("@warden/test-utils");
    const result = spawnSync("git", ["commit", "-a", "-m", "feat: pay"], { cwd: repo.dir, env: { ...GIT_ENV, ...env }, encoding: "utf8" });
    expect(servedBy(result.stderr)).toBeTypeOf("number");
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("a.ts:2:3");
  });
});
