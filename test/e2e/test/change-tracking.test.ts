import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, installHooks, type TempRepo } from "@warden/test-utils";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

/** A hooked one-package workspace, pushed once to a bare remote (with the changeset its first release needs). */
function pushedWorkspace(): TempRepo {
  const remote = gitRepo({}, { bare: true });
  repos.push(remote);
  const repo = gitRepo({
    "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }, null, 2),
    "packages/api/package.json": JSON.stringify({ name: "@fx/api", version: "1.0.0", exports: "./src/index.ts" }, null, 2),
    "packages/api/README.md": "# @fx/api\n",
    "packages/api/CHANGELOG.md": "# @fx/api\n",
    "package-lock.json": JSON.stringify({ name: "root", lockfileVersion: 3, requires: true, packages: {} }, null, 2),
    "packages/api/src/index.ts": "/** Answers pong. */\nexport function ping(): string {\n  return 'pong';\n}\n",
    ".changeset/first.md": '---\n"@fx/api": minor\n---\n\nFirst release.\n',
  });
  repos.push(repo);
  installHooks(repo);
  repo.git(["remote", "add", "origin", remote.dir]);
  const initial = repo.commit("feat(api): ping");
  expect(initial.code, initial.stdout + initial.stderr).toBe(0);
  const first = repo.git(["push", "-q", "origin", "main"], { allowFailure: true });
  expect(first.code, first.stderr).toBe(0);
  // the release consumes the changeset, as `changeset version` does
  repo.git(["rm", "-q", ".changeset/first.md"]);
  expect(repo.commit("chore(release): version packages").code).toBe(0);
  return repo;
}

function changeSource(repo: TempRepo, message: string, extra: Record<string, string> = {}): void {
  repo.write({ "packages/api/src/index.ts": "/** Answers pong, louder. */\nexport function ping(): string {\n  return 'pong!';\n}\n", ...extra });
  const result = repo.commit(message);
  expect(result.code, result.stderr).toBe(0);
}

describe("the changeset gate (Rule 18) over pushed commits", () => {
  it("refuses a push that changes a package's source without a changeset, naming the package, at pre-push and in check --range", () => {
    const repo = pushedWorkspace();
    changeSource(repo, "fix(api): louder pong");
    const refused = repo.git(["push", "origin", "main"], { allowFailure: true });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr + refused.stdout).toContain("Package @fx/api changed (src/index.ts) but no changeset names it.");
    expect(refused.stderr + refused.stdout).toContain("changes/changeset-required");

    const ci = repo.warden(["check", "--range", "origin/main..HEAD"]);
    expect(ci.code).toBe(1);
    expect(ci.stdout).toContain("packages/api/package.json");
    expect(ci.stdout).toContain("Package @fx/api changed");
  });

  it("accepts the push with a changeset naming the package", () => {
    const repo = pushedWorkspace();
    changeSource(repo, "fix(api): louder pong", { ".changeset/loud.md": '---\n"@fx/api": patch\n---\n\nLouder pong.\n' });
    const pushed = repo.git(["push", "origin", "main"], { allowFailure: true });
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(repo.warden(["check", "--range", "HEAD~1..HEAD"]).code).toBe(0);
  });

  it("accepts the push with the escape trailer, and reports the waiver", () => {
    const repo = pushedWorkspace();
    changeSource(repo, "refactor(api): tidy\n\nChangeset: none -- formatting only, nothing a user can see");
    const pushed = repo.git(["push", "origin", "main"], { allowFailure: true });
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stdout + pushed.stderr).toContain("The changeset gate is waived by commit");
    expect(pushed.stdout + pushed.stderr).toContain("formatting only, nothing a user can see");
    const ci = repo.warden(["check", "--range", "HEAD~1..HEAD", "--format", "json"]);
    expect(ci.code).toBe(0);
    const findings = (JSON.parse(ci.stdout) as { findings: { ruleId: string; severity: string }[] }).findings;
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([["changes/changeset-waived", "warn"]]);
  });
});
