import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GIT_ENV, gitRepo, REPO_ROOT, type TempRepo } from "@warden/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { formatReleaseLine, releaseDate, stampChangelogs, stampText } from "../src/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE_DIST = path.resolve(here, "../dist/index.js");
// changesets is the repository's own dev dependency (root package.json), as in a user's repository.
const CHANGESET_BIN = createRequire(path.join(REPO_ROOT, "package.json")).resolve("@changesets/cli/bin.js");

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

function workspace(options: Record<string, unknown> = { repo: "acme/widgets" }): TempRepo {
  const created = gitRepo({
    "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }, null, 2),
    "packages/a/package.json": JSON.stringify({ name: "@acme/a", version: "1.0.0" }, null, 2),
    "packages/a/CHANGELOG.md": "# @acme/a\n\n## 1.0.0\n\n- Initial release.\n",
    "packages/b/package.json": JSON.stringify({ name: "@acme/b", version: "0.1.0", dependencies: { "@acme/a": "1.0.0" } }, null, 2),
    ".changeset/config.json": JSON.stringify({ changelog: [PACKAGE_DIST, options], commit: false, access: "public", baseBranch: "main", updateInternalDependencies: "patch" }, null, 2),
  });
  created.commit("chore: init");
  created.write({ ".changeset/brave-cats.md": '---\n"@acme/a": minor\n---\n\nAdd `retry` to the client.\n\nIt retries idempotent requests twice.\n' });
  created.git(["add", "-A"]);
  created.git(["commit", "-q", "--author=Jane Doe <1234+janedoe@users.noreply.github.com>", "-m", "feat(a): retries (#42)"], {});
  created.write({ ".changeset/quiet-dogs.md": '---\n"@acme/a": patch\n---\n\nFix the timeout.\n' });
  created.commit("fix(a): timeout");
  return created;
}

function changesetVersion(dir: string): void {
  const result = spawnSync(process.execPath, [CHANGESET_BIN, "version"], { cwd: dir, env: GIT_ENV, encoding: "utf8" });
  expect(result.status, result.stderr + result.stdout).toBe(0);
}

