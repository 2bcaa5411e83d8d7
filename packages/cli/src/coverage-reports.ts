import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { maskTokens, WardenError, type CoverageMetric } from "@warden/core";

/** Covered and total counts of each figure for one source file; undefined when the report has no such figure. */
export type FileCoverage = Partial<Record<CoverageMetric, { readonly covered: number; readonly total: number }>>;

/** One report read: absolute file path → its counts. */
export interface CoverageReport {
  readonly file: string;
  readonly format: "json-summary" | "lcov";
  readonly files: Map<string, FileCoverage>;
}

function count(value: unknown): { covered: number; total: number } | undefined {
  const v = value as { covered?: unknown; total?: unknown } | undefined;
  return typeof v?.covered === "number" && typeof v.total === "number" && v.total >= 0 && v.covered >= 0 ? { covered: Math.min(v.covered, v.total), total: v.total } : undefined;
}

/** istanbul's json-summary: `{ total: {...}, "<file>": { lines, statements, functions, branches: { total, covered, … } } }`. */
export function readJsonSummary(text: string, base: string): Map<string, FileCoverage> {
  const parsed = JSON.parse(text) as Record<string, Record<string, unknown>>;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object of files");
  const files = new Map<string, FileCoverage>();
  for (const [file, entry] of Object.entries(parsed)) {
    if (file === "total" || typeof entry !== "object" || entry === null) continue;
    const figures: FileCoverage = {};
    for (const metric of ["lines", "statements", "branches", "functions"] as const) {
      const c = count(entry[metric]);
      if (c !== undefined) figures[metric] = c;
    }
    files.set(path.resolve(base, file), figures);
  }
  return files;
}

/** lcov: `SF:` starts a file, `LF/LH` lines, `FNF/FNH` functions, `BRF/BRH` branches, `end_of_record` ends it. No statements. */
export function readLcov(text: string, base: string): Map<string, FileCoverage> {
  const files = new Map<string, FileCoverage>();
  let file: string | undefined;
  let figures: Record<string, number> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("SF:")) {
      file = path.resolve(base, line.slice(3));
      figures = {};
    } else if (line === "end_of_record") {
      if (file !== undefined) {
        const entry: FileCoverage = {};
        const pairs = [["lines", "LF", "LH"], ["functions", "FNF", "FNH"], ["branches", "BRF", "BRH"]] as const;
        for (const [metric, found, hit] of pairs) {
          const total = figures[found];
          if (total !== undefined) entry[metric] = { total, covered: Math.min(figures[hit] ?? 0, total) };
        }
        files.set(file, entry);
      }
      file = undefined;
    } else {
      const m = /^(LF|LH|FNF|FNH|BRF|BRH):(\d+)$/.exec(line);
      if (m !== null && file !== undefined) figures[m[1] ?? ""] = Number(m[2]);
    }
  }
  return files;
}

/** Read one report if it exists; its format comes from its name (`.json` json-summary, else lcov). Relative paths in it are from its folder's parent's view: the folder the test run ran in (the report's `coverage/` parent). */
export function readReport(file: string): CoverageReport | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, "utf8");
  const base = path.dirname(path.dirname(file));
  const format = file.endsWith(".json") ? "json-summary" : "lcov";
  try {
    return { file, format, files: format === "json-summary" ? readJsonSummary(text, base) : readLcov(text, base) };
  } catch (error) {
    throw new WardenError("USAGE", `${file}: not ${format === "json-summary" ? "an istanbul json-summary" : "an lcov"} report (${maskTokens(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error))})`);
  }
}
