import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { scanCommand } from "../src/commands/scan.js";
import type { Io } from "../src/io.js";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function capture(cwd: string, tty: boolean): { io: Io; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    io: {
      cwd,
      stdout: { write: (chunk: string) => (out += chunk), isTTY: false },
      stderr: { write: (chunk: string) => (err += chunk), isTTY: tty },
      readStdin: async () => "",
    },
    out: () => out,
    err: () => err,
  };
}

describe("warden scan --history progress", () => {
  it("draws a progress line on a terminal and clears it; prints only the one-line summary otherwise", async () => {
    const repo = gitRepo({ "a.ts": "export const a = 1;\n" });
    repos.push(repo);
    repo.commit("chore: one");
    repo.write({ "b.ts": "export const b = 2;\n" });
    repo.commit("chore: two");

    const tty = capture(repo.dir, true);
    expect(await scanCommand(tty.io, { target: { kind: "history", refs: [] }, format: "json", workers: 0 })).toBe(0);
    expect(tty.err()).toMatch(/^\rwarden scan: 1 commit, 0\.0 MB scanned…/);
    expect(tty.err()).toContain("\r\u001b[K");
    expect(tty.err()).toMatch(/warden scan --history: scanned 2 files, 2 commits, 2 commit messages, 60 bytes\n$/);

    const plain = capture(repo.dir, false);
    expect(await scanCommand(plain.io, { target: { kind: "history", refs: [] }, format: "json", workers: 0 })).toBe(0);
    expect(plain.err()).toBe("warden scan --history: scanned 2 files, 2 commits, 2 commit messages, 60 bytes\n");
    expect(JSON.parse(plain.out())).toMatchObject({ summary: { files: 2, commits: 2, bytes: 60 }, findings: [] });
  });
});
