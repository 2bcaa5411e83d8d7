import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { createTwoFilesPatch } from "diff";
import { BASELINE_FILE, baselineEntries, childEnv, escapeControl, loadConfig, plural, readBaseline, repoRoot, WardenError, writeBaseline } from "@warden/core";
import { detectHooks, detectRepo, type RepoFacts } from "../adopt/detect.js";
import { execPrefix, foreignHookLines, managerLabel } from "../adopt/hooks.js";
import { planInit, type FileChange } from "../adopt/plan.js";
import { GENERATED_MARK, renderWorkflow, workflowOptionsFor } from "../adopt/workflow.js";
import type { Io } from "../io.js";
import { VERSION } from "../version.js";
import { runCheck } from "./check.js";

/** Options of `warden init`. */
export interface InitOptions {
  /** Print the diff and write nothing. */
  readonly dryRun: boolean;
  /** Apply without asking, and record a baseline of today's findings. */
  readonly yes: boolean;
  /** Run the package manager's install after writing package.json. */
  readonly install: boolean;
  /** Offer the baseline (`--no-baseline` turns it off). */
  readonly baseline: boolean;
  /** `--ci github`: also write the GitHub Actions workflow. */
  readonly ci?: string;
}

/** The workflow file `--ci github` writes: a generated ci.yml when one is there (this repository's), else warden.yml. */
function workflowPath(root: string): string {
  const ci = path.join(root, ".github/workflows/ci.yml");
  return existsSync(ci) && readFileSync(ci, "utf8").startsWith(GENERATED_MARK) ? ".github/workflows/ci.yml" : ".github/workflows/warden.yml";
}

/** The deploy environments of the config, or none when there is no valid config yet. */
/** What the workflow needs from the config: the deploy environments, and the system plan's file when it exists. */
async function configFacts(root: string): Promise<{ environments: Set<string>; planFile: string | undefined }> {
  let environments = new Set<string>();
  let planFile = "docs/system-plan.md";
  try {
    const { config } = await loadConfig(root);
    environments = new Set(Object.keys(config.deploy?.environments ?? {}));
    planFile = config.plan.out;
  } catch {
    // no or broken config: defaults (init reports a broken config elsewhere)
  }
  return { environments, planFile: existsSync(path.join(root, planFile)) ? planFile : undefined };
}

/** A unified diff of one planned change, paths as git shows them. */
export function renderChange(change: FileChange): string {
  const patch = createTwoFilesPatch(
    change.before === undefined ? "/dev/null" : `a/${change.path}`,
    `b/${change.path}`,
    change.before ?? "",
    change.after,
    undefined,
    undefined,
    { context: 3 },
  );
  // jsdiff opens with an "Index:"/"===" header pair; git's form starts at ---.
  const body = patch.split("\n").filter((line, i) => !(i < 2 && (line.startsWith("Index:") || line.startsWith("====")))).join("\n");
  return `diff --warden ${change.path}${change.before === undefined ? " (new file)" : ""}\n${body}`;
}

function describeFacts(facts: RepoFacts): string[] {
  const hooks = facts.hooks;
  const hooksLine =
    hooks.foreign !== undefined
      ? `${hooks.foreign.name} (${hooks.foreign.evidence})`
      : hooks.husky
        ? `husky (core.hooksPath = ${hooks.hooksPath ?? ""})`
        : hooks.hooksPath === undefined
          ? "none installed"
          : `core.hooksPath = ${hooks.hooksPath}`;
  return [
    `  package manager  ${facts.manager.name} (${facts.manager.source})${facts.manager.pnp ? ", Plug'n'Play" : ""}`,
    `  workspaces       ${facts.workspaces.length === 0 ? "none (one package)" : facts.workspaces.join(", ")}`,
    `  docs folder      ${facts.docs ?? "none"}`,
    `  fixture folders  ${[...facts.knownFixtures, ...facts.fixtures].join(", ") || "none"}`,
    `  git hooks        ${hooksLine}`,
    `  config           ${facts.configFile ?? "none"}`,
  ];
}

