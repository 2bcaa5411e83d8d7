import { spawn } from "node:child_process";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";
import { scriptKind } from "../../script-files.js";

interface ShellcheckComment {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly level: string;
  readonly code: number;
  readonly message: string;
}

/** Run shellcheck on a script's text (stdin); undefined when shellcheck cannot be started. */
function runShellcheck(command: string, text: string, shell: string, severity: string): Promise<ShellcheckComment[] | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, ["--format=json1", `--severity=${severity}`, `--shell=${shell}`, "-"], { stdio: ["pipe", "pipe", "ignore"] });
    const out: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.on("error", () => resolve(undefined));
    child.on("close", () => {
      try {
        const parsed = JSON.parse(Buffer.concat(out).toString("utf8")) as { comments?: ShellcheckComment[] };
        resolve(parsed.comments ?? []);
      } catch {
        resolve(undefined); // not shellcheck's JSON: treat as unavailable
      }
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(text);
  });
}

export default defineRule({
  id: "scripts/shellcheck",
  enforces: "Rule 7",
  description: "Shell scripts are shellcheck-clean (Debian package `shellcheck`); when shellcheck is missing the rule says so instead of passing.",
  scope: "repo",
  messages: {
    finding: {
      message: "shellcheck SC{{code}} ({{level}}): {{text}}",
      hint: "Fix it as https://www.shellcheck.net/wiki/SC{{code}} explains; silence a deliberate case with `# shellcheck disable=SC{{code}}` and a reason.",
    },
    missing: {
      message: "shellcheck is not installed, so {{count}} shell script(s) were not checked.",
      hint: "Install it (`apt-get install shellcheck`, `brew install shellcheck`) or set the rule's `whenMissing` option to \"skip\".",
    },
  },
  options: z
    .object({
      command: z.string().default("shellcheck").describe("The shellcheck executable."),
      severity: z.enum(["error", "warning", "info", "style"]).default("warning").describe("Lowest shellcheck level reported."),
      whenMissing: z.enum(["report", "skip"]).default("report").describe("What to do when shellcheck is not installed."),
      ignore: z.array(z.string()).default([]).describe("Globs of scripts not checked."),
    })
    .strict(),
  defaultLevel: "error",
  async check(ctx) {
    const ignored = matcher(ctx.options.ignore);
    const scripts: { file: string; text: string; shell: string }[] = [];
    for (const file of ctx.files) {
      if (ignored(file)) continue;
      const text = await ctx.readText(file);
      if (text === undefined) continue;
      const kind = scriptKind(file, text);
      if (kind === undefined || !kind.shell) continue;
      const shell = kind.interpreter === "bash" || kind.interpreter === "ksh" ? kind.interpreter : kind.interpreter === "dash" ? "dash" : kind.interpreter === "zsh" ? "" : "sh";
      if (shell !== "") scripts.push({ file, text, shell });
    }
    if (scripts.length === 0) return;
    const first = await runShellcheck(ctx.options.command, scripts[0]?.text ?? "", scripts[0]?.shell ?? "sh", ctx.options.severity);
    if (first === undefined) {
      if (ctx.options.whenMissing === "report") {
        ctx.report({ messageId: "missing", data: { count: scripts.length }, file: scripts[0]?.file ?? "", line: 1, key: "missing" });
      }
      return;
    }
    const results = [first, ...(await Promise.all(scripts.slice(1).map((s) => runShellcheck(ctx.options.command, s.text, s.shell, ctx.options.severity))))];
    scripts.forEach((script, index) => {
      for (const comment of results[index] ?? []) {
        ctx.report({
          messageId: "finding",
          data: { code: comment.code, level: comment.level, text: comment.message },
          file: script.file,
          line: comment.line,
          column: comment.column,
          ...(comment.endLine === undefined ? {} : { endLine: comment.endLine }),
          ...(comment.endColumn === undefined ? {} : { endColumn: comment.endColumn }),
          key: `SC${comment.code}:${comment.message}`,
        });
      }
    });
  },
});
