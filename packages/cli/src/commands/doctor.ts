import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { currentEnv, escapeControl, loadConfig, plural, repoRoot, runGit } from "@warden/core";
import { detectRepo } from "../adopt/detect.js";
import { execPrefix, foreignHookLines, managerLabel, WARDEN_HOOKS, type WardenHookName } from "../adopt/hooks.js";
import type { Io } from "../io.js";
import { DOCTOR_PROBE_VARIABLE } from "./hook.js";
import { askServer } from "../server/client.js";
import { socketPath } from "../server/socket.js";

/** The PATH a GUI git client gives hooks on macOS and Linux desktops: no shell profile, so no nvm, Homebrew or Volta. */
export const MINIMAL_PATH = "/usr/bin:/bin:/usr/sbin:/sbin";

/** Options of `warden doctor`. */
export interface DoctorOptions {
  /** The PATH hooks are run with (default {@link MINIMAL_PATH}). */
  readonly path?: string;
}

interface Report {
  ok(text: string): void;
  problem(text: string, fix: string): void;
  info(text: string): void;
}

interface HookRun {
  readonly code: number;
  readonly output: string;
}

/** Run a hook file the way git does: from the top of the work tree, its arguments, a non-login environment with `pathValue` as PATH. */
function runHook(file: string, args: readonly string[], cwd: string, pathValue: string, token: string, indexFile: string): Promise<HookRun> {
  const env: NodeJS.ProcessEnv = { PATH: pathValue, [DOCTOR_PROBE_VARIABLE]: token, WARDEN_DAEMON: "0", GIT_INDEX_FILE: indexFile };
  for (const key of ["HOME", "USER", "LANG", "XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM"]) {
    const value = currentEnv()[key];
    if (value !== undefined) env[key] = value;
  }
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", (error) => resolve({ code: 126, output: error.message }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
    child.stdin.on("error", () => undefined);
    child.stdin.end("");
  });
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where `node` resolves with `pathValue`, or undefined. */
function whichNode(pathValue: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn("/bin/sh", ["-c", "command -v node"], { env: { PATH: pathValue }, stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", () => resolve(undefined));
    child.on("close", (code) => resolve(code === 0 && out.trim() !== "" ? out.trim() : undefined));
  });
}

function lastLines(text: string, count: number): string {
  return text
    .trim()
    .split("\n")
    .slice(-count)
    .map((line) => `      ${escapeControl(line)}`)
    .join("\n");
}

/**
 * `warden doctor`: proves each hook fires by running it as git does from a GUI client (a
 * non-login shell, PATH=/usr/bin:/bin:/usr/sbin:/sbin), and reports core.hooksPath, husky's install state,
 * node reachability, config validity and the warm server, each problem with its fix.
 * Exit 0 when all is well, 1 when a problem was found, 2 usage error.
 */
