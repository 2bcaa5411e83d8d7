import { afterEach, describe, expect, it } from "vitest";
import { commitCount, gitRepo, installHooks, type TempRepo } from "@warden/test-utils";

const repos: TempRepo[] = [];
function hookedRepo(files: Record<string, string> = {}): TempRepo {
  const repo = gitRepo(files);
  repos.push(repo);
  installHooks(repo);
  return repo;
}
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

const CLEAN = "export const answer = 42;\n";
const PLACEHOLDER = 'export function pay(): void {\n  throw new Error("not implemented");\n}\n';

describe("pre-commit hook", () => {
  it("refuses the very first commit when it adds a placeholder, naming rule, written rule, file:line and hint", () => {
    const repo = hookedRepo({ "pay.ts": PLACEHOLDER });
    const result = repo.commit("feat: payments");
    expect(result.code).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain("pay.ts:2:3");
    expect(output).toContain("real/no-placeholder");
    expect(output).toContain("Rule 1 — Real implementation only");
    expect(output).toMatch(/hint: Implement the function/);
    expect(commitCount(repo)).toBe(0);
  });

  it("accepts a clean first commit", () => {
    const repo = hookedRepo({ "answer.ts": CLEAN });
    const result = repo.commit("feat: the answer");
    expect(result.stderr + result.stdout).toContain("no problems");
    expect(result.code).toBe(0);
    expect(commitCount(repo)).toBe(1);
  });

  it("judges a partly staged file by its staged content", () => {
    const repo = hookedRepo({ "app.ts": CLEAN });
    expect(repo.commit("feat: app").code).toBe(0);

    // Violation only in the unstaged part: the commit goes through.
    repo.write({ "app.ts": `${CLEAN}export const b = 2;\n` });
    repo.git(["add", "app.ts"]);
    repo.write({ "app.ts": `${CLEAN}export const b = 2;\n${PLACEHOLDER}` });
    const unstagedOnly = repo.git(["commit", "-q", "-m", "feat: add b"], { allowFailure: true });
    expect(unstagedOnly.code).toBe(0);
    expect(repo.git(["diff", "--name-only"]).stdout.trim()).toBe("app.ts");

    // Violation only in the staged part: the commit is refused, though the work tree is clean.
    repo.write({ "app.ts": `${CLEAN}${PLACEHOLDER}` });
    repo.git(["add", "app.ts"]);
    repo.write({ "app.ts": `${CLEAN}export const c = 3;\n` });
    const stagedOnly = repo.git(["commit", "-q", "-m", "feat: add pay"], { allowFailure: true });
    expect(stagedOnly.code).not.toBe(0);
    expect(stagedOnly.stdout + stagedOnly.stderr).toContain("app.ts:3:3");
    expect(commitCount(repo)).toBe(2);
  });

  it("handles file names with spaces, unicode and leading dashes", () => {
    const names = ["my file.ts", "ünïcødé 名前.ts", "-dash.ts"];
    const repo = hookedRepo(Object.fromEntries(names.map((n) => [n, CLEAN])));
    expect(repo.commit("feat: odd names").code).toBe(0);
    repo.write({ "-dash.ts": PLACEHOLDER });
    const refused = repo.commit("feat: dash");
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("-dash.ts:2:3");
    repo.write({ "-dash.ts": CLEAN, "ünïcødé 名前.ts": PLACEHOLDER });
    const unicode = repo.commit("feat: unicode");
    expect(unicode.code).not.toBe(0);
    expect(unicode.stdout + unicode.stderr).toContain("ünïcødé 名前.ts:2:3");
    repo.write({ "ünïcødé 名前.ts": CLEAN, "my file.ts": PLACEHOLDER });
    const spaced = repo.commit("feat: spaced");
    expect(spaced.code).not.toBe(0);
    expect(spaced.stdout + spaced.stderr).toContain("my file.ts:2:3");
    repo.write({ "my file.ts": "export const spaced = 1;\n" });
    const clean = repo.commit("fix: all clean");
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
  });

  it("lets deletions and clean renames through, and checks a renamed file's content", () => {
    const repo = hookedRepo({ "keep.ts": CLEAN, "old.ts": CLEAN });
    expect(repo.commit("feat: start").code).toBe(0);
    repo.git(["mv", "old.ts", "renamed.ts"]);
    repo.git(["rm", "-q", "keep.ts"]);
    expect(repo.git(["commit", "-q", "-m", "refactor: rename and delete"], { allowFailure: true }).code).toBe(0);

    repo.git(["commit", "-q", "--allow-empty", "-m", "chore: marker"]);
    repo.write({ "legacy.ts": PLACEHOLDER });
    repo.git(["add", "legacy.ts"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "chore: legacy (bypassing the hook on purpose)"]);
    repo.git(["mv", "legacy.ts", "moved.ts"]);
    const moved = repo.git(["commit", "-q", "-m", "refactor: move legacy"], { allowFailure: true });
    expect(moved.code).not.toBe(0);
    expect(moved.stdout + moved.stderr).toContain("moved.ts:2:3");
    repo.git(["rm", "-q", "--cached", "moved.ts"]); // now the index holds only the deletion of legacy.ts
    expect(repo.git(["commit", "-q", "-m", "chore: remove legacy"], { allowFailure: true }).code).toBe(0);
  });
});

