import { describe, expect, it } from "vitest";
import { parsePatchStream, type PatchFile } from "../src/index.js";

function parse(text: string, maxBytes = 1 << 20, chunk = 7): { files: PatchFile[]; commits: string[] } {
  const files: PatchFile[] = [];
  const commits: string[] = [];
  const parser = parsePatchStream({ maxBytes, onCommit: (c) => commits.push(c), onFile: (f) => files.push(f) });
  const bytes = Buffer.from(text, "utf8");
  // Feed in small chunks so that lines are split across pushes.
  for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
  parser.end();
  return { files, commits };
}

const C1 = "a".repeat(40);
const C2 = "b".repeat(40);

describe("parsePatchStream", () => {
  it("collects added lines with their new line numbers, per file and commit", () => {
    const patch = [
      `\u001ecommit ${C1}`,
      "",
      "diff --git a/src/a.ts b/src/a.ts",
      "new file mode 100644",
      "index 0000000..1111111",
      "--- /dev/null",
      "+++ b/src/a.ts",
      "@@ -0,0 +1,2 @@",
      "+first",
      "+second",
      `\u001ecommit ${C2}`,
      "",
      "diff --git a/src/a.ts b/src/a.ts",
      "--- a/src/a.ts",
      "+++ b/src/a.ts",
      "@@ -1 +1 @@",
      "-first",
      "+changed",
      "@@ -2,0 +3,2 @@",
      "+third",
      "+fourth\r",
      "\\ No newline at end of file",
      "diff --git a/gone.ts b/gone.ts",
      "deleted file mode 100644",
      "--- a/gone.ts",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-bye",
      "",
    ].join("\n");
    const { files, commits } = parse(patch);
    expect(commits).toEqual([C1, C2]);
    expect(files.map((f) => ({ commit: f.commit.slice(0, 1), path: f.path, text: f.text, lines: f.lines }))).toEqual([
      { commit: "a", path: "src/a.ts", text: "first\nsecond", lines: [1, 2] },
      { commit: "b", path: "src/a.ts", text: "changed\nthird\nfourth\r", lines: [1, 3, 4] },
    ]);
  });

  it("unquotes C-style quoted paths and reports binary files by name", () => {
    const patch = [
      `\u001ecommit ${C1}`,
      'diff --git "a/odd \\"name\\".txt" "b/odd \\"name\\".txt"',
      "--- /dev/null",
      '+++ "b/odd \\"name\\".txt"',
      "@@ -0,0 +1 @@",
      "+x",
      "diff --git a/caf\\303\\251/k.p12 b/caf\\303\\251/k.p12",
      'Binary files /dev/null and "b/caf\\303\\251/k.p12" differ',
    ].join("\n");
    const { files } = parse(patch);
    expect(files.map((f) => [f.path, f.binary])).toEqual([
      ['odd "name".txt', false],
      ["café/k.p12", true],
    ]);
  });

  it("drops a file's added lines beyond the size limit and flags it", () => {
    const patch = [`\u001ecommit ${C1}`, "diff --git a/big b/big", "+++ b/big", "@@ -0,0 +1,3 @@", "+0123456789", "+0123456789", "+0123456789", ""].join("\n");
    const { files } = parse(patch, 25);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ path: "big", tooLarge: true, text: "" });
  });
});
