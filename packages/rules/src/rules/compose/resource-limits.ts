import { z } from "zod";
import { composeServices, isComposeFile } from "../../compose-file.js";
import { defineRule } from "../../define-rule.js";

export default defineRule({
  id: "compose/resource-limits",
  enforces: "Rule 11",
  description: "Every Compose service sets a memory and CPU limit (`deploy.resources.limits`, or `mem_limit`/`cpus`).",
  scope: "file",
  languages: ["*"],
  messages: {
    missing: {
      message: "Service {{service}} has no {{what}} limit.",
      hint: "Add `deploy: { resources: { limits: { cpus: \"0.5\", memory: 256M } } }` so one service cannot starve the host.",
    },
  },
  options: z.object({ ignore: z.array(z.string()).default([]).describe("Service names not checked.") }).strict(),
  defaultLevel: "error",
  check(ctx) {
    if (!isComposeFile(ctx.file)) return;
    for (const service of composeServices(ctx.text) ?? []) {
      if (ctx.options.ignore.includes(service.name)) continue;
      const limits = (service.body.deploy as { resources?: { limits?: Record<string, unknown> } } | undefined)?.resources?.limits ?? {};
      const memory = limits.memory !== undefined || service.body.mem_limit !== undefined;
      const cpus = limits.cpus !== undefined || service.body.cpus !== undefined;
      const what = [memory ? undefined : "memory", cpus ? undefined : "CPU"].filter((w) => w !== undefined).join(" or ");
      if (what !== "") ctx.report({ messageId: "missing", data: { service: service.name, what }, line: service.line, key: service.name });
    }
  },
});
