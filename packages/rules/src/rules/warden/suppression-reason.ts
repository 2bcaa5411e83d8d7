import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { parseSuppressions } from "../../suppressions.js";

export default defineRule({
  id: "warden/suppression-reason",
  enforces: "Rule 5",
  description: "Every `warden-disable-next-line` names the rules it disables and gives a reason after `--`.",
  scope: "file",
  languages: ["*"],
  messages: {
    noReason: {
      message: "Suppression without a reason.",
      hint: "Say why the rule does not apply here: `warden-disable-next-line <rule-id> -- <reason>`.",
    },
    noRule: {
      message: "Suppression names no rule.",
      hint: "Name the rule ids it disables: `warden-disable-next-line <rule-id> -- <reason>`.",
    },
  },
  options: z.object({}).strict(),
  defaultLevel: "error",
  check(ctx) {
    for (const suppression of parseSuppressions(ctx.text)) {
      const at = { line: suppression.line, column: suppression.column, key: `${suppression.ruleIds.join(",")}` };
      if (suppression.ruleIds.length === 0) ctx.report({ messageId: "noRule", ...at });
      else if (suppression.reason === undefined) ctx.report({ messageId: "noReason", ...at });
    }
  },
});
