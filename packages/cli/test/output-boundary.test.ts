import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { captureIo, githubToken } from "@warden/test-utils";

describe("main(): the output boundary", () => {
  it("redacts what the argument parser echoes (an unknown option or hook name pasted from a token)", async () => {
    const token = githubToken();
    for (const argv of [["check", `--${token}`], ["hook", token], [token]]) {
      const captured = captureIo();
      expect(await main(argv, captured.io)).toBe(2);
      const printed = captured.out() + captured.err();
      expect(printed).toContain(`${token.slice(0, 4)}********`);
      expect(printed).not.toContain(token);
    }
  });

  it("writes control characters of an error's file name visibly", async () => {
    const captured = captureIo();
    expect(await main(["report", "merge", "evil\u001b[2J\n.json"], captured.io)).toBe(2);
    const printed = captured.err();
    expect(printed).toContain("evil\\x1b[2J\\n.json");
    expect(printed.trimEnd().split("\n")).toHaveLength(1);
  });
});
