import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";
import { scriptKind } from "../../script-files.js";

/** The shell options a script turns on with `set` lines (`set -euo pipefail`, `set -o errexit`, …). */
function strictFlags(text: string): Set<string> {
  const flags = new Set<string>();
  const long: Record<string, string> = { errexit: "e", nounset: "u", pipefail: "pipefail" };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!/^set\s+[-+]/.test(line)) continue;
    const words = line.split(/[\s;]+/).slice(1);
    for (let i = 0; i < words.length; i += 1) {
      const word = words[i] ?? "";
      if (word === "-o" || /^-[a-zA-Z]*o$/.test(word)) {
        for (const ch of word.slice(1, -1)) flags.add(ch);
        const name = words[i + 1] ?? "";
        flags.add(long[name] ?? name);
        i += 1;
      } else if (/^-[a-zA-Z]+$/.test(word)) {
        for (const ch of word.slice(1)) flags.add(ch);
      } else if (word.startsWith("#")) {
        break;
      }
    }
  }
  return flags;
}

export default defineRule({
  id: "scripts/shell-strict",
  enforces: "Rule 7",
  description: "Shell scripts start with a `#!` line and turn on strict mode: `set -euo pipefail` (bash), `set -eu` (POSIX sh).",
  scope: "file",
  languages: ["*"],
  messages: {
    shebang: {
      message: "Shell script without a #! line.",
      hint: "Start it with `#!/usr/bin/env bash` (or `#!/bin/sh` for POSIX sh) so it runs with the shell it was written for.",
    },
    strict: {
      message: "Shell script does not turn on {{missing}}.",
      hint: "Add `{{line}}` right after the #! line: stop on the first failing command, on unset variables and on failures inside pipes.",
    },
  },
  options: z
    .object({
      ignore: z.array(z.string()).default([".husky/**"]).describe("Globs of scripts not checked (husky runs its hooks with `sh -e` itself)."),
    })
    .strict(),
  defaultLevel: "error",
  check(ctx) {
    const kind = scriptKind(ctx.file, ctx.text);
    if (kind === undefined || !kind.shell || matcher(ctx.options.ignore)(ctx.file)) return;
    if (kind.shebang === undefined) ctx.report({ messageId: "shebang", line: 1, key: "shebang" });
    const posix = kind.interpreter === "sh" || kind.interpreter === "dash";
    const wanted = posix ? ["e", "u"] : ["e", "u", "pipefail"];
    const flags = strictFlags(ctx.text);
    const missing = wanted.filter((flag) => !flags.has(flag));
    if (missing.length === 0) return;
    ctx.report({
      messageId: "strict",
      data: { missing: missing.map((f) => (f === "pipefail" ? "-o pipefail" : `-${f}`)).join(", "), line: posix ? "set -eu" : "set -euo pipefail" },
      line: kind.shebang === undefined ? 1 : 2,
      key: "strict",
    });
  },
});
