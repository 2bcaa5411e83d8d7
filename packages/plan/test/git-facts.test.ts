import { gitRepo, type TempRepo } from "@warden/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeStartTimes, commitAuthors, deploymentKey, type Deployment } from "../src/index.js";

let repo: TempRepo;
const commits: string[] = [];
beforeAll(() => {
  repo = gitRepo();
  for (const [i, date] of ["2026-03-01T08:00:00Z", "2026-03-01T09:00:00Z", "2026-03-01T12:00:00Z", "2026-03-01T13:00:00Z"].entries()) {
    repo.git(["commit", "-q", "--allow-empty", "-m", `feat: ${i}`, "--date", date]);
    commits.push(repo.git(["rev-parse", "HEAD"]).stdout.trim());
  }
});
afterAll(() => repo.cleanup());

const deployment = (release: string, commit: string, startedAt: string, outcome: Deployment["outcome"] = "succeeded"): Deployment => ({
  env: "production",
  release,
  commit,
  startedAt,
  endedAt: startedAt,
  outcome,
  eventIds: [`${release}-started`, `${release}-outcome`],
  unplanned: false,
  step: undefined,
  user: undefined,
});

describe("lead time facts from git", () => {
  it("starts each change at the earliest commit no earlier successful deployment brought, in one pass", () => {
    const [c0, c1, c2, c3] = commits as [string, string, string, string];
    const list = [
      deployment("a", c1, "2026-03-01T10:00:00.000Z"),
      deployment("x", c2, "2026-03-01T12:30:00.000Z", "failed"), // a failed deploy brings nothing
      deployment("b", c3, "2026-03-01T14:00:00.000Z"),
      deployment("again", c3, "2026-03-01T15:00:00.000Z"), // a redeploy: the commit itself
      deployment("ghost", "0123456789abcdef0123456789abcdef01234567", "2026-03-01T16:00:00.000Z"),
    ];
    const starts = changeStartTimes(repo.dir, list);
    expect(starts.get(deploymentKey(list[0] as Deployment))).toBe("2026-03-01T08:00:00.000Z");
    expect(starts.get(deploymentKey(list[2] as Deployment))).toBe("2026-03-01T12:00:00.000Z");
    expect(starts.get(deploymentKey(list[3] as Deployment))).toBe("2026-03-01T13:00:00.000Z");
    expect(starts.size).toBe(3);
    expect(c0).toMatch(/^[0-9a-f]{40}$/);
    expect(commitAuthors(repo.dir, [c1, "nothex", "0123456789abcdef0123456789abcdef01234567"])).toEqual(new Map([[c1, "Test Author"]]));
  });
});
