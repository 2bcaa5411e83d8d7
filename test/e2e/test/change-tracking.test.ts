import { readFileSync, writeFileSync } from "node:fs";
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

describe("warden adr", () => {
  it("round trip: new, supersede, list --json, index; docs/adr-valid catches hand-made drift", () => {
    const repo = gitRepo({ "README.md": "# x\n" });
    repos.push(repo);
    const env = { SOURCE_DATE_EPOCH: "1772668800" }; // 2026-03-05 UTC
    expect(repo.warden(["adr", "new", "Use", "PostgreSQL"], { env }).stdout).toBe("docs/adr/0001-use-postgresql.md\n");
    expect(repo.warden(["adr", "new", "Queue jobs", "--status", "accepted", "--decision-maker", "Ana"], { env }).stdout).toBe("docs/adr/0002-queue-jobs.md\n");
    expect(repo.warden(["adr", "supersede", "1", "Use SQLite"], { env }).stdout).toBe("docs/adr/0003-use-sqlite.md supersedes ADR-0001\n");

    const listed = JSON.parse(repo.warden(["adr", "list", "--json"]).stdout) as { number: number; title: string; status: string; date: string; supersedes: number[]; supersededBy?: number; context: string }[];
    expect(listed.map((a) => [a.number, a.title, a.status, a.date, a.supersedes, a.supersededBy])).toEqual([
      [1, "Use PostgreSQL", "superseded", "2026-03-05", [], 3],
      [2, "Queue jobs", "accepted", "2026-03-05", [], undefined],
      [3, "Use SQLite", "accepted", "2026-03-05", [1], undefined],
    ]);
    expect(listed[2]?.context).toContain("Supersedes ADR-0001");
    expect(repo.warden(["adr", "index", "--check"]).code).toBe(0);
    expect(repo.warden(["check", "docs/adr"]).code).toBe(0);

    // drift: the supersede link removed by hand, and a reference to a record that does not exist
    const file = `${repo.dir}/docs/adr/0001-use-postgresql.md`;
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/superseded-by: ADR-0003\n/, "").replace("## Decision", "See ADR-0042.\n\n## Decision"));
    const drift = repo.warden(["check", "docs/adr", "--format", "json"]);
    expect(drift.code).toBe(1);
    const messages = (JSON.parse(drift.stdout) as { findings: { ruleId: string; message: string }[] }).findings.filter((f) => f.ruleId === "docs/adr-valid").map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "ADR-0001 and ADR-0003 do not link both ways: ADR-0001 lacks `superseded-by`.",
        "ADR-0042 is referenced but no such record exists.",
        "The ADR index is out of date.",
      ]),
    );
    expect(repo.warden(["adr", "supersede", "9", "Nope"]).stderr).toBe("warden: adr supersede: there is no ADR-0009 in docs/adr\n");
  });
});

describe("warden api", () => {
  it("prints breaking and additive differences against a base ref", () => {
    const repo = gitRepo({
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }),
      "packages/lib/package.json": JSON.stringify({ name: "@fx/lib", version: "2.0.0", exports: "./src/index.ts" }),
      "packages/lib/src/index.ts": 'export type Mode = "fast" | "slow";\nexport function run(mode: Mode): void {\n  void mode;\n}\n',
    });
    repos.push(repo);
    repo.commit("feat: base");
    repo.write({ "packages/lib/src/index.ts": 'export type Mode = "fast";\nexport function run(mode: Mode, times?: number): void {\n  void mode;\n  void times;\n}\nexport const VERSION = 3;\n' });
    const out = repo.warden(["api", "--base", "HEAD"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      [
        "@fx/lib (packages/lib) — needs at least a major release",
        '  breaking  Mode: type changed  "fast" | "slow" → "fast"  packages/lib/src/index.ts:1',
        "  additive  VERSION: added  variable VERSION  packages/lib/src/index.ts:6",
        "  additive  run: parameter added optional  times?: number  packages/lib/src/index.ts:2",
        "",
        "1 package with breaking changes, 0 with additions only (HEAD → work tree)",
        "",
      ].join("\n"),
    );
    expect(repo.warden(["api", "--base", "no-such-ref"]).stderr).toBe("warden: no-such-ref: not a commit in this repository\n");
  });
});
