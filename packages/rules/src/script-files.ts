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
