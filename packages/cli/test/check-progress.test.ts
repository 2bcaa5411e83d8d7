import { describe, expect, it } from "vitest";
import { captureIo, useRepos } from "@warden/test-utils";
import { checkCommand, progressLine, PROGRESS_AFTER_MS } from "../src/commands/check.js";

const useRepo = useRepos();


const ENV = { noColor: true, forceColor: undefined, ci: false, githubActions: false, debug: false, dumbTerminal: false };

describe("warden check progress", () => {
  it("draws nothing in the first second, then files and repository rules on one line, cleared at the end", () => {
    let clock = 0;
    const tty = captureIo({ cwd: "/", tty: true });
    const line = progressLine(tty.io, "pretty", ENV, () => clock);
    line.onProgress?.({ phase: "files", done: 1, total: 300 });
    expect(tty.err()).toBe("");
    clock = PROGRESS_AFTER_MS + 1;
    line.onProgress?.({ phase: "files", done: 120, total: 300 });
    clock += 50;
    line.onProgress?.({ phase: "files", done: 121, total: 300 }); // within 100 ms: not redrawn
    clock += 200;
    line.onProgress?.({ phase: "repo", rule: "waste/unused-files", index: 2, total: 9 });
    line.done();
    expect(tty.err()).toBe(
      "\rwarden check: 120/300 files checked…\u001b[K\rwarden check: repository rule 2/9 (waste/unused-files)…\u001b[K\r\u001b[K",
    );
  });

  it("stays quiet off a terminal, in CI and for machine-readable formats", () => {
    const clock = () => 10 * PROGRESS_AFTER_MS;
    for (const [tty, format, ci] of [
      [false, "pretty", false],
      [true, "pretty", true],
      [true, "json", false],
      [true, "sarif", false],
    ] as const) {
      const stream = captureIo({ cwd: "/", tty });
      const line = progressLine(stream.io, format, { ...ENV, ci }, clock);
      expect(line.onProgress).toBeUndefined();
      line.done();
      expect(stream.err()).toBe("");
    }
  });

  it("a check off a terminal writes nothing to stderr", async () => {
    const repo = useRepo({ "src/a.ts": "export const a = 1;\n", "warden.config.json": JSON.stringify({ rules: { "deps/lockfile": "off" } }) });
    const plain = captureIo({ cwd: repo.dir });
    await checkCommand(plain.io, { target: { kind: "paths", paths: [] }, format: "json", cache: false, workers: 0 });
    expect(plain.err()).toBe("");
    expect(JSON.parse(plain.out())).toHaveProperty("findings");
  });
});
