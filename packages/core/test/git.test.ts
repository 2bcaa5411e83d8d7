import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import {
  BlobReader,
  changedSince,
  changesBetween,
  parsePrePushInput,
  PathProbe,
  pushRanges,
  readChangedContents,
  stagedChanges,
} from "@warden/core";

const repos: TempRepo[] = [];
function repo(files: Record<string, string> = {}): TempRepo {
  const r = gitRepo(files);
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

async function stagedText(r: TempRepo): Promise<Record<string, string>> {
  const { files: contents } = await readChangedContents(r.dir, await stagedChanges(r.dir));
  return Object.fromEntries(contents.map((c) => [c.path, c.content.toString("utf8")]));
}

describe("staged changes", () => {
  it("lists staged files before the very first commit", async () => {
    const r = repo({ "a.ts": "one\n" });
    r.git(["add", "a.ts"]);
    expect(await stagedText(r)).toEqual({ "a.ts": "one\n" });
  });

  it("reads the staged content of a partly staged file, not the work tree", async () => {
    const r = repo({ "a.ts": "v1\n" });
    r.commit("chore: init", { noVerify: true });
    r.write({ "a.ts": "v2 staged\n" });
    r.git(["add", "a.ts"]);
    r.write({ "a.ts": "v3 unstaged\n" });
    expect(await stagedText(r)).toEqual({ "a.ts": "v2 staged\n" });
  });

  it("handles names with spaces, unicode, quotes and leading dashes", async () => {
    const names = ["with space.ts", "ünïcødé-名前.ts", "-leading-dash.ts", 'quote"d.ts', "dir/new\nline.ts"];
    const r = repo(Object.fromEntries(names.map((n, i) => [n, `file ${i}\n`])));
    r.git(["add", "--", ...names]);
    const staged = await stagedText(r);
    expect(Object.keys(staged).sort()).toEqual([...names].sort());
    expect(staged["-leading-dash.ts"]).toBe("file 2\n");
  });

  it("leaves out deleted files and reports a renamed file under its new name", async () => {
    const r = repo({ "gone.ts": "x\n", "old-name.ts": "content\n" });
    r.commit("chore: init", { noVerify: true });
    r.git(["rm", "-q", "gone.ts"]);
    r.git(["mv", "old-name.ts", "new-name.ts"]);
    const changes = await stagedChanges(r.dir);
    expect(changes.map((c) => [c.path, c.status])).toEqual([["new-name.ts", "A"]]);
  });
});

describe("blob reading and the size policy", () => {
  it("streams blobs of every size in order, and applies the size limit from the object size before reading", async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 7, 0x61); // several pipe chunks
    big.write("END", big.length - 3);
    const r = repo({ "a.txt": "one\n", "empty.txt": "", "big.txt": big.toString("latin1"), "c.txt": "three\n" });
    r.git(["add", "-A"]);
    const changes = await stagedChanges(r.dir);
    const all = await readChangedContents(r.dir, changes);
    expect(all.skipped).toEqual([]);
    const byPath = new Map(all.files.map((f) => [f.path, f.content]));
    expect(byPath.get("big.txt")?.equals(big)).toBe(true);
    expect(byPath.get("empty.txt")?.length).toBe(0);
    expect(byPath.get("c.txt")?.toString()).toBe("three\n");
    const limited = await readChangedContents(r.dir, changes, { maxBytes: 1024, setting: "maxFileSize" });
    expect(limited.files.map((f) => f.path).sort()).toEqual(["a.txt", "c.txt", "empty.txt"]);
    expect(limited.skipped).toEqual([{ file: "big.txt", reason: "too-large", size: big.length, limit: 1024, setting: "maxFileSize" }]);
  });

  it("answers sizes and <rev>:<path> names, and undefined for missing objects", async () => {
    const r = repo({ "a.txt": "hello\n" });
    r.commit("chore: one", { noVerify: true });
    const reader = new BlobReader(r.dir);
    try {
      expect(await reader.info("HEAD:a.txt")).toMatchObject({ type: "blob", size: 6 });
      expect(await reader.info("HEAD:missing.txt")).toBeUndefined();
      expect((await reader.read("HEAD:a.txt"))?.toString()).toBe("hello\n");
      expect(await reader.read("f".repeat(40))).toBeUndefined();
      expect((await reader.read("HEAD:a.txt"))?.toString()).toBe("hello\n");
    } finally {
      reader.close();
    }
  });
});

