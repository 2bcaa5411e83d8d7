import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { isDockerfile, parseDockerfile } from "../../dockerfile.js";

const SECRET_NAME = /(?:SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)$/i;

/** The variable names an ENV or ARG instruction sets (`A=1 B=2`, `A 1`, `ARG A`). */
function namesOf(name: string, args: string): string[] {
  if (name === "ARG") return [args.split(/[=\s]/)[0] ?? ""];
  if (!args.includes("=") || /^\S+\s/.test(args.split("=")[0] ?? "")) return [args.split(/\s+/)[0] ?? ""];
  return [...args.matchAll(/(?:^|\s)([A-Za-z_][\w.-]*)=/g)].map((m) => m[1] ?? "");
}

export default defineRule({
  id: "docker/no-secret-env",
  enforces: "Rule 11",
  description: "No secret-looking ENV or ARG (…TOKEN, …PASSWORD, …API_KEY): both are baked into the image and its history.",
  scope: "file",
  languages: ["*"],
  messages: {
    secret: {
      message: "{{instruction}} {{name}} looks like a secret; it is stored in the image layers and `docker history`.",
      hint: "Pass build secrets with `RUN --mount=type=secret,id={{name}}` and runtime secrets from the orchestrator's secret store, never through ENV/ARG.",
    },
  },
  options: z.object({ allow: z.array(z.string()).default([]).describe("Variable names that only look like secrets.") }).strict(),
  defaultLevel: "error",
  check(ctx) {
    if (!isDockerfile(ctx.file)) return;
    for (const instruction of parseDockerfile(ctx.text)) {
      if (instruction.name !== "ENV" && instruction.name !== "ARG") continue;
      for (const name of namesOf(instruction.name, instruction.args)) {
        if (name === "" || ctx.options.allow.includes(name) || !SECRET_NAME.test(name)) continue;
        ctx.report({ messageId: "secret", data: { instruction: instruction.name, name }, line: instruction.line, key: `${instruction.name} ${name}` });
      }
    }
  },
});