describe("commit-msg hook", () => {
  it("refuses a message that is not a Conventional Commit and accepts one that is", () => {
    const repo = hookedRepo({ "a.ts": CLEAN });
    const refused = repo.commit("updated stuff");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('"updated stuff" is not "type(scope): subject"');
    expect(refused.stderr).toContain("Rule 19");
    expect(repo.commit("feat(core): add the answer").code).toBe(0);
  });

  it("refuses a commit that changes a protected path without an Authorized-by trailer (Rule 20)", () => {
    // a config that also sets other rules, and protects one more folder
    const config = { rules: { "types/no-explicit-any": "warn", "protect/protected-paths": ["error", { paths: [".mcp.json", "infra/**"] }] } };
    const repo = hookedRepo({ "a.ts": CLEAN, "warden.config.json": JSON.stringify(config) });
    expect(repo.commit("feat: start").code).toBe(0);
    repo.write({ ".mcp.json": '{ "servers": {} }\n' });
    const refused = repo.commit("chore: add an MCP server");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("changes the protected path .mcp.json without an Authorized-by trailer");
    expect(refused.stderr).toContain("Rule 20");
    expect(refused.stderr).toContain("protect/protected-paths");
    expect(commitCount(repo)).toBe(1);
    const authorized = repo.commit("chore: add an MCP server\n\nAuthorized-by: Ann Owner <ann@example.test>");
    expect(authorized.code, authorized.stderr).toBe(0);
    expect(commitCount(repo)).toBe(2);
    // deleting it is a change too
    repo.git(["rm", "-q", ".mcp.json"]);
    const deletion = repo.git(["commit", "-q", "-m", "chore: drop the MCP server"], { allowFailure: true });
    expect(deletion.code).not.toBe(0);
    expect(deletion.stderr).toContain(".mcp.json");
    repo.git(["reset", "-q", "HEAD", "--", ".mcp.json"]);
    repo.git(["checkout", "-q", "--", ".mcp.json"]);
    repo.write({ "infra/main.tf": "# network\n" });
    const infra = repo.commit("chore: infra");
    expect(infra.code).not.toBe(0);
    expect(infra.stderr).toContain("infra/main.tf");
  });
});