describe("ranges and pre-push input", () => {
  it("reads files changed between two commits at the head commit", async () => {
    const r = repo({ "a.ts": "1\n" });
    r.commit("chore: one", { noVerify: true });
    const base = r.git(["rev-parse", "HEAD"]).stdout.trim();
    r.write({ "a.ts": "2\n", "b.ts": "new\n" });
    r.commit("chore: two", { noVerify: true });
    const head = r.git(["rev-parse", "HEAD"]).stdout.trim();
    const { files: contents } = await readChangedContents(r.dir, await changesBetween(r.dir, base, head));
    expect(contents.map((c) => [c.path, c.content.toString()])).toEqual([
      ["a.ts", "2\n"],
      ["b.ts", "new\n"],
    ]);
    const fromRoot = await changesBetween(r.dir, undefined, base);
    expect(fromRoot.map((c) => c.path)).toEqual(["a.ts"]);
  });

  it("parses pre-push lines and rejects malformed ones with a clear message", () => {
    const oid = "a".repeat(40);
    expect(parsePrePushInput(`refs/heads/main ${oid} refs/heads/main ${"0".repeat(40)}\n`)).toEqual([
      { localRef: "refs/heads/main", localOid: oid, remoteRef: "refs/heads/main", remoteOid: "0".repeat(40) },
    ]);
    expect(() => parsePrePushInput("garbage line")).toThrow(/pre-push: cannot parse the line "garbage line"/);
  });

  it("computes the commits of a new branch and of an update", async () => {
    const remote = gitRepo({}, { bare: true });
    repos.push(remote);
    const r = repo({ "a.ts": "1\n" });
    r.git(["remote", "add", "origin", remote.dir]);
    r.commit("chore: one", { noVerify: true });
    const first = r.git(["rev-parse", "HEAD"]).stdout.trim();
    const zero = "0".repeat(40);
    const newBranch = await pushRanges(r.dir, [{ localRef: "refs/heads/main", localOid: first, remoteRef: "refs/heads/main", remoteOid: zero }]);
    expect(newBranch).toEqual([{ ref: "refs/heads/main", base: undefined, head: first, commits: [first] }]);
    r.git(["push", "-q", "--no-verify", "origin", "main"]);
    r.write({ "b.ts": "2\n" });
    r.commit("chore: two", { noVerify: true });
    const second = r.git(["rev-parse", "HEAD"]).stdout.trim();
    const update = await pushRanges(r.dir, [{ localRef: "refs/heads/main", localOid: second, remoteRef: "refs/heads/main", remoteOid: first }]);
    expect(update).toEqual([{ ref: "refs/heads/main", base: first, head: second, commits: [second] }]);
    const deletion = await pushRanges(r.dir, [{ localRef: "(delete)", localOid: zero, remoteRef: "refs/heads/x", remoteOid: first }]);
    expect(deletion).toEqual([]);
  });

  it("lists work-tree changes since a ref, untracked files included, and rejects an unknown ref", async () => {
    const r = repo({ "a.ts": "1\n" });
    r.commit("chore: one", { noVerify: true });
    r.write({ "a.ts": "changed\n", "new.ts": "x\n" });
    expect(await changedSince(r.dir, "HEAD")).toEqual(["a.ts", "new.ts"]);
    await expect(changedSince(r.dir, "no-such-ref")).rejects.toThrow(/--since no-such-ref: no such commit or ref/);
  });
});

describe("PathProbe", () => {
  it("answers for the index and for a commit through one process, odd names included", async () => {
    const r = repo({ "a.ts": "1", "dir/b c.ts": "2", "new\nline.ts": "3" });
    r.git(["add", "a.ts", "dir/b c.ts", "new\nline.ts"]);
    const index = new PathProbe(r.dir);
    try {
      expect(await Promise.all(["a.ts", "dir/b c.ts", "new\nline.ts", "missing.ts", "dir"].map((f) => index.exists(f)))).toEqual([true, true, true, false, true]);
    } finally {
      index.close();
    }
    r.commit("chore: one", { noVerify: true });
    r.git(["rm", "-q", "a.ts"]);
    const staged = new PathProbe(r.dir);
    const head = new PathProbe(r.dir, "HEAD");
    try {
      expect(await staged.exists("a.ts")).toBe(false);
      expect(await head.exists("a.ts")).toBe(true);
      expect(await head.exists("new\nline.ts")).toBe(true);
    } finally {
      staged.close();
      head.close();
    }
  });
});

