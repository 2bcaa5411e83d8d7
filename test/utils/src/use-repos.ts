import { afterEach } from "vitest";
import { gitRepo, type TempRepo } from "./index.js";
import { waitForNoStrays } from "./processes.js";

/**
 * A maker of temporary git repositories that are removed after each test: call it once at the top
 * of a test file, then `const repo = useRepo({ "a.ts": "…" })` in the tests. A process still
 * running in one of them after the test (its command line or working folder names the repository)
 * is killed and fails the test: every test cleans up what it starts.
 */
export function useRepos(): (files?: Readonly<Record<string, string | Buffer>>, options?: { bare?: boolean }) => TempRepo {
  const made: TempRepo[] = [];
  afterEach(async () => {
    const repos = made.splice(0);
    const stray = repos.length === 0 ? [] : await waitForNoStrays(repos.map((repo) => repo.dir), 2000);
    for (const line of stray) {
      try {
        process.kill(Number(line.split(" ")[0]), "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
    for (const repo of repos) repo.cleanup();
    if (stray.length > 0) throw new Error(`processes started in a test repository outlived the test (killed now):\n${stray.join("\n")}`);
  });
  return (files = {}, options = {}) => {
    const repo = gitRepo(files, options);
    made.push(repo);
    return repo;
  };
}