describe("changelog formatter with `changeset version`", () => {
  it("writes linked, attributed entries and a UTC date line under the version heading", async () => {
    repo = workspace();
    changesetVersion(repo.dir);
    const changed = await stampChangelogs(repo.dir, "2026-03-05");
    expect(changed.sort()).toEqual(["packages/a/CHANGELOG.md", "packages/b/CHANGELOG.md"]);
    const text = readFileSync(path.join(repo.dir, "packages/a/CHANGELOG.md"), "utf8");
    const sha = repo.git(["log", "-1", "--format=%H", "--", ".changeset/brave-cats.md"], {}).stdout.trim();
    expect(text).toContain("## 1.1.0\n\nReleased 2026-03-05 (UTC)\n\n### Minor Changes\n");
    expect(text).toContain(`- [\`${sha.slice(0, 7)}\`](https://github.com/acme/widgets/commit/${sha}) feat: Add \`retry\` to the client. (@janedoe, [#42](https://github.com/acme/widgets/pull/42))\n\n  It retries idempotent requests twice.`);
    expect(text).toMatch(/### Patch Changes\n\n- \[`[0-9a-f]{7}`\]\(https:\/\/github\.com\/acme\/widgets\/commit\/[0-9a-f]{40}\) fix: Fix the timeout\. \(Test Author\)/);
    // history keeps no date it did not have
    expect(text).toContain("## 1.0.0\n\n- Initial release.");
    const dependent = readFileSync(path.join(repo.dir, "packages/b/CHANGELOG.md"), "utf8");
    expect(dependent).toMatch(/## 0\.1\.1\n\nReleased 2026-03-05 \(UTC\)\n\n### Patch Changes\n\n- Updated dependencies \[[0-9a-f]{7}, [0-9a-f]{7}\]:\n {2}- @acme\/a@1\.1\.0/);
  });

  it("is byte-identical on a second run over the same input", async () => {
    repo = workspace();
    changesetVersion(repo.dir);
    await stampChangelogs(repo.dir, releaseDate(undefined, { SOURCE_DATE_EPOCH: "1772668800" }));
    const first = ["packages/a/CHANGELOG.md", "packages/b/CHANGELOG.md"].map((f) => readFileSync(path.join(repo?.dir ?? "", f), "utf8"));
    repo.git(["checkout", "-q", "--", "."], {});
    repo.git(["clean", "-fdq"], {});
    changesetVersion(repo.dir);
    await stampChangelogs(repo.dir, releaseDate(undefined, { SOURCE_DATE_EPOCH: "1772668800" }));
    const second = ["packages/a/CHANGELOG.md", "packages/b/CHANGELOG.md"].map((f) => readFileSync(path.join(repo?.dir ?? "", f), "utf8"));
    expect(second).toEqual(first);
    expect(first[0]).toContain("Released 2026-03-05 (UTC)");
    // stamping again changes nothing
    expect(await stampChangelogs(repo.dir, "2027-01-01")).toEqual([]);
  });

  it("links nothing without a known repository and never prints a remote's credentials", () => {
    repo = gitRepo({ "a.txt": "x" });
    repo.commit("feat: one");
    repo.git(["remote", "add", "origin", "https://user:tok3nSecretValue@git.example.test/acme/widgets.git"], {});
    const sha = repo.git(["rev-parse", "HEAD"], {}).stdout.trim();
    const line = formatReleaseLine({ id: "x", summary: "Thing", releases: [], commit: sha }, { links: true, authors: true }, repo.dir);
    expect(line).toBe(`- [\`${sha.slice(0, 7)}\`](https://git.example.test/acme/widgets/commit/${sha}) feat: Thing (Test Author)`);
    expect(line).not.toContain("tok3n");
    const plain = formatReleaseLine({ id: "x", summary: "Thing", releases: [], commit: sha }, { links: false, authors: false }, repo.dir);
    expect(plain).toBe(`- \`${sha.slice(0, 7)}\` feat: Thing`);
  });

  it("closes a hard-wrapped first paragraph with the credits, not its first line", () => {
    repo = gitRepo({ "a.txt": "x" });
    repo.commit("feat: wrapped");
    const sha = repo.git(["rev-parse", "HEAD"], {}).stdout.trim();
    const short = `\`${sha.slice(0, 7)}\``;
    const wrapped = formatReleaseLine({ id: "x", summary: "A limit for large files: each\nis skipped from its size.\n\nMore detail.", releases: [], commit: sha }, { links: false, authors: true }, repo.dir);
    expect(wrapped).toBe(`- ${short} feat: A limit for large files: each\n  is skipped from its size. (Test Author)\n\n  More detail.`);
    const listed = formatReleaseLine({ id: "x", summary: "Two changes:\n- one\n- two", releases: [], commit: sha }, { links: false, authors: true }, repo.dir);
    expect(listed).toBe(`- ${short} feat: Two changes: (Test Author)\n  - one\n  - two`);
  });

  it("refuses bad options in one line, inside changeset version", () => {
    repo = workspace({ repo: "acme/widgets", colour: "blue" });
    const result = spawnSync(process.execPath, [CHANGESET_BIN, "version"], { cwd: repo.dir, env: GIT_ENV, encoding: "utf8" });
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toContain("@warden/changelog options");
    expect(readFileSync(path.join(repo.dir, "packages/a/package.json"), "utf8")).toContain('"1.0.0"');
  });
});

describe("release dates", () => {
  it("are UTC calendar dates from --date, SOURCE_DATE_EPOCH or the clock", () => {
    expect(releaseDate("2026-02-28")).toBe("2026-02-28");
    expect(() => releaseDate("2026-02-30")).toThrow(/calendar date/);
    // 2026-03-04T23:30:00-05:00 is already the 5th in UTC
    expect(releaseDate(undefined, {}, new Date("2026-03-04T23:30:00-05:00"))).toBe("2026-03-05");
    expect(releaseDate(undefined, { SOURCE_DATE_EPOCH: "0" })).toBe("1970-01-01");
    expect(() => releaseDate(undefined, { SOURCE_DATE_EPOCH: "yesterday" })).toThrow(/SOURCE_DATE_EPOCH/);
  });

  it("stamps only new headings, once", () => {
    const committed = "# x\n\n## 1.0.0\n\n- a\n";
    const current = "# x\n\n## 1.1.0\n\n### Minor Changes\n\n- b\n\n## 1.0.0\n\n- a\n";
    const once = stampText(current, committed, "2026-01-02");
    expect(once).toBe("# x\n\n## 1.1.0\n\nReleased 2026-01-02 (UTC)\n\n### Minor Changes\n\n- b\n\n## 1.0.0\n\n- a\n");
    expect(stampText(once, committed, "2026-09-09")).toBe(once);
  });
});
