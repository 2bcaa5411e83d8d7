import path from "node:path";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";
import { headingAnchors, markdownLinks } from "../../markdown.js";

export default defineRule({
  id: "docs/links-resolve",
  enforces: "Rule 15",
  description: "Relative links in markdown resolve to existing files, and `#anchors` to existing headings.",
  scope: "repo",
  messages: {
    missingFile: {
      message: "Link target {{target}} does not exist.",
      hint: "Fix the path (it is relative to this file's folder) or restore the file it points to.",
    },
    missingAnchor: {
      message: "Link anchor #{{anchor}} matches no heading in {{file}}.",
      hint: "Use the anchor GitHub generates for the heading (lowercase, spaces → '-', punctuation dropped) or fix the heading.",
    },
  },
  options: z.object({ ignore: z.array(z.string()).default(["**/node_modules/**"]).describe("Globs of markdown files not checked.") }).strict(),
  defaultLevel: "error",
  async check(ctx) {
    const ignored = matcher(ctx.options.ignore);
    const anchorsOf = new Map<string, Set<string> | undefined>();
    const anchors = async (file: string): Promise<Set<string> | undefined> => {
      if (!anchorsOf.has(file)) {
        const text = await ctx.readText(file);
        anchorsOf.set(file, text === undefined ? undefined : headingAnchors(text));
      }
      return anchorsOf.get(file);
    };
    for (const file of ctx.files) {
      if (!/\.mdx?$/i.test(file) || ignored(file)) continue;
      const text = await ctx.readText(file);
      if (text === undefined) continue;
      for (const link of markdownLinks(text)) {
        const target = link.target;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//") || target.startsWith("{")) continue;
        const hashAt = target.indexOf("#");
        const rawPath = hashAt < 0 ? target : target.slice(0, hashAt);
        const anchor = hashAt < 0 ? undefined : target.slice(hashAt + 1);
        let pathPart: string;
        try {
          pathPart = decodeURIComponent(rawPath.split("?")[0] ?? "");
        } catch {
          pathPart = rawPath;
        }
        const resolved = pathPart === "" ? file : pathPart.startsWith("/") ? pathPart.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
        const position = { file, line: link.line, column: link.column };
        if (resolved.startsWith("..")) continue; // outside the repository: not ours to check
        const clean = resolved.replace(/\/$/, "");
        if (pathPart !== "" && !(await ctx.exists(clean))) {
          ctx.report({ messageId: "missingFile", data: { target }, ...position, key: target });
          continue;
        }
        if (anchor === undefined || anchor === "" || !/\.mdx?$/i.test(clean)) continue;
        const known = await anchors(clean);
        if (known !== undefined && !known.has(anchor.toLowerCase())) {
          ctx.report({ messageId: "missingAnchor", data: { anchor, file: clean }, ...position, key: target });
        }
      }
    }
  },
});