export async function doctorCommand(io: Io, options: DoctorOptions): Promise<number> {
  const root = await repoRoot(io.cwd);
  const facts = await detectRepo(root);
  const pathValue = options.path ?? MINIMAL_PATH;
  let problems = 0;
  const report: Report = {
    ok: (text) => void io.stdout.write(`✔ ${text}\n`),
    info: (text) => void io.stdout.write(`· ${text}\n`),
    problem: (text, fix) => {
      problems += 1;
      io.stdout.write(`✖ ${text}\n  fix: ${fix}\n`);
    },
  };
  io.stdout.write(`warden doctor: ${escapeControl(root)} (hooks run with PATH=${pathValue})\n`);

  // core.hooksPath
  const { hooks } = facts;
  const huskyFolder = existsSync(path.join(root, ".husky"));
  if (hooks.foreign !== undefined) {
    report.problem(
      `core.hooksPath: hooks are run by ${managerLabel(hooks.foreign)} (${hooks.foreign.evidence})${huskyFolder ? ", so the .husky/ hooks never run" : ""}`,
      `${hooks.foreign.name === "git hooks" ? "add these lines to those hook scripts (or `git config --unset core.hooksPath` to let husky run .husky/)" : `add Warden to ${hooks.foreign.name}'s config`}:\n${foreignHookLines(hooks.foreign, facts.manager.name)
        .split("\n")
        .map((line) => `      ${line}`)
        .join("\n")}`,
    );
  } else if (hooks.husky) {
    report.ok(`core.hooksPath = ${hooks.hooksPath ?? ""} (husky)`);
  } else if (huskyFolder) {
    report.problem("core.hooksPath is not set: the hooks in .husky/ do not run", `\`${facts.manager.name} install\` (its prepare script runs husky) or \`${execPrefix(facts.manager.name)} husky\``);
  } else {
    report.info(`core.hooksPath not set: git runs the hooks in ${path.relative(root, hooks.hooksDir) || hooks.hooksDir}`);
  }

  // husky install state
  if (huskyFolder && hooks.foreign === undefined) {
    const prepare = (facts.manifest?.scripts as Record<string, string> | undefined)?.prepare;
    const installed = existsSync(path.join(root, ".husky", "_", "h"));
    const inModules = existsSync(path.join(root, "node_modules", "husky"));
    if (installed && inModules) report.ok("husky: installed (.husky/_ and node_modules/husky)");
    else if (!inModules) report.problem("husky: not in node_modules", `\`${facts.manager.name} install\``);
    else report.problem("husky: .husky/_ is missing (the hooks git calls)", `\`${execPrefix(facts.manager.name)} husky\``);
    if (prepare === undefined || !/husky/.test(prepare)) report.problem("package.json: no prepare script runs husky, so a fresh clone has no hooks", "`warden init` (adds husky to prepare, keeping what it runs)");
  }

  // node reachability
  const node = await whichNode(pathValue);
  if (node !== undefined) report.ok(`node: ${node} (found with PATH=${pathValue})`);
  else
    report.problem(
      `node: not found with PATH=${pathValue}, the PATH GUI git clients give hooks (this shell's node: ${process.execPath})`,
      `husky reads ~/.config/husky/init.sh before every hook: add \`export PATH="${path.dirname(process.execPath)}:$PATH"\` there (or the line that loads your version manager)`,
    );

  // each hook fires
  const probeDir = mkdtempSync(path.join(tmpdir(), "warden-doctor-"));
  try {
    const messageFile = path.join(probeDir, "COMMIT_EDITMSG");
    writeFileSync(messageFile, "chore: warden doctor probe\n");
    // The hooks see an index equal to HEAD: nothing staged, so lint-staged and the like change nothing.
    const indexFile = path.join(probeDir, "index");
    await runGit(root, ["read-tree", "--index-output", indexFile, (await runGit(root, ["rev-parse", "--verify", "--quiet", "HEAD"], { allowFailure: true })).code === 0 ? "HEAD" : "--empty"]);
    // The three hooks run side by side; their results are reported in order.
    const outcomes = await Promise.all(
      WARDEN_HOOKS.map(async (hook) => {
        const name: WardenHookName = hook.name;
        const file = path.join(hooks.hooksDir, name);
        if (!existsSync(file) || !executable(file)) return { hook, file, result: undefined };
        const args = name === "commit-msg" ? [messageFile] : name === "pre-push" ? ["origin", "doctor-probe"] : [];
        return { hook, file, result: await runHook(file, args, root, pathValue, `probe-${process.pid}-${name}`, indexFile) };
      }),
    );
    for (const { hook, file, result } of outcomes) {
      const name = hook.name;
      const shown = path.relative(root, file) || file;
      if (!existsSync(file)) {
        report.problem(`${name}: no hook at ${shown}`, hooks.foreign === undefined ? "`warden init`" : `add Warden to ${hooks.foreign.name}'s config (above)`);
      } else if (result === undefined) {
        report.problem(`${name}: ${shown} is not executable, so git skips it`, `\`chmod +x ${shown}\``);
      } else if (result.output.includes(`probe-${process.pid}-${name} reached warden`)) {
        const via = /reached warden \S+ \(node [^)]*\)/.exec(result.output)?.[0] ?? "reached warden";
        report.ok(`${name}: fires and ${via}`);
      } else if (result.code === 127 || /node: (not found|No such file)|env: .?node.?: No such file|command not found/.test(result.output)) {
        report.problem(
          `${name}: the hook cannot start Warden with PATH=${pathValue} (exit ${result.code}):\n${lastLines(result.output, 4)}`,
          node === undefined
            ? `make node reachable for hooks: add \`export PATH="${path.dirname(process.execPath)}:$PATH"\` to ~/.config/husky/init.sh`
            : `install the dependencies (\`${facts.manager.name} install\`) so node_modules/.bin/warden exists`,
        );
      } else if (result.code !== 0) {
        report.problem(`${name}: the hook exited ${result.code} before reaching Warden:\n${lastLines(result.output, 4)}`, `fix the command that failed in ${shown} (or the script it calls)`);
      } else {
        report.problem(`${name}: the hook ran but does not call Warden`, `\`warden init\` adds \`warden hook ${name}${hook.args}\` to it, keeping your lines`);
      }
    }
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }

  // config validity
  try {
    const { file } = await loadConfig(root);
    report.ok(file === undefined ? "config: none (the defaults apply; `warden init` writes one fitted to this repository)" : `config: ${path.relative(root, file)} is valid`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report.problem(`config: ${escapeControl(message)}`, "fix the key it names (docs/reference/config.md)");
  }

  // warm server
  const answer = await askServer("status");
  if (answer?.type === "status") report.ok(`warm server: running (pid ${answer.status.pid}, ${plural(answer.status.repositories.length, "repository", "repositories")} served)`);
  else if (existsSync(socketPath())) report.info(`warm server: not answering; its socket ${socketPath()} is stale and is replaced on the next check`);
  else report.info("warm server: not running (the next `warden check` or pre-commit starts it)");

  io.stdout.write(problems === 0 ? "\nno problems: every hook reaches Warden\n" : `\n${plural(problems, "problem")} found\n`);
  return problems === 0 ? 0 : 1;
}
