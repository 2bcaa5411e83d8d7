import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { walkFiles } from "@warden/core";

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
