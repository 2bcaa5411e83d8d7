import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { childEnv, currentEnv, describeWrittenRule, escapeControl, gitText, loadConfig, parsePrePushInput, pushRanges, repoRoot, WardenError, type Format, type LoadedConfig } from "@warden/core";
import type * as SecretsPackage from "@warden/secrets";
import type { Io } from "../io.js";
import { VERSION } from "../version.js";
import { checkCommand } from "./check.js";

/** The secrets package, loaded on demand. */
type SecretsModule = typeof SecretsPackage;

/** The hooks Warden implements. */
export const HOOKS = ["pre-commit", "commit-msg", "pre-push"] as const;

/** Set by `warden doctor` when it runs a hook: `warden hook` then answers that the hook reached it, and checks nothing. */
export const DOCTOR_PROBE_VARIABLE = "WARDEN_DOCTOR_PROBE";

/**
 * Forward a child's output in whole lines, so the output redactor sees every token whole (a pipe
 * may split one across chunks). The last unterminated line is written when the child closes.
 */
function lineForwarder(write: (text: string) => unknown): { push(chunk: Buffer): void; end(): void } {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  return {
    push(chunk) {
      pending += decoder.write(chunk);
      const cut = pending.lastIndexOf("\n");
      if (cut < 0) return;
      write(pending.slice(0, cut + 1));
      pending = pending.slice(cut + 1);
    },
    end() {
      pending += decoder.end();
      if (pending !== "") write(pending);
      pending = "";
    },
  };
}

function runShell(command: string, cwd: string, env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, { cwd, env, shell: true, stdio: ["ignore", "pipe", "pipe"] });
    const out = lineForwarder((text) => io.stdout.write(text));
    const err = lineForwarder((text) => io.stderr.write(text));
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", () => resolve(127));
    child.on("close", (code) => {
      out.end();
      err.end();
      resolve(code ?? 1);
    });
  });
}

async function preCommit(io: Io, format: Format): Promise<number> {
  const root = await repoRoot(io.cwd);
  const { config } = await loadConfig(root);
  let exit = 0;
  if (config.hooks.preCommit.check) exit = await checkCommand({ ...io, cwd: root }, { target: { kind: "staged" }, format });
  if (config.hooks.preCommit.scan) {
    const { scanCommand } = await import("./scan.js");
    const code = await scanCommand({ ...io, cwd: root }, { target: { kind: "staged" }, format });
    if (code !== 0) exit = code;
  }
  return exit;
}

/**
 * The rules that judge a commit by its message and the paths it changes (Conventional Commits,
 * protected paths, canonical docs), run on the commit being made: its message from the file git
 * passes, its paths from the index. The same rules, with the same settings, judge the pushed
 * commits in pre-push and CI (`warden check --range`), so the hooks cannot disagree. Returns the
 * exit code (1 when a rule at level "error" reports).
 */
async function checkPendingCommit(io: Io, root: string, loaded: LoadedConfig, message: string): Promise<number> {
  const { BUILTIN_RULES, runRules } = await import("@warden/rules");
  const rules = BUILTIN_RULES.filter((rule) => PENDING_COMMIT_RULES.includes(rule.id));
  const { config, file } = loaded;
  // Deletions and both sides of a rename change a path too, so ask git for every staged name.
  const names = (await gitText(root, ["diff", "--cached", "--name-only", "-z", "--no-renames"])).split("\0").filter((n) => n !== "");
  // Only these rules run, so only their settings are passed (the rest are validated by `check`).
  const pick = (rules: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(rules).filter(([id]) => PENDING_COMMIT_RULES.includes(id)));
  const result = await runRules({
    root,
    files: [],
    config: {
      ...config,
      rules: pick(config.rules) as typeof config.rules,
      overrides: config.overrides.map((override) => ({ ...override, rules: pick(override.rules) as typeof override.rules })),
    },
    configFile: file === undefined ? "warden.config" : path.relative(root, file),
    rules,
    mode: "changes",
    exists: () => Promise.resolve(false),
    commits: [{ oid: "(new)", message, files: names }],
    keepSources: false,
  });
  const errors = result.findings.filter((finding) => finding.severity === "error");
  for (const finding of result.findings) {
    io.stderr.write(
      `${finding.severity === "error" ? "✖" : "⚠"} commit ${finding.severity === "error" ? "refused" : "warning"}: ${escapeControl(finding.message)}  ${finding.ruleId}\n` +
        (finding.rule === undefined ? "" : `  ${finding.rule}\n`) +
        (finding.hint === undefined ? "" : `  hint: ${escapeControl(finding.hint)}\n`),
    );
  }
  return errors.length > 0 ? 1 : 0;
}

/** The message as git will store it: comment lines and everything below the scissors line dropped. */
function cleanCommitMessage(raw: string): string {
  const scissors = raw.indexOf("# ------------------------ >8 ------------------------");
  const body = scissors >= 0 ? raw.slice(0, scissors) : raw;
  return body
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .join("\n")
    .trim();
}

