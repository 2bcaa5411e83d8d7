import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";
import { isGitHook, isLauncherShim, scriptKind } from "../../script-files.js";

export default defineRule({
  id: "scripts/location",
  enforces: "Rule 7",
  description: "Scripts (shell files and files with a `#!` line) live in scripts/<category>/, a package's scripts/ or bin/, .husky/ or another git hooks folder, .ci/, .github/, tests, examples or the root deploy.sh.",
  scope: "file",
  languages: ["*"],
  messages: {
    loose: {
      message: "Script outside the scripts folders.",
      hint: "Move it to scripts/<category>/ (e.g. scripts/ci/, scripts/release/) and update what calls it; package-local build scripts go in <package>/scripts/.",
    },
    uncategorised: {
      message: "Script directly in scripts/, not in a category folder.",
      hint: "Move it to scripts/<category>/ named after its purpose (ci, release, bench, dev…).",
    },
  },
  options: z
    .object({
      allow: z
        .array(z.string())
        .default(["scripts/*/**", "*/**/scripts/**", "**/bin/**", ".husky/**", ".ci/**", ".github/**", "deploy.sh", "examples/**", "**/test/**", "**/tests/**", "**/node_modules/**"])
        .describe("Globs where scripts may live."),
    })
    .strict(),
  defaultLevel: "error",
  check(ctx) {
    const kind = scriptKind(ctx.file, ctx.text);
    if (kind === undefined || isLauncherShim(kind, ctx.text)) return;
    // A CLI entry point in a package's src/ (`src/cli.ts`, `src/bin/x.ts`) is the source of its bin, built with the package.
    if (!kind.shell && /(?:^|\/)src\/(?:(?:bin|cli)\/.*|(?:cli|bin|main))\.[cm]?[jt]sx?$/.test(ctx.file)) return;
    if (matcher(ctx.options.allow)(ctx.file) || isGitHook(ctx.file)) return;
    const direct = /^scripts\/[^/]+$/.test(ctx.file);
    ctx.report({ messageId: direct ? "uncategorised" : "loose", line: 1, key: ctx.file });
  },
});
