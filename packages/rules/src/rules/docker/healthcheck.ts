import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { finalStageInstruction, isDockerfile } from "../../dockerfile.js";

export default defineRule({
  id: "docker/healthcheck",
  enforces: "Rule 11",
  description: "The final stage of a Dockerfile declares a HEALTHCHECK.",
  scope: "file",
  languages: ["*"],
  messages: {
    missing: {
      message: "The image has no HEALTHCHECK, so nothing can tell a hung container from a healthy one.",
      hint: "Add e.g. `HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://127.0.0.1:8080/health || exit 1` to the final stage.",
    },
    disabled: {
      message: "HEALTHCHECK NONE switches the health check off.",
      hint: "Replace it with a real check of the service (an HTTP /health request or a CLI ping).",
    },
  },
  options: z.object({}).strict(),
  defaultLevel: "error",
  check(ctx) {
    if (!isDockerfile(ctx.file)) return;
    const found = finalStageInstruction(ctx.text, "HEALTHCHECK");
    if (found?.last === undefined) {
      if (found !== undefined) ctx.report({ messageId: "missing", line: found.stage.from.line, key: "missing" });
    } else if (/^none\b/i.test(found.last.args)) {
      ctx.report({ messageId: "disabled", line: found.last.line, key: "none" });
    }
  },
});
