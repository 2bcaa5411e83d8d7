import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { matcher } from "../../globs.js";
import { withoutCode } from "../../markdown.js";

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
const NON_ISO: readonly RegExp[] = [
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/,
  /\b\d{1,2}\.\d{1,2}\.\d{4}\b/,
  /\b\d{4}\/\d{1,2}\/\d{1,2}\b/,
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, "i"),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}\\b`, "i"),
  /\b\d{4}-(?:\d-\d{1,2}|\d{2}-\d)\b/,
];
const OFFSET = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}:?\d{2}\b|(?![\dZ:.+-]|\s*(?:UTC|GMT)\b))/;

export default defineRule({
  id: "docs/changelog-dates",
  enforces: "Rule 15",
  description: "Dates in changelog headings are ISO-8601 (YYYY-MM-DD), and times are UTC (…Z).",
  scope: "file",
  languages: ["md"],
  messages: {
    notIso: {
      message: "Date \"{{date}}\" is not ISO-8601.",
      hint: "Write dates as YYYY-MM-DD (e.g. 2026-03-05): unambiguous in every locale and sortable.",
    },
    notUtc: {
      message: "Timestamp \"{{date}}\" is not in UTC.",
      hint: "Write timestamps in UTC with a Z suffix, e.g. 2026-03-05T14:00:00Z.",
    },
  },
  options: z.object({ files: z.array(z.string()).default(["**/CHANGELOG.md", "CHANGELOG.md"]).describe("Globs of changelog files.") }).strict(),
  defaultLevel: "error",
  check(ctx) {
    if (!matcher(ctx.options.files)(ctx.file)) return;
    withoutCode(ctx.text)
      .split("\n")
      .forEach((line, index) => {
        if (!/^\s{0,3}#{1,6}\s/.test(line)) return;
        const offset = OFFSET.exec(line);
        if (offset !== null) {
          ctx.report({ messageId: "notUtc", data: { date: offset[0] }, line: index + 1, column: offset.index + 1, key: offset[0] });
          return;
        }
        for (const pattern of NON_ISO) {
          const match = pattern.exec(line);
          if (match === null) continue;
          ctx.report({ messageId: "notIso", data: { date: match[0] }, line: index + 1, column: match.index + 1, key: match[0] });
          return;
        }
      });
  },
});