describe("BlobReader", () => {
  it("reads many blobs through one process and reports missing objects as undefined", async () => {
    const r = repo({ "a.txt": "alpha\n", "b.bin": "\u0000\u0001binary" });
    r.git(["add", "-A"]);
    const changes = await stagedChanges(r.dir);
    const reader = new BlobReader(r.dir);
    try {
      const [a, b, missing] = await Promise.all([
        reader.read(changes.find((c) => c.path === "a.txt")?.oid ?? ""),
        reader.read(changes.find((c) => c.path === "b.bin")?.oid ?? ""),
        reader.read("f".repeat(40)),
      ]);
      expect(a?.toString()).toBe("alpha\n");
      expect(b?.length).toBe(8);
      expect(missing).toBeUndefined();
      await expect(reader.read("not-an-oid")).rejects.toThrow(/not an object id/);
    } finally {
      reader.close();
    }
  });

  it("reads a large staged file's bytes, from the work tree only while it is the same blob", async () => {
    const MB = 1024 * 1024;
    const staged = Buffer.alloc(2 * MB, "export const a = 1;\n");
    const r = repo();
    r.write({ "big.ts": staged, "crlf.txt": "line\r\n".repeat(400_000), ".gitattributes": "crlf.txt text eol=crlf\n" });
    r.git(["add", "-A"]);
    // Same size, other bytes: the work tree no longer holds the staged blob.
    r.write({ "big.ts": Buffer.alloc(2 * MB, "export const b = 2;\n") });
    const changes = await stagedChanges(r.dir);
    const contents = await readChangedContents(r.dir, changes, { staged: true });
    const byPath = new Map(contents.files.map((file) => [file.path, file.content]));
    expect(byPath.get("big.ts")?.equals(staged)).toBe(true);
    // Converted on the way into the index (CRLF in the work tree, LF in the blob): the blob's bytes.
    expect(byPath.get("crlf.txt")?.equals(Buffer.from("line\n".repeat(400_000)))).toBe(true);
    // Unchanged since `git add`: the same bytes, through the work-tree path.
    r.git(["add", "big.ts"]);
    const again = await readChangedContents(r.dir, await stagedChanges(r.dir), { staged: true });
    expect(again.files.find((file) => file.path === "big.ts")?.content.toString("utf8", 0, 20)).toBe("export const b = 2;\n");
  });

  it("reads large blobs sized first straight into their buffers, several at once, byte for byte", async () => {
    const MB = 1024 * 1024;
    // Distinct, incompressible-ish contents so a mix-up between concurrent reads would show.
    const blobs = [1, 2, 3].map((n) => Buffer.from(Array.from({ length: MB + n * 4099 }, (_, i) => (i * 31 + n * 7 + (i >> 9)) & 0xff)));
    const r = repo();
    r.write(Object.fromEntries(blobs.map((content, n) => [`blob${n}.bin`, content])));
    r.git(["add", "-A"]);
    const changes = await stagedChanges(r.dir);
    const reader = new BlobReader(r.dir);
    try {
      const oids = blobs.map((_, n) => changes.find((c) => c.path === `blob${n}.bin`)?.oid ?? "");
      const infos = await Promise.all(oids.map((oid) => reader.info(oid)));
      expect(infos.map((info) => info?.size)).toEqual(blobs.map((b) => b.length));
      const read = await Promise.all(oids.map((oid) => reader.read(oid)));
      read.forEach((content, n) => expect(content?.equals(blobs[n] as Buffer), `blob${n}`).toBe(true));
      // The same reader still serves small reads through its long-lived process afterwards.
      r.write({ "small.txt": "small\n" });
      r.git(["add", "small.txt"]);
      expect((await reader.read(":small.txt"))?.toString()).toBe("small\n");
    } finally {
      reader.close();
    }
  });
});
