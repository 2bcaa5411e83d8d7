import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { unauthorizedChanges } from "../../protected-paths.js";

export default defineRule({
  id: "protect/protected-paths",
  enforces: "Rule 20",
  description: "A commit that changes a protected path (MCP server config and other critical config) carries an `Authorized-by: Name <email>` trailer.",
  scope: "repo",
  messages: {
    unauthorized: {
      message: "Commit {{oid}} changes the protected path {{file}} without an Authorized-by trailer.",
      hint: "Get the change approved, then add the trailer as the last paragraph of the message: `Authorized-by: Name <email>` (git commit --amend, or reword in a rebase).",
    },
  },
  options: z
    .object({
      paths: z
        .array(z.string())
        .default([".mcp.json", "**/.mcp.json", "mcp/**", ".cursor/mcp.json", ".vscode/mcp.json"])
        .describe("Globs of protected paths."),
    })
    .strict(),
  classes: "any",
  defaultLevel: "error",
  async check(ctx) {
    for (const { commit, file } of unauthorizedChanges(ctx.commits, ctx.options.paths)) {
      ctx.report({ messageId: "unauthorized", data: { oid: commit.oid.slice(0, 12), file }, file, line: 1, key: `${commit.oid}:${file}` });
    }
  },
});
