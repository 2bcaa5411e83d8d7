import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import type { Io } from "../src/io.js";
import { githubToken } from "@warden/test-utils";

/** An Io that collects what main() prints, split into the chunks it was written in. */
function bufferIo(cwd = process.cwd()): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd,
    out,
    err,
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { write: (chunk: string) => err.push(chunk) },
    readStdin: () => Promise.resolve(""),
  };
}

describe("main(): the output boundary", () => {
  it("redacts what the argument parser echoes (an unknown option or hook name pasted from a token)", async () => {
    const token = githubToken();
    for (const argv of [["check", `--${token}`], ["hook", token], [token]]) {
      const io = bufferIo();
      expect(await main(argv, io)).toBe(2);
      const printed = [...io.out, ...io.err].join("");
      expect(printed).toContain(`${token.slice(0, 4)}********`);
      expect(printed).not.toContain(token);
    }
  });

  it("writes control characters of an error's file name visibly", async () => {
    const io = bufferIo();
    expect(await main(["report", "merge", "evil\u001b[2J\n.json"], io)).toBe(2);
    const printed = io.err.join("");
    expect(printed).toContain("evil\\x1b[2J\\n.json");
    expect(printed.trimEnd().split("\n")).toHaveLength(1);
  });
});
