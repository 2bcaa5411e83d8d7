import { BASELINE_FILE, baselineEntries, escapeControl, gitText, parseBaseline, plural, readBaseline, repoRoot, runGit, WardenError, writeBaseline } from "@warden/core";
import type { Io } from "../io.js";
import { runCheck } from "./check.js";

/** Options of `warden baseline`. */
export interface BaselineOptions {
  /** Drop entries that no longer occur; never add. */
  readonly update: boolean;
  /** CI gate: fail when the baseline has entries the one at `base` does not. */
  readonly check: boolean;
  readonly base?: string;
  readonly config?: string;
}

async function baselineAt(root: string, ref: string): Promise<Set<string> | undefined> {
  const exists = await runGit(root, ["cat-file", "-e", `${ref}:${BASELINE_FILE}`], { allowFailure: true });
  if (exists.code !== 0) return undefined;
  const text = await gitText(root, ["show", `${ref}:${BASELINE_FILE}`]);
  return new Set(parseBaseline(text, `${ref}:${BASELINE_FILE}`).map((e) => e.fingerprint));
}

async function checkGrowth(io: Io, root: string, base: string | undefined): Promise<number> {
  const current = await readBaseline(root);
  if (current === undefined) {
    io.stdout.write(`no ${BASELINE_FILE}: nothing to compare\n`);
    return 0;
  }
  if (base === undefined) throw new WardenError("USAGE", "baseline --check needs --base REF (the commit to compare with, e.g. origin/main)");
  const verified = await runGit(root, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`], { allowFailure: true });
  if (verified.code !== 0) throw new WardenError("USAGE", `--base ${base}: no such commit or ref`);
  const before = await baselineAt(root, base);
  if (before === undefined) {
    io.stdout.write(`${BASELINE_FILE} is new since ${base} (${current.length} entries): adoption is allowed, growth later is not\n`);
    return 0;
  }
  const added = current.filter((e) => !before.has(e.fingerprint));
  if (added.length === 0) {
    io.stdout.write(`✔ ${BASELINE_FILE} did not grow since ${base} (${before.size} → ${current.length} entries)\n`);
    return 0;
  }
  io.stderr.write(`✖ ${BASELINE_FILE} grew since ${base}: ${added.length} new entr${added.length === 1 ? "y" : "ies"}; the baseline may only shrink\n`);
  for (const entry of added.slice(0, 20)) io.stderr.write(`  + ${escapeControl(entry.file)}  ${entry.ruleId}  ${entry.fingerprint}\n`);
  io.stderr.write("  hint: fix the new findings instead of recording them, then run `warden baseline --update`\n");
  return 1;
}

/**
 * `warden baseline`: record today's findings (by fingerprint, one per line, sorted) so only new
 * ones block. `--update` drops entries that no longer occur and never adds; `--check --base REF`
 * fails when the baseline grew since REF (the CI ratchet).
 */
export async function baselineCommand(io: Io, options: BaselineOptions): Promise<number> {
  if (options.update && options.check) throw new WardenError("USAGE", "choose one of --update or --check");
  const root = await repoRoot(io.cwd);
  if (options.check) return checkGrowth(io, root, options.base);
  const existing = await readBaseline(root);
  if (options.update && existing === undefined) throw new WardenError("USAGE", `--update: there is no ${BASELINE_FILE} yet; run \`warden baseline\` to create it`);
  const outcome = await runCheck(io.cwd, { target: { kind: "paths", paths: [] }, baseline: false, ...(options.config === undefined ? {} : { config: options.config }) });
  const today = baselineEntries(outcome.all);
  if (options.update && existing !== undefined) {
    const occurring = new Set(today.map((e) => e.fingerprint));
    const kept = existing.filter((e) => occurring.has(e.fingerprint));
    await writeBaseline(root, kept);
    const fresh = today.length - kept.length;
    io.stdout.write(
      `${BASELINE_FILE}: dropped ${existing.length - kept.length} entr${existing.length - kept.length === 1 ? "y" : "ies"} that no longer occur; ${kept.length} remain` +
        (fresh > 0 ? `; ${plural(fresh, "new finding is", "new findings are")} not recorded — fix them (\`warden check\` lists them)` : "") +
        "\n",
    );
    return 0;
  }
  await writeBaseline(root, today);
  const before = existing?.length;
  io.stdout.write(`${BASELINE_FILE}: recorded ${plural(today.length, "finding")}${before === undefined ? "" : ` (was ${before})`}; commit it — from now on only new findings block\n`);
  return 0;
}
