import { describe, expect, it } from "vitest";
import { captureIo, useRepos } from "@warden/test-utils";
import { scanCommand } from "../src/commands/scan.js";

const useRepo = useRepos();


describe("warden scan --history progress", () => {
  it("draws a progress line on a terminal and clears it; prints only the one-line summary otherwise", async () => {
    const repo = useRepo({ "a.ts": "export const a = 1;\n" });
    repo.commit("chore: one");
    repo.write({ "b.ts": "export const b = 2;\n" });
    repo.commit("chore: two");

    const tty = captureIo({ cwd: repo.dir, tty: true });
    expect(await scanCommand(tty.io, { target: { kind: "history", refs: [] }, format: "json", workers: 0 })).toBe(0);
    expect(tty.err()).toMatch(/^\rwarden scan: 1 commit, 0\.0 MB scanned…/);
    expect(tty.err()).toContain("\r\u001b[K");
    expect(tty.err()).toMatch(/warden scan --history: scanned 2 files, 2 commits, 2 commit messages, 60 bytes\n$/);

    const plain = captureIo({ cwd: repo.dir });
    expect(await scanCommand(plain.io, { target: { kind: "history", refs: [] }, format: "json", workers: 0 })).toBe(0);
    expect(plain.err()).toBe("warden scan --history: scanned 2 files, 2 commits, 2 commit messages, 60 bytes\n");
    expect(JSON.parse(plain.out())).toMatchObject({ summary: { files: 2, commits: 2, bytes: 60 }, findings: [] });
  });
});
