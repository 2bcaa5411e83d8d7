import path from "node:path";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";

/** Names that only a backup has: a backup extension, an editor's autosave or lock-step copy. */
const BACKUP_ONLY: readonly { readonly test: RegExp; readonly kind: string }[] = [
  { test: /\.(?:bak|old|orig|rej|backup|save|tmp|swp|swo)$/i, kind: "backup extension" },
  { test: /~$/, kind: "editor backup" },
  { test: /^#.+#$/, kind: "editor backup" },
];
/**
 * Copy-shaped names: a copy, backup, version or rewrite suffix on a name. Each gives the name of
 * the original it would be a copy of; the name is a copy only when that original sits beside it
 * (`no-misused-new.ts`, `pkg-pr-new.yml`, `announcing-v3.md` are names, not copies).
 */
const COPY_SHAPED: readonly { readonly test: RegExp; readonly kind: string }[] = [
  { test: /^(.+?)(?:[-_ .](?:copy|backup|bak|old|orig)(?: ?\(?\d+\)?)?)(\.[^./]+)$/i, kind: "copy/backup suffix" },
  { test: /^(.+?)(?: -)? copy(?: \d+)?((?:\.[^./]+)?)$/i, kind: "copy suffix" },
  { test: /^(.+?) \(\d+\)((?:\.[^\s/()]+)?)$/, kind: "copy suffix" },
  { test: /^(.+?)[-_.]v[2-9]\d*(\.[^./]+)$/i, kind: "version suffix" },
  { test: /^(.+?)[-_](?:new|final|fixed|updated)(\.[^./]+)$/i, kind: "duplicate-implementation suffix" },
];
/** Extensions one module may be written in: `charge-v2.tsx` is a copy of `charge.ts` too. */
const MODULE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

export default defineRule({
  id: "files/no-backup-files",
  enforces: "Rule 9",
  description:
    "No backup files (`*.bak`, `*.orig`, `*~`…) and no second copies (`charge-copy.ts`, `charge_v2.ts`, `charge (1).ts` beside `charge.ts`): one source of truth per thing.",
  scope: "repo",
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
  async check(ctx) {
    const allowed = matcher(ctx.options.allow);
    for (const file of ctx.files) {
      // An exact path always matches, even one with glob characters in it (`charge (1).ts`).
      if (ctx.options.allow.includes(file) || allowed(file)) continue;
      const name = file.slice(file.lastIndexOf("/") + 1);
      const dir = path.posix.dirname(file);
      const backup = BACKUP_ONLY.find((pattern) => pattern.test.test(name));
      if (backup !== undefined) {
        ctx.report({ messageId: "backup", data: { kind: backup.kind }, file, line: 1, key: file });
        continue;
      }
      for (const pattern of COPY_SHAPED) {
        const match = pattern.test.exec(name);
        if (match === null) continue;
        const stem = match[1] ?? "";
        const ext = match[2] ?? "";
        const siblings = MODULE_EXTENSIONS.includes(ext.toLowerCase()) ? MODULE_EXTENSIONS : [ext];
        let original = false;
        for (const candidate of siblings) {
          if (await ctx.exists(dir === "." ? `${stem}${candidate}` : `${dir}/${stem}${candidate}`)) {
            original = true;
            break;
          }
        }
        if (original) {
          ctx.report({ messageId: "backup", data: { kind: pattern.kind }, file, line: 1, key: file });
          break;
        }
      }
    }
  },
});
