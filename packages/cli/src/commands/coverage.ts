import path from "node:path";
import { COVERAGE_METRICS, listWorkspacePackages, loadConfig, plural, repoRoot, WardenError, type CoverageMetric } from "@warden/core";
import { readReport, type CoverageReport, type FileCoverage } from "../coverage-reports.js";
import type { Io } from "../io.js";

interface PackageResult {
  readonly name: string;
  readonly dir: string;
  readonly min: number | null;
  readonly covered: number;
  readonly total: number;
  readonly pct: number | null;
  readonly files: number;
  readonly passed: boolean;
  /** The metric came from another figure (lcov has no statements: lines stand in). */
  readonly note?: string;
}

function inside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/** `warden coverage`: each workspace package's coverage from the reports the test run wrote, held to its minimum. */
export async function coverageCommand(io: Io, options: { readonly min?: string; readonly metric?: string; readonly format?: string; readonly config?: string }): Promise<number> {
  const format = options.format ?? "pretty";
  if (format !== "pretty" && format !== "json") throw new WardenError("USAGE", `unknown format "${format}" for warden coverage (pretty, json)`);
  if (options.metric !== undefined && !(COVERAGE_METRICS as readonly string[]).includes(options.metric)) throw new WardenError("USAGE", `unknown metric "${options.metric}" (${COVERAGE_METRICS.join(", ")})`);
  const cliMin = options.min === undefined ? undefined : Number(options.min);
  if (cliMin !== undefined && (!Number.isFinite(cliMin) || cliMin < 0 || cliMin > 100)) throw new WardenError("USAGE", `--min takes a percentage from 0 to 100, not "${options.min}"`);
  const root = await repoRoot(io.cwd);
  const { config } = await loadConfig(root, options.config);
  const settings = config.coverage;
  const metric = (options.metric as CoverageMetric | undefined) ?? settings.metric;

  const listed = await listWorkspacePackages(root);
  const packages = listed.length > 0 ? listed.map((p) => ({ name: p.name ?? p.dir, dir: p.dir })) : [{ name: "(repository)", dir: "." }];
  // the deepest folder first, so a file belongs to the innermost package
  const byDepth = [...packages].sort((a, b) => b.dir.length - a.dir.length);

  const reports: CoverageReport[] = [];
  const folders = [...new Set([".", ...packages.map((p) => p.dir)])];
  for (const folder of folders) {
    for (const report of settings.reports) {
      const read = readReport(path.join(root, folder, report));
      if (read !== undefined) reports.push(read);
    }
  }
  // one entry per source file: a json-summary beats an lcov report of the same file (it has statements)
  const files = new Map<string, { figures: FileCoverage; format: CoverageReport["format"] }>();
  for (const report of reports) {
    for (const [file, figures] of report.files) {
      const had = files.get(file);
      if (had === undefined || (had.format === "lcov" && report.format === "json-summary")) files.set(file, { figures, format: report.format });
    }
  }

  const tally = new Map<string, { covered: number; total: number; files: number; standIn: boolean }>();
  for (const [file, { figures }] of files) {
    const owner = byDepth.find((p) => p.dir === "." || inside(path.join(root, p.dir), file));
    if (owner === undefined) continue;
    let figure = figures[metric];
    let standIn = false;
    if (figure === undefined && metric === "statements" && figures.lines !== undefined) {
      figure = figures.lines;
      standIn = true;
    }
    if (figure === undefined) continue;
    const t = tally.get(owner.dir) ?? { covered: 0, total: 0, files: 0, standIn: false };
    tally.set(owner.dir, { covered: t.covered + figure.covered, total: t.total + figure.total, files: t.files + 1, standIn: t.standIn || standIn });
  }

  const excluded = new Set(settings.exclude);
  const results: PackageResult[] = packages.map((p) => {
    const t = tally.get(p.dir);
    const min = excluded.has(p.name) || excluded.has(p.dir) ? null : (settings.packages[p.name] ?? cliMin ?? settings.min);
    const pct = t === undefined || t.total === 0 ? null : Math.floor((t.covered / t.total) * 1000) / 10;
    return {
      name: p.name,
      dir: p.dir,
      min,
      covered: t?.covered ?? 0,
      total: t?.total ?? 0,
      pct,
      files: t?.files ?? 0,
      passed: min === null || (pct !== null && pct >= min),
      ...(t?.standIn === true ? { note: "lines stand in for statements (lcov has none)" } : {}),
    };
  });
  const failed = results.filter((r) => !r.passed);

  if (format === "json") {
    io.stdout.write(`${JSON.stringify({ metric, reports: reports.map((r) => path.relative(root, r.file)), packages: results, summary: { packages: results.length, failed: failed.length } }, null, 2)}\n`);
    return failed.length > 0 ? 1 : 0;
  }
  if (reports.length === 0) {
    throw new WardenError("USAGE", `no coverage report found (looked for ${settings.reports.join(", ")} at the root and in each package): run the tests with coverage first, e.g. vitest run --coverage --coverage.reporter=json-summary`);
  }
  io.stderr.write(`warden coverage: ${metric} ≥ ${cliMin ?? settings.min}% per package, from ${plural(reports.length, "report")} (${reports.map((r) => path.relative(root, r.file)).join(", ")})\n`);
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    const figure = r.pct === null ? "no coverage data" : `${r.pct.toFixed(1)}%  (${r.covered}/${r.total} ${metric} in ${plural(r.files, "file")})`;
    const mark = r.min === null ? "·" : r.passed ? "✔" : "✖";
    const min = r.min === null ? "  excluded (coverage.exclude)" : r.passed ? "" : `  minimum ${r.min}%`;
    io.stdout.write(`${mark} ${r.name.padEnd(width)}  ${figure}${min}${r.note === undefined ? "" : `  — ${r.note}`}\n`);
  }
  const held = results.filter((r) => r.min !== null).length;
  io.stdout.write(failed.length > 0 ? `✖ ${failed.length} of ${plural(held, "package")} below the minimum\n` : `✔ ${plural(held, "package")} at or above the minimum\n`);
  return failed.length > 0 ? 1 : 0;
}
