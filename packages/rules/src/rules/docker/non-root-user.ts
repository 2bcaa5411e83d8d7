import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { finalStageInstruction, isDockerfile } from "../../dockerfile.js";

export default defineRule({
  id: "docker/non-root-user",
  enforces: "Rule 11",
  description: "The final stage of a Dockerfile switches to a non-root USER.",
  scope: "file",
  languages: ["*"],
  messages: {
    noUser: {
      message: "The final stage never sets USER, so the container runs as root.",
      hint: "Create an unprivileged user (or use the image's, e.g. `node`) and add `USER node` before CMD/ENTRYPOINT.",
    },
    root: {
      message: "The final stage runs as root (USER {{user}}).",
      hint: "Switch to an unprivileged user with `USER <name or uid>` after the steps that need root.",
    },
  },
  options: z.object({}).strict(),
  defaultLevel: "error",
  check(ctx) {
    if (!isDockerfile(ctx.file)) return;
    const found = finalStageInstruction(ctx.text, "USER");
    const user = found?.last?.args.split(":")[0]?.trim();
    if (found === undefined) return;
    if (found.last === undefined) ctx.report({ messageId: "noUser", line: found.stage.from.line, key: "final-stage" });
    else if (user === "root" || user === "0") ctx.report({ messageId: "root", data: { user }, line: found.last.line, key: "root" });
  },
});
