import { afterEach } from "vitest";
import { gitRepo, type TempRepo } from "./index.js";

/**
 * A maker of temporary git repositories that are removed after each test: call it once at the top
 * of a test file, then `const repo = useRepo({ "a.ts": "…" })` in the tests.
 */
export function useRepos(): (files?: Readonly<Record<string, string | Buffer>>, options?: { bare?: boolean }) => TempRepo {
  const made: TempRepo[] = [];
  afterEach(() => {
    for (const repo of made.splice(0)) repo.cleanup();
  });
  return (files = {}, options = {}) => {
    const repo = gitRepo(files, options);
    made.push(repo);
    return repo;
  };
}
