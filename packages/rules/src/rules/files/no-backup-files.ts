import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";

const PATTERNS: readonly { readonly test: RegExp; readonly kind: string }[] = [
  { test: /\.(?:bak|old|orig|rej|backup|save|tmp|swp|swo)$/i, kind: "backup extension" },
  { test: /~$/, kind: "editor backup" },
  { test: /^#.+#$/, kind: "editor backup" },
  { test: /(?:[-_ .](?:copy|backup|bak|old|orig)(?: ?\(?\d+\)?)?)\.[^./]+$/i, kind: "copy/backup suffix" },
  { test: / copy(?: \d+)?(?:\.[^./]+)?$/i, kind: "copy suffix" },
  { test: / \(\d+\)(?:\.[^\s/()]+)?$/, kind: "copy suffix" },
  { test: /[-_.]v[2-9]\d*\.[^./]+$/i, kind: "version suffix" },
  { test: /[-_](?:new|final|fixed|updated)\.[^./]+$/i, kind: "duplicate-implementation suffix" },
];

export default defineRule({
  id: "files/no-backup-files",
  enforces: "Rule 9",
  description: "No backup or duplicate-named files (`*.bak`, `*.old`, `*-copy.*`, `*_v2.*`…): one source of truth per thing.",
  scope: "file",
  languages: ["*"],
  messages: {
    backup: {
      message: "File name looks like a backup or second copy ({{kind}}).",
      hint: "Keep one implementation: merge the changes into the original file and delete this one (git keeps the history).",
    },
  },
  options: z
    .object({ allow: z.array(z.string()).default([]).describe("Paths or picomatch globs of files allowed despite their name.") })
    .strict(),
  defaultLevel: "error",
  check(ctx) {
    const name = ctx.file.slice(ctx.file.lastIndexOf("/") + 1);
    // An exact path always matches, even one with glob characters in it (`charge (1).ts`).
    if (ctx.options.allow.includes(ctx.file) || matcher(ctx.options.allow)(ctx.file)) return;
    const hit = PATTERNS.find((pattern) => pattern.test.test(name));
    if (hit !== undefined) ctx.report({ messageId: "backup", data: { kind: hit.kind }, line: 1, key: ctx.file });
  },
});
