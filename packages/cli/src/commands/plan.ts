import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { listWorkspacePackages, loadConfig, repoRoot, walkFiles, WardenError, writeFileAtomic, type WardenConfig } from "@warden/core";
import type { Io } from "../io.js";

/** The plan's text for the repository at `root` (and the event lines that were skipped). */
async function generate(root: string, config: WardenConfig, out: string): Promise<{ text: string; skipped: string[]; previous: string | undefined }> {
  const plan = await import("@warden/plan");
  const { digest, skipped } = plan.readEventDigest(root);
  const files = await walkFiles(root);
  const packages = await listWorkspacePackages(root);
  let adrs;
  if (existsSync(path.join(root, "docs/adr"))) {
    const { readAdrs } = await import("@warden/changelog");
    adrs = readAdrs(root).map((a) => ({ number: a.number, title: a.title, status: a.status, date: a.date, file: path.posix.relative(path.posix.dirname(out), a.file) }));
  }
  const history = digest.deployments;
  const shown = new Set<string>();
  const byEnv = new Map<string, (typeof history)[number][]>();
  for (const d of history) {
    const list = byEnv.get(d.env);
    if (list === undefined) byEnv.set(d.env, [d]);
    else list.push(d);
  }
  for (const list of byEnv.values()) for (const d of list.slice(-config.plan.history)) if (d.user === undefined) shown.add(d.commit);
  const starts = plan.changeStartTimes(root, history);
  const facts = await plan.collectPlanFacts({
    root,
    config,
    digest,
    files,
    packages,
    ...(adrs === undefined ? {} : { adrs }),
    authors: plan.commitAuthors(root, shown),
    firstCommitAt: (d) => starts.get(plan.deploymentKey(d)),
  });
  const target = path.join(root, out);
  const previous = existsSync(target) ? readFileSync(target, "utf8") : undefined;
  return { text: plan.renderPlan(facts, previous), skipped: plan.describeSkippedLines(skipped), previous };
}

function outPath(root: string, config: WardenConfig, option: string | undefined): string {
  const out = (option ?? config.plan.out).split(path.sep).join("/");
  const resolved = path.resolve(root, out);
  if (path.relative(root, resolved).startsWith("..") || path.isAbsolute(path.relative(root, resolved))) throw new WardenError("USAGE", `--out ${out.slice(0, 80)}: the plan is written inside the repository`);
  return path.relative(root, resolved).split(path.sep).join("/");
}

/** Write the plan (after a deploy too); returns the repository-relative file and whether it changed. */
export async function writePlan(root: string, config: WardenConfig, option?: string): Promise<{ file: string; changed: boolean; skipped: string[] }> {
  const out = outPath(root, config, option);
  const { text, skipped, previous } = await generate(root, config, out);
  if (previous !== text) {
    mkdirSync(path.dirname(path.join(root, out)), { recursive: true });
    await writeFileAtomic(path.join(root, out), text);
  }
  return { file: out, changed: previous !== text, skipped };
}

/** `warden plan [--check] [--out PATH]`: write the system plan from facts, or check that it is current. */
export async function planCommand(io: Io, options: { readonly check?: boolean; readonly code?: boolean; readonly out?: string; readonly config?: string }): Promise<number> {
  if (options.code === true && options.check !== true) throw new WardenError("USAGE", "--code goes with --check: warden plan --check --code");
  const root = await repoRoot(io.cwd);
  const { config } = await loadConfig(root, options.config);
  if (options.check === true) {
    const out = outPath(root, config, options.out);
    const { text, skipped, previous } = await generate(root, config, out);
    // the code-only check reads no event log, so its skipped lines are not its business
    if (options.code !== true) for (const line of skipped) io.stderr.write(`warden: ${line}\n`);
    const { codeStaleReason, staleReason } = await import("@warden/plan");
    const reason = options.code === true ? codeStaleReason(out, previous, text) : staleReason(out, previous, text);
    if (reason !== undefined) {
      io.stderr.write(`warden: ${reason}\n`);
      return 1;
    }
    io.stdout.write(options.code === true ? `${out}: the sections from the code are current\n` : `${out} is current\n`);
    return 0;
  }
  const result = await writePlan(root, config, options.out);
  for (const line of result.skipped) io.stderr.write(`warden: ${line}\n`);
  io.stdout.write(result.changed ? `wrote ${result.file}\n` : `${result.file} is current (unchanged)\n`);
  return 0;
}

/** After `warden deploy`: regenerate the plan when `plan.updateOnDeploy` is set; a failure to write it is a warning, never a failed deploy. */
export async function refreshPlanAfterDeploy(io: Io, root: string, config: WardenConfig): Promise<void> {
  if (!config.plan.updateOnDeploy) return;
  try {
    const result = await writePlan(root, config);
    io.stderr.write(`warden deploy: ${result.changed ? "updated" : "checked"} the system plan ${result.file} (plan.updateOnDeploy)\n`);
  } catch (error) {
    io.stderr.write(`warden deploy: warning: the system plan was not updated: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
  }
}
