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
