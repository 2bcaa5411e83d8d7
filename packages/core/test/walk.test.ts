import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { readListedFile, SYNC_READ_BYTES, walkFiles } from "@warden/core";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

describe("walkFiles", () => {
  it("honours root and nested .gitignore files, negations and exclude globs", async () => {
    const r = gitRepo({
      ".gitignore": "*.log\nbuild/\n!keep.log\n",
      "src/a.ts": "",
      "src/debug.log": "",
      "keep.log": "",
      "build/out.js": "",
      "pkg/.gitignore": "generated/\n*.tmp.ts\n",
      "pkg/src/b.ts": "",
      "pkg/src/c.tmp.ts": "",
      "pkg/generated/d.ts": "",
      "node_modules/x/index.js": "",
      "vendor/lib.js": "",
    });
    repos.push(r);
    const files = await walkFiles(r.dir, ["."], { exclude: ["vendor/**"] });
    expect(files).toEqual([".gitignore", "keep.log", "pkg/.gitignore", "pkg/src/b.ts", "src/a.ts"]);
  });

  it("walks only the given paths and rejects paths that do not exist or leave the repository", async () => {
    const r = gitRepo({ "a/x.ts": "", "b/y.ts": "", "c.ts": "" });
    repos.push(r);
    expect(await walkFiles(r.dir, ["a", "c.ts"])).toEqual(["a/x.ts", "c.ts"]);
    await expect(walkFiles(r.dir, ["missing"])).rejects.toThrow(/missing: no such file or directory/);
    await expect(walkFiles(r.dir, [".."])).rejects.toThrow(/outside the repository/);
  });
});

describe("walkFiles: the files git has", () => {
  it("lists a tracked file that matches .gitignore, leaves out an .git/info/exclude'd one, deleted tracked files and excluded folders", async () => {
    const r = gitRepo({ "src/a.ts": "", "generated/api.ts": "", "notes/draft.md": "", "gone.ts": "", "vendor/lib/x.js": "" });
    repos.push(r);
    r.git(["add", "generated/api.ts", "gone.ts"]);
    r.git(["commit", "-q", "--no-verify", "-m", "chore: start"]);
    r.write({ ".gitignore": "generated/\n", ".git/info/exclude": "notes/\n" });
    r.git(["rm", "-q", "--cached", "--", "gone.ts"]);
    r.git(["add", "gone.ts"]);
    rmSync(path.join(r.dir, "gone.ts"));
    const files = await walkFiles(r.dir, ["."], { exclude: ["vendor"] });
    expect(files).toEqual([".gitignore", "generated/api.ts", "src/a.ts"]);
    expect(await walkFiles(r.dir, ["generated"])).toEqual(["generated/api.ts"]);
    // An ignored file named explicitly is still listed.
    expect(await walkFiles(r.dir, ["notes/draft.md"])).toEqual(["notes/draft.md"]);
  });

  it("walks a folder that is not a git work tree, honouring its .gitignore files", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "warden-nogit-"));
    try {
      mkdirSync(path.join(dir, "lib"), { recursive: true });
      writeFileSync(path.join(dir, ".gitignore"), "*.map\n");
      writeFileSync(path.join(dir, "lib", "index.js"), "");
      writeFileSync(path.join(dir, "lib", "index.js.map"), "");
      expect(await walkFiles(dir, ["."])).toEqual([".gitignore", "lib/index.js"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("readListedFile", () => {
  it("reads small files (synchronously) and large ones (asynchronously) alike, and gives undefined for a vanished file", async () => {
    const small = "x".repeat(100);
    const large = "y".repeat(SYNC_READ_BYTES + 1);
    const r = gitRepo({ "small.txt": small, "large.txt": large });
    repos.push(r);
    expect((await readListedFile(path.join(r.dir, "small.txt"), small.length))?.toString()).toBe(small);
    expect((await readListedFile(path.join(r.dir, "large.txt"), large.length))?.toString()).toBe(large);
    expect(await readListedFile(path.join(r.dir, "gone.txt"), 10)).toBeUndefined();
    expect(await readListedFile(path.join(r.dir, "gone.txt"), SYNC_READ_BYTES * 2)).toBeUndefined();
  });
});
