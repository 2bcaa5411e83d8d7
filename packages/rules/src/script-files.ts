/** What a script is written in, from its shebang or extension. */
export interface ScriptKind {
  /** "bash" | "sh" | "zsh" for shell scripts, the interpreter name otherwise (e.g. "node"). */
  readonly interpreter: string;
  readonly shell: boolean;
  readonly shebang: string | undefined;
}

const SHELLS = new Set(["sh", "bash", "dash", "ksh", "zsh"]);

/** The interpreter a `#!` line names (`#!/usr/bin/env bash` → "bash"), or undefined without one. */
function shebangInterpreter(text: string): string | undefined {
  if (!text.startsWith("#!")) return undefined;
  const line = text.slice(2, text.indexOf("\n") < 0 ? undefined : text.indexOf("\n")).trim();
  const parts = line.split(/\s+/).filter((p) => !p.startsWith("-"));
  const program = parts[0] ?? "";
  const name = program.slice(program.lastIndexOf("/") + 1);
  return name === "env" ? (parts[1] ?? "").replace(/^-S$/, "") || undefined : name || undefined;
}

/**
 * Whether a file is a script (a shell script by extension, or any file with a `#!` line) and
 * in what. Returns undefined for everything else.
 */
export function scriptKind(file: string, text: string): ScriptKind | undefined {
  const interpreter = shebangInterpreter(text);
  const shebang = text.startsWith("#!") ? (text.split("\n")[0] ?? "") : undefined;
  if (/\.(?:sh|bash)$/.test(file)) return { interpreter: interpreter ?? (file.endsWith(".bash") ? "bash" : "sh"), shell: true, shebang };
  if (interpreter === undefined) return undefined;
  return { interpreter, shell: SHELLS.has(interpreter), shebang };
}

/**
 * Whether a script is a launcher shim that only loads a module: a short JS file (at most 15 lines
 * of code) that imports or requires a module and neither reads its arguments nor prints (the
 * module it loads is the program, with its own `--help`), or a short shell script whose one
 * command `exec`s another program with `"$@"`. A bin shim such as
 * `#!/usr/bin/env node` + `import("../dist/cli.js")` is one.
 */
export function isLauncherShim(kind: ScriptKind, text: string): boolean {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#") && !line.startsWith("//"));
  if (code.length > 15) return false;
  if (kind.shell) {
    // Options, variables and a `cd` may come first; the one command is the `exec`.
    const commands = code.filter((line) => !/^set\s+-|^[A-Za-z_]\w*=\S*$|^cd\s/.test(line));
    return commands.length === 1 && /^exec\s+\S.*"\$@"\s*$/.test(commands[0] ?? "");
  }
  const body = code.join("\n");
  const loads = /\bimport\s*\(|\brequire\s*\(|^import\s[^;]*?\bfrom\s*["']|^import\s*["']/m.test(body);
  const handlesArguments = /\bprocess\.argv\b|\bDeno\.args\b|\bconsole\.|\bprocess\.stdout\b|--help\b/.test(body);
  return loads && !handlesArguments;
}

/** The hooks git runs (githooks(5)). */
const GIT_HOOKS = new Set([
  "applypatch-msg", "pre-applypatch", "post-applypatch", "pre-commit", "pre-merge-commit", "prepare-commit-msg", "commit-msg",
  "post-commit", "pre-rebase", "post-checkout", "post-merge", "pre-push", "pre-receive", "update", "post-receive",
  "post-update", "push-to-checkout", "pre-auto-gc", "post-rewrite", "reference-transaction", "sendemail-validate",
]);

/**
 * Whether a file is a git hook kept in the repository: named as a hook git runs, in a dot-folder
 * (`.githooks/pre-push` for `core.hooksPath`, `.vite-hooks/_/commit-msg`, `.husky/pre-commit`). Its
 * folder is organised by purpose, and git hands it git's arguments, not `--help`.
 */
export function isGitHook(file: string): boolean {
  const parts = file.split("/");
  const name = parts.at(-1) ?? "";
  return GIT_HOOKS.has(name) && parts.slice(0, -1).some((dir) => dir.startsWith(".") && dir.length > 1);
}