/**
 * The secret scan of the message being committed (with the pre-commit scan's switch and the
 * config's secrets settings): a secret in a commit message is pushed and kept forever, like one in
 * a file. Findings are shown redacted; exit 1 refuses the commit.
 */
function scanCommitMessage(io: Io, message: string, settings: LoadedConfig["config"]["secrets"], secrets: SecretsModule): number {
  if (message === "") return 0;
  const scanner = new secrets.SecretScanner({ settings });
  const findings = scanner.scanText("(commit message)", message);
  if (findings.length === 0) return 0;
  for (const finding of findings) {
    io.stderr.write(`✖ commit refused: the commit message holds a secret: ${escapeControl(finding.message)}  ${finding.ruleId}\n`);
  }
  io.stderr.write(
    `  ${secrets.SECRETS_RULE}\n  hint: write the message without the secret (nothing was committed), and revoke or rotate it at the vendor if it was shared anywhere\n`,
  );
  return 1;
}

/** Rules run by the commit-msg hook on the commit being made (Rules 19, 17 and 20). */
const PENDING_COMMIT_RULES: readonly string[] = ["commits/conventional", "protect/protected-paths", "protect/canonical-docs"];

async function commitMsg(io: Io, file: string | undefined): Promise<number> {
  if (file === undefined) throw new WardenError("USAGE", "hook commit-msg needs the message file git passes (.husky/commit-msg: warden hook commit-msg \"$1\")");
  const root = await repoRoot(io.cwd);
  const loaded = await loadConfig(root);
  let raw: string;
  try {
    raw = await readFile(path.resolve(io.cwd, file), "utf8");
  } catch {
    throw new WardenError("INPUT", `${file}: cannot read the commit message file`);
  }
  if (loaded.config.hooks.preCommit.scan) {
    const code = scanCommitMessage(io, cleanCommitMessage(raw), loaded.config.secrets, await import("@warden/secrets"));
    if (code !== 0) return code;
  }
  return checkPendingCommit(io, root, loaded, raw);
}

async function prePush(io: Io, remote: string | undefined, format: Format): Promise<number> {
  const root = await repoRoot(io.cwd);
  const { config } = await loadConfig(root);
  const refs = parsePrePushInput(await io.readStdin());
  const ranges = await pushRanges(root, refs, remote);
  let exit = 0;
  if (config.hooks.prePush.check) {
    for (const range of ranges) {
      const code = await checkCommand(
        { ...io, cwd: root },
        { target: { kind: "range", base: range.base, head: range.head }, format },
      );
      if (code !== 0) exit = code;
    }
  }
  if (config.hooks.prePush.scan) {
    // The secret scan covers exactly the pushed commits: every line they add, each finding with its commit.
    const { scanCommand } = await import("./scan.js");
    for (const range of ranges) {
      const code = await scanCommand({ ...io, cwd: root }, { target: { kind: "commits", base: range.base, head: range.head }, format });
      if (code !== 0) exit = code;
    }
  }
  if (exit !== 0) return exit;
  const test = config.hooks.prePush.test;
  if (test === false || ranges.length === 0) return exit;
  for (const range of ranges) {
    const env = childEnv({ TURBO_SCM_HEAD: range.head, ...(range.base === undefined ? {} : { TURBO_SCM_BASE: range.base }) });
    let command: string | undefined = test === "auto" ? undefined : test;
    if (test === "auto") {
      const turbo = path.join(root, "node_modules", ".bin", "turbo");
      if (existsSync(path.join(root, "turbo.json")) && existsSync(turbo)) command = `"${turbo}" run test --affected --output-logs=errors-only`;
    }
    if (command === undefined) continue;
    io.stderr.write(`warden: testing the affected packages: ${command}\n`);
    const code = await runShell(command, root, env, io);
    if (code !== 0) {
      io.stderr.write(`✖ tests of the affected packages failed (exit ${code}): push refused\n  ${describeWrittenRule("Rule 2")}\n`);
      return 1;
    }
  }
  return exit;
}

/** `warden hook <name> [args…]`: what `.husky/<name>` calls. */
export async function hookCommand(io: Io, name: string, args: readonly string[], format: Format): Promise<number> {
  // `warden doctor` runs each hook with this set: answer that the hook reached Warden, and check nothing.
  const probe = currentEnv()[DOCTOR_PROBE_VARIABLE];
  if (probe !== undefined && probe !== "" && (HOOKS as readonly string[]).includes(name)) {
    io.stdout.write(`${probe} reached warden ${VERSION} (node ${process.version} at ${process.execPath})\n`);
    return 0;
  }
  switch (name) {
    case "pre-commit":
      return preCommit(io, format);
    case "commit-msg":
      return commitMsg(io, args[0]);
    case "pre-push":
      return prePush(io, args[0], format);
    default:
      throw new WardenError("USAGE", `unknown hook "${name}" (expected one of: ${HOOKS.join(", ")})`);
  }
}
