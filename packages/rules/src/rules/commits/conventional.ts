import { z } from "zod";
import { commitLocation, stripCommitComments } from "../../commit-message.js";
import { defineRule } from "../../define-rule.js";

const EXEMPT = /^(?:Merge (?:branch|pull request|remote-tracking branch|tag|commit)\b|Revert "|(?:fixup|squash|amend)! )/;
const HEADER = /^(?<type>[A-Za-z]+)(?:\((?<scope>[^()\s][^()]*)\))?!?: \S/;

export default defineRule({
  id: "commits/conventional",
  enforces: "Rule 19",
  description: "Every commit of a pushed range (pre-push, CI) has a Conventional Commits message: `type(scope): subject`.",
  scope: "repo",
  messages: {
    format: {
      message: "Commit {{oid}} \"{{subject}}\" is not \"type(scope): subject\".",
      hint: "Reword it (`git rebase -i`, then `reword`): e.g. \"fix(cli): exit 2 on unknown options\". The commit-msg hook catches this before the commit exists.",
    },
    type: {
      message: "Commit {{oid}} uses type \"{{type}}\", which is not one of: {{types}}.",
      hint: "Reword it with one of the allowed types (see the rule's `types` option).",
    },
    body: {
      message: "Commit {{oid}} has no blank line between its subject and body.",
      hint: "Reword it so the subject is one line, then a blank line, then the body.",
    },
  },
  options: z
    .object({
      types: z
        .array(z.string().regex(/^[a-z]+$/))
        .default(["build", "chore", "ci", "docs", "feat", "fix", "perf", "refactor", "revert", "style", "test"])
        .describe("Allowed commit types."),
    })
    .strict(),
  classes: "any",
  defaultLevel: "error",
  async check(ctx) {
    for (const commit of ctx.commits) {
      const message = stripCommitComments(commit.message);
      const [subject = "", second] = message.split("\n");
      if (EXEMPT.test(subject)) continue;
      const oid = commit.oid.slice(0, 12);
      const place = { file: commitLocation(commit.oid), line: 1, key: commit.oid };
      const header = HEADER.exec(subject);
      if (header === null) ctx.report({ messageId: "format", data: { oid, subject: subject.slice(0, 72) }, ...place });
      else if (!ctx.options.types.includes(header.groups?.type ?? "")) {
        ctx.report({ messageId: "type", data: { oid, type: header.groups?.type ?? "", types: ctx.options.types.join(", ") }, ...place });
      } else if (second !== undefined && second.trim() !== "") ctx.report({ messageId: "body", data: { oid }, ...place });
    }
  },
});
