import { readFile } from "node:fs/promises";
import path from "node:path";
import { createLogger, currentEnv, FindingSchema, JSON_REPORT_VERSION, loadConfig, maskTokens, readEnv, repoRoot, WardenError, type Finding, type WardenConfig } from "@warden/core";
import { z } from "zod";
import type { Io } from "../io.js";
import { VERSION } from "../version.js";

/** The tools `warden ci report --run` can run itself. */
export const CI_TOOLS = ["check", "scan"] as const;
type CiTool = (typeof CI_TOOLS)[number];

/** Options of `warden ci report`. */
export interface CiReportCommandOptions {
  /** JSON reports of `warden check` / `warden scan` (`--format json`). */
  readonly reports: readonly string[];
  /** Tools to run here instead of reading reports. */
  readonly run?: readonly string[];
  readonly artifactDir: string;
  readonly config?: string;
}

const JsonReportSchema = z.object({
  version: z.literal(JSON_REPORT_VERSION),
  command: z.string(),
  summary: z.object({ files: z.number(), notes: z.array(z.string()).optional() }).loose(),
  findings: z.array(FindingSchema),
});

interface LoadedReport {
  readonly tool: string;
  readonly findings: Finding[];
  readonly files: number;
  readonly notes?: readonly string[];
}

/** The tool a JSON report came from: its `command` ("warden scan --range …" → scan; merged shards → check). */
function toolOf(command: string, file: string): string {
  const named = /^warden (check|scan)\b/.exec(command)?.[1];
  if (named !== undefined) return named;
  if (command.startsWith("warden report merge")) return "check";
  return path.basename(file).replace(/\.json$/i, "").replace(/[^A-Za-z0-9_-]+/g, "-") || "report";
}

async function readReport(io: Io, file: string): Promise<LoadedReport> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path.resolve(io.cwd, file), "utf8"));
  } catch (error) {
    throw new WardenError("INPUT", `${file}: not a readable JSON report (${maskTokens(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error))}); produce it with --format json`);
  }
  const report = JsonReportSchema.safeParse(parsed);
  if (!report.success) {
    const issue = report.error.issues[0];
    throw new WardenError("INPUT", `${file}: not a warden JSON report (${issue?.path.join(".") || "root"}: ${issue?.message ?? "invalid"}); produce it with --format json`);
  }
  const notes = report.data.summary.notes;
  return { tool: toolOf(report.data.command, file), findings: report.data.findings, files: report.data.summary.files, ...(notes === undefined ? {} : { notes }) };
}

/** Run `warden <tool> --format json` in this process and read its report. */
async function runTool(io: Io, tool: CiTool, config: string | undefined): Promise<LoadedReport> {
  let out = "";
  const capture: Io = { cwd: io.cwd, stdout: { write: (chunk: string) => (out += chunk) }, stderr: io.stderr, readStdin: io.readStdin };
  const code =
    tool === "check"
      ? await (await import("./check.js")).checkCommand(capture, { target: { kind: "paths", paths: [] }, format: "json", ...(config === undefined ? {} : { config }) })
      : await (await import("./scan.js")).scanCommand(capture, { target: { kind: "paths", paths: [] }, format: "json", ...(config === undefined ? {} : { config }) });
  if (code === 2) throw new WardenError("INPUT", `warden ${tool} could not run (exit 2); run it alone to see why`);
  const report = JsonReportSchema.parse(JSON.parse(out));
  return { tool, findings: report.findings, files: report.summary.files, ...(report.summary.notes === undefined ? {} : { notes: report.summary.notes }) };
}

/** A GitHub Actions workflow command's message: `%`, CR and LF escaped. */
function workflowMessage(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** The `github` settings of the repository's config (the defaults without one: CI works without a config). */
async function githubSettings(io: Io, file: string | undefined): Promise<WardenConfig["github"]> {
  const root = await repoRoot(io.cwd).catch(() => io.cwd);
  return (await loadConfig(root, file)).config.github;
}

/**
 * `warden ci report [reports…] [--run check,scan]`: publish the findings to GitHub (check runs with
 * annotations, the sticky pull-request comment, SARIF to code scanning), or to the job summary and
 * the artifact when the token cannot write. Exit 1 when a finding is an error, else 0: GitHub's
 * answers never change it; 2 for bad input.
 */
export async function ciReportCommand(io: Io, options: CiReportCommandOptions): Promise<number> {
  const run = (options.run ?? []).map((t) => t.trim()).filter((t) => t !== "");
  for (const tool of run) {
    if (!(CI_TOOLS as readonly string[]).includes(tool)) throw new WardenError("USAGE", `--run ${tool}: expected a comma-separated list of ${CI_TOOLS.join(", ")}`);
  }
  if (run.length === 0 && options.reports.length === 0) {
    throw new WardenError("USAGE", "ci report needs JSON reports (warden check --format json > check.json) or --run check,scan");
  }
  const { readActionsContext, reportToGitHub } = await import("@warden/github");
  const env = currentEnv();
  const context = readActionsContext(env);
  const settings = await githubSettings(io, options.config);
  const reports: LoadedReport[] = [];
  for (const file of options.reports) reports.push(await readReport(io, file));
  for (const tool of run) reports.push(await runTool(io, tool as CiTool, options.config));
  const logger = createLogger({ stream: io.stderr, prefix: "warden ci report" });
  const interval = env.WARDEN_GITHUB_WRITE_INTERVAL_MS;
  if (interval !== undefined && !/^\d+$/.test(interval)) throw new WardenError("USAGE", `WARDEN_GITHUB_WRITE_INTERVAL_MS=${interval}: expected milliseconds, e.g. 1000`);
  const result = await reportToGitHub({
    context,
    reports,
    version: VERSION,
    artifactDir: path.resolve(io.cwd, options.artifactDir),
    logger,
    sarif: settings.sarif,
    onCleanComment: settings.comment,
    ...(interval === undefined ? {} : { writeIntervalMs: Number(interval) }),
  });
  const actions = readEnv(env).githubActions;
  for (const notice of result.notices) {
    if (actions) io.stdout.write(`::${notice.level} title=warden ci report::${workflowMessage(notice.message)}\n`);
    else io.stderr.write(`warden ci report: ${notice.level}: ${notice.message}\n`);
  }
  for (const run of result.checkRuns) {
    io.stdout.write(`check run "warden ${run.tool}": ${run.conclusion}, ${run.annotations} annotation(s) in ${run.requests} request(s)${run.url === undefined ? "" : ` — ${run.url}`}\n`);
  }
  if (result.comment !== undefined && result.comment.action !== "none") io.stdout.write(`pull request comment ${result.comment.action}${result.comment.url === undefined ? "" : ` — ${result.comment.url}`}\n`);
  for (const upload of result.sarif) if (upload.uploaded) io.stdout.write(`SARIF of warden ${upload.tool} uploaded to code scanning (${upload.results} result(s))\n`);
  if (result.stepSummary !== undefined) io.stdout.write("job summary written\n");
  io.stdout.write(`artifact: ${path.relative(io.cwd, options.artifactDir === "" ? io.cwd : path.resolve(io.cwd, options.artifactDir)) || "."}/ (${result.artifactFiles.map((f) => path.basename(f)).join(", ")})\n`);
  return reports.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}