describe("one Conventional Commits policy: commit-msg and pre-push judge `wip: x` alike", () => {
  const cases = [
    { name: "types [feat, wip] in commits/conventional", config: { rules: { "commits/conventional": ["error", { types: ["feat", "wip"] }] } }, accepted: true },
    { name: "the default types", config: {}, accepted: false },
  ];
  it.each(cases)("with $name both hooks give the same verdict", ({ config, accepted }) => {
    const remote = gitRepo({}, { bare: true });
    repos.push(remote);
    const repo = hookedRepo({ "a.ts": CLEAN, "warden.config.json": JSON.stringify(config) });
    repo.git(["remote", "add", "origin", remote.dir]);
    expect(repo.commit("feat: start").code).toBe(0);
    repo.write({ "b.ts": "export const b = 2;\n" });
    const hook = repo.commit("wip: x");
    expect(hook.code === 0, hook.stderr).toBe(accepted);
    if (!accepted) {
      expect(hook.stderr).toContain('uses type "wip"');
      expect(hook.stderr).toContain("commits/conventional");
      // Make the commit anyway (on purpose, to see what pre-push says about it).
      repo.git(["commit", "-q", "--no-verify", "-m", "wip: x"]);
    }
    const push = repo.git(["push", "origin", "main"], { allowFailure: true });
    expect(push.code === 0, push.stderr).toBe(accepted);
    if (!accepted) expect(push.stdout + push.stderr).toContain('uses type "wip"');
  });
});

describe("pre-push hook", () => {
  it("refuses a push whose second commit has a violation and accepts the first alone", () => {
    const remote = gitRepo({}, { bare: true });
    repos.push(remote);
    const repo = hookedRepo({ "a.ts": CLEAN });
    repo.git(["remote", "add", "origin", remote.dir]);
    expect(repo.commit("feat: first").code).toBe(0);
    repo.write({ "b.ts": PLACEHOLDER });
    repo.git(["add", "b.ts"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "feat: second"]);

    const refused = repo.git(["push", "origin", "main"], { allowFailure: true });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("b.ts:2:3");
    expect(remote.git(["rev-parse", "--verify", "--quiet", "refs/heads/main"], { allowFailure: true }).code).not.toBe(0);

    const accepted = repo.git(["push", "origin", "HEAD~1:refs/heads/main"], { allowFailure: true });
    expect(accepted.stderr).not.toContain("error");
    expect(accepted.code).toBe(0);
    const first = repo.git(["rev-parse", "HEAD~1"]).stdout.trim();
    expect(remote.git(["rev-parse", "refs/heads/main"]).stdout.trim()).toBe(first);

    const again = repo.git(["push", "origin", "main"], { allowFailure: true });
    expect(again.code).not.toBe(0);
  });

  it("runs the configured tests over the pushed range and refuses the push when they fail", () => {
    const remote = gitRepo({}, { bare: true });
    repos.push(remote);
    const script = "const base = process.env.TURBO_SCM_BASE ?? 'none'; const head = process.env.TURBO_SCM_HEAD ?? 'none'; console.log('range', base, head); process.exit(require('fs').existsSync('fail-tests') ? 3 : 0);";
    const repo = hookedRepo({
      "a.ts": CLEAN,
      "scripts/ci/check-tests.cjs": script,
      "warden.config.json": JSON.stringify({ hooks: { prePush: { test: "node scripts/ci/check-tests.cjs" } } }),
    });
    repo.git(["remote", "add", "origin", remote.dir]);
    expect(repo.commit("feat: first").code).toBe(0);
    const first = repo.git(["rev-parse", "HEAD"]).stdout.trim();
    const pushed = repo.git(["push", "origin", "main"], { allowFailure: true });
    expect(pushed.code).toBe(0);
    expect(pushed.stdout + pushed.stderr).toContain(`range none ${first}`);

    repo.write({ "fail-tests": "1", "b.ts": CLEAN });
    expect(repo.commit("feat: second").code).toBe(0);
    const second = repo.git(["rev-parse", "HEAD"]).stdout.trim();
    const refused = repo.git(["push", "origin", "main"], { allowFailure: true });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain(`range ${first} ${second}`);
    expect(refused.stderr).toContain("tests of the affected packages failed (exit 3): push refused");
    expect(remote.git(["rev-parse", "refs/heads/main"]).stdout.trim()).toBe(first);
  });
});
