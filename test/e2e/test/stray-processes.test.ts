// The process-leak check every shared cleanup uses (useRepos, the deploy tests' cleanupRepo):
// it must see a process a test left running in its temporary repository.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { gitRepo, strayProcesses, waitForNoStrays } from "@warden/test-utils";

describe("strayProcesses", () => {
  it("finds a process running in a test repository (by working folder), and nothing once it is stopped", async () => {
    const repo = gitRepo();
    const child = spawn("sleep", ["30"], { cwd: repo.dir, stdio: "ignore" });
    try {
      expect(strayProcesses([repo.dir])).toEqual([`${child.pid} sleep 30`]);
      expect(strayProcesses(["/nonexistent/warden-test"])).toEqual([]);
    } finally {
      child.kill("SIGKILL");
    }
    expect(await waitForNoStrays([repo.dir], 5000)).toEqual([]);
    repo.cleanup();
  });
});
