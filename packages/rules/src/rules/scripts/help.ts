import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";
import { isGitHook, isLauncherShim, scriptKind } from "../../script-files.js";

export default defineRule({
  id: "scripts/help",
  enforces: "Rule 7",
  description: "Every script answers `--help` with a usage line.",
  scope: "file",
  languages: ["*"],
  messages: {
    noHelp: {
      message: "Script does not handle --help.",
      hint: "Handle `--help` (and `-h`) first thing: print `usage: <script> [args]` and what it does, then exit 0.",
    },
    noUsage: {
      message: "Script handles --help but prints no usage line.",
      hint: "Print a line starting with `usage:` that shows the arguments the script takes.",
    },
  },
  options: z
    .object({
      ignore: z
        .array(z.string())
        .default(["**/bin/**", ".husky/**", "**/node_modules/**"])
        .describe("Globs of scripts not checked (bin entries are CLIs with their own help; husky hooks take git's arguments)."),
    })
    .strict(),
  defaultLevel: "error",
  check(ctx) {
    const kind = scriptKind(ctx.file, ctx.text);
    // Git hooks anywhere (`.githooks/pre-push`) take git's arguments, as husky's do.
    if (kind === undefined || matcher(ctx.options.ignore)(ctx.file) || isLauncherShim(kind, ctx.text) || isGitHook(ctx.file)) return;
    if (!/--help\b/.test(ctx.text)) ctx.report({ messageId: "noHelp", line: 1, key: "help" });
    else if (!/\busage\b/i.test(ctx.text)) ctx.report({ messageId: "noUsage", line: 1, key: "usage" });
  },
});
