import { z } from "zod";
import { composeServices, isComposeFile } from "../../compose-file.js";
import { defineRule } from "../../define-rule.js";

export default defineRule({
  id: "compose/healthcheck",
  enforces: "Rule 11",
  description: "Every Compose service has a healthcheck (and does not disable it).",
  scope: "file",
  languages: ["*"],
  messages: {
    missing: {
      message: "Service {{service}} has no healthcheck.",
      hint: "Add `healthcheck: { test: [\"CMD\", \"wget\", \"-qO-\", \"http://127.0.0.1:8080/health\"], interval: 30s }` so dependants can wait for `service_healthy`.",
    },
    disabled: {
      message: "Service {{service}} disables its healthcheck.",
      hint: "Remove `disable: true` and give the service a real check.",
    },
  },
  options: z.object({ ignore: z.array(z.string()).default([]).describe("Service names not checked (e.g. one-shot jobs).") }).strict(),
  defaultLevel: "error",
  check(ctx) {
    if (!isComposeFile(ctx.file)) return;
    for (const service of composeServices(ctx.text) ?? []) {
      if (ctx.options.ignore.includes(service.name)) continue;
      const check = service.body.healthcheck as { disable?: unknown; test?: unknown } | undefined;
      if (check === undefined || check === null) ctx.report({ messageId: "missing", data: { service: service.name }, line: service.line, key: service.name });
      else if (check.disable === true || (Array.isArray(check.test) && check.test[0] === "NONE")) {
        ctx.report({ messageId: "disabled", data: { service: service.name }, line: service.lineOf("healthcheck"), key: service.name });
      }
    }
  },
});