/** Run a command in `cwd`, forwarding its output line by line; resolves to its exit code. */
function run(io: Io, command: string, args: readonly string[], cwd: string, extraEnv?: Readonly<Record<string, string>>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: childEnv(extraEnv), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => io.stdout.write(chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => io.stderr.write(chunk.toString("utf8")));
    child.on("error", () => resolve(127));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function confirm(io: Io, question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

function write(root: string, change: FileChange): void {
  const file = path.join(root, change.path);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, change.after, change.mode === undefined ? undefined : { mode: change.mode });
  if (change.mode !== undefined) chmodSync(file, change.mode);
}

/** The workflow `--ci github` writes, or undefined (with a note) when a hand-written file of that name is there. */
async function workflowFile(root: string, facts: RepoFacts, notes: string[]): Promise<{ path: string; text: string } | undefined> {
  const file = workflowPath(root);
  const target = path.join(root, file);
  if (existsSync(target) && !readFileSync(target, "utf8").startsWith(GENERATED_MARK)) {
    notes.push(`${file}: kept as it is (not written by warden init); move it away to generate a new one`);
    return undefined;
  }
  const { environments, planFile } = await configFacts(root);
  return { path: file, text: renderWorkflow(workflowOptionsFor(facts, environments, planFile)) };
}

/** Activate husky's hooks (core.hooksPath) with the husky already installed in node_modules, without any network install. */
async function activateHusky(io: Io, facts: RepoFacts, installFailed: boolean): Promise<void> {
  const bin = path.join(facts.root, "node_modules", "husky", "bin.js");
  if (!existsSync(bin)) {
    io.stdout.write(installFailed ? "hooks: not active yet: they are installed by the prepare script (husky) once the install succeeds\n" : "hooks: active after the install (the prepare script runs husky)\n");
    return;
  }
  const code = await run(io, process.execPath, [bin], facts.root);
  // husky exits 0 without installing when HUSKY=0 or outside a work tree: trust git's config, not the exit code.
  const after = await detectHooks(facts.root);
  if (code === 0 && after.husky) io.stdout.write(`hooks: husky installed (core.hooksPath = ${after.hooksPath ?? ".husky/_"})\n`);
  else io.stdout.write(`hooks: not active yet (husky exited with ${code}; core.hooksPath = ${after.hooksPath ?? "unset"}): run \`${execPrefix(facts.manager.name)} husky\`\n`);
}

/** Record today's findings so adoption starts green; nothing when a baseline exists or nothing is found. */
async function offerBaseline(io: Io, root: string): Promise<void> {
  if ((await readBaseline(root)) !== undefined) {
    io.stdout.write(`baseline: ${BASELINE_FILE} exists (\`warden baseline --update\` drops what you fix)\n`);
    return;
  }
  const outcome = await runCheck(root, { target: { kind: "paths", paths: [] }, baseline: false });
  const entries = baselineEntries(outcome.all);
  if (entries.length === 0) {
    io.stdout.write("baseline: no findings today, none needed\n");
    return;
  }
  await writeBaseline(root, entries);
  io.stdout.write(`baseline: recorded ${plural(entries.length, "finding")} in ${BASELINE_FILE}; commit it — from now on only new findings block\n`);
}

/**
 * `warden init`: wire Warden into an existing repository — dev dependencies, husky hooks merged
 * with the user's, a config fitted to the repository, .changeset/, optionally the CI workflow —
 * and offer a baseline. A second run changes nothing; `--dry-run` prints the diff only.
 * Exit 0 done, 1 hooks not installed because another hook manager owns them, 2 usage error.
 */
export async function initCommand(io: Io, options: InitOptions): Promise<number> {
  if (options.ci !== undefined && options.ci !== "github") throw new WardenError("USAGE", `--ci ${options.ci}: only "github" is supported`);
  const root = await repoRoot(io.cwd);
  const facts = await detectRepo(root);
  const notes: string[] = [];
  const extra = options.ci === "github" ? await workflowFile(root, facts, notes) : undefined;
  const plan = planInit(facts, { version: VERSION, ...(extra === undefined ? {} : { extra: [extra] }) });
  io.stdout.write(`warden init: ${escapeControl(root)}\n${describeFacts(facts).join("\n")}\n`);
  for (const note of [...plan.notes, ...notes]) io.stdout.write(`  · ${note}\n`);

  const foreign = facts.hooks.foreign;
  if (foreign !== undefined) {
    io.stderr.write(
      `✖ hooks not installed: this repository's git hooks are run by ${managerLabel(foreign)} (${foreign.evidence}); husky would set core.hooksPath and silently switch them off.\n` +
        `  ${foreign.name === "git hooks" ? "Add these lines to your hook scripts" : `Add Warden to ${foreign.name}'s config`} instead:\n\n` +
        `${foreignHookLines(foreign, facts.manager.name)
          .split("\n")
          .map((line) => `    ${line}`)
          .join("\n")}\n\n`,
    );
  }

  if (plan.changes.length === 0) {
    io.stdout.write("nothing to change: Warden is set up here\n");
  } else if (options.dryRun) {
    for (const change of plan.changes) io.stdout.write(`\n${renderChange(change)}`);
    io.stdout.write(`\n--dry-run: ${plural(plan.changes.length, "file")} would change; nothing written\n`);
  } else {
    if (!options.yes) {
      for (const change of plan.changes) io.stdout.write(`\n${renderChange(change)}`);
      if (process.stdin.isTTY !== true) throw new WardenError("USAGE", "no terminal to confirm the changes above: run `warden init --yes` to write them (or --dry-run to only see them)");
      if (!(await confirm(io, `\nWrite ${plural(plan.changes.length, "file")}? [y/N] `))) {
        io.stdout.write("nothing written\n");
        return foreign === undefined ? 0 : 1;
      }
    }
    for (const change of plan.changes) write(root, change);
    io.stdout.write(`wrote ${plan.changes.map((c) => c.path).join(", ")}\n`);
  }
  if (options.dryRun) return foreign === undefined ? 0 : 1;

  let installFailed = false;
  if (plan.installCommand !== undefined) {
    if (options.install) {
      const [command = "npm", ...args] = plan.installCommand.split(" ");
      // yarn berry refuses to change the lockfile when CI is set unless told otherwise.
      const code = await run(io, command, args, root, facts.manager.name === "yarn" ? { YARN_ENABLE_IMMUTABLE_INSTALLS: "false" } : undefined);
      installFailed = code !== 0;
      if (installFailed) io.stderr.write(`warden init: \`${plan.installCommand}\` exited with ${code} (its output is above); run it again, then \`warden doctor\`\n`);
    } else {
      io.stdout.write(`next: run \`${plan.installCommand}\` to install ${Object.keys(plan.added).join(", ")}\n`);
    }
  }
  if (foreign === undefined && !facts.hooks.husky) await activateHusky(io, facts, installFailed);
  if (options.baseline) {
    const wanted =
      options.yes || ((await readBaseline(root)) === undefined && process.stdin.isTTY === true && (await confirm(io, "Record today's findings in a baseline, so only new ones block? [y/N] ")));
    if (wanted) await offerBaseline(io, root);
    else if ((await readBaseline(root)) === undefined) io.stdout.write("baseline: `warden baseline` records today's findings so only new ones block\n");
  }
  return foreign === undefined && !installFailed ? 0 : 1;
}
