// Options that several commands share are parsed by one function, so they accept and refuse alike.
import { describe, expect, it } from "vitest";
import { useRepos } from "@warden/test-utils";
import { parseWorkers } from "../src/workers-option.js";

const useRepo = useRepos();

describe("--workers", () => {
  it("takes a whole number from 0 to 64", () => {
    expect(parseWorkers("0")).toBe(0);
    expect(parseWorkers(" 8 ")).toBe(8);
    expect(parseWorkers("64")).toBe(64);
    for (const bad of ["65", "-1", "1.5", "two", ""]) expect(() => parseWorkers(bad), bad).toThrow(/expected a whole number from 0 \(in-process\) to 64/);
  });

  it("is refused in one line with exit 2 by check and scan alike", () => {
    const repo = useRepo({ "a.ts": "export const a = 1;\n" });
    for (const command of ["check", "scan"]) {
      const result = repo.warden([command, "--workers", "65"]);
      expect(result.code, command).toBe(2);
      expect(result.stderr, command).toBe("warden: --workers 65: expected a whole number from 0 (in-process) to 64\n");
    }
  });
});
