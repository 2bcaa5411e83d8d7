// Options that several commands share are parsed by one function, so they accept and refuse alike.
import { afterEach, describe, expect, it } from "vitest";
import { gitRepo, type TempRepo } from "@warden/test-utils";
import { parseWorkers } from "../src/workers-option.js";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

describe("--workers", () => {
  it("takes a whole number from 0 to 64", () => {
    expect(parseWorkers("0")).toBe(0);
    expect(parseWorkers(" 8 ")).toBe(8);
    expect(parseWorkers("64")).toBe(64);
    for (const bad of ["65", "-1", "1.5", "two", ""]) expect(() => parseWorkers(bad), bad).toThrow(/expected a whole number from 0 \(in-process\) to 64/);
  });

  it("is refused in one line with exit 2 by check and scan alike", () => {
    const repo = gitRepo({ "a.ts": "export const a = 1;\n" });
    repos.push(repo);
    for (const command of ["check", "scan"]) {
      const result = repo.warden([command, "--workers", "65"]);
      expect(result.code, command).toBe(2);
      expect(result.stderr, command).toBe("warden: --workers 65: expected a whole number from 0 (in-process) to 64\n");
    }
  });
});
