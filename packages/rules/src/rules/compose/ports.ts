import { z } from "zod";
import { composeServices, isComposeFile, publishedPorts } from "../../compose-file.js";
import { defineRule } from "../../define-rule.js";

/** The ports a registry file lists: the first cell of each markdown table row, or numbers of a JSON file (array or object keys). */
function registryPorts(file: string, text: string): Set<number> {
  const ports = new Set<number>();
  if (file.endsWith(".json")) {
    try {
      const parsed: unknown = JSON.parse(text);
      const values = Array.isArray(parsed) ? parsed : typeof parsed === "object" && parsed !== null ? Object.keys(parsed) : [];
      for (const value of values) if (/^\d+$/.test(String(value))) ports.add(Number(value));
    } catch {
      return ports; // unreadable registry: every port is then unlisted, which the findings say
    }
    return ports;
  }
  for (const line of text.split("\n")) {
    const cell = /^\s*\|\s*`?(\d{1,5})`?\s*\|/.exec(line);
    if (cell !== null) ports.add(Number(cell[1]));
  }
  return ports;
}

export default defineRule({
  id: "compose/ports",
  enforces: "Rule 11",
  description: "Every host port a Compose file publishes is listed in the port registry, and no port is published twice.",
  scope: "repo",
  messages: {
    unlisted: {
      message: "Service {{service}} publishes port {{port}}, which {{registry}} does not list.",
      hint: "Add a row for port {{port}} (service, owner, purpose) to {{registry}}, or pick a port that is free there.",
    },
    noRegistry: {
      message: "Compose services publish ports but there is no port registry ({{registry}}).",
      hint: "Create {{registry}} with a table `| port | service | purpose |` listing every published port.",
    },
    twice: {
      message: "Port {{port}} is already published by {{other}}.",
      hint: "Give one of the services another host port and record it in {{registry}}.",
    },
  },
  options: z
    .object({
      registry: z.string().default("docs/ports.md").describe("The port registry: a markdown table whose first column is the port, or a JSON file."),
    })
    .strict(),
  defaultLevel: "error",
  async check(ctx) {
    const registry = ctx.options.registry;
    if (ctx.mode === "changes" && !ctx.files.some((f) => isComposeFile(f) || f === registry)) return;
    const all = ctx.mode === "full" ? ctx.files : await ctx.listFiles();
    // Unchanged files first: in a check of changes a port published twice is reported on the changed file.
    const changed = new Set(ctx.mode === "full" ? [] : ctx.files);
    const composeFiles = all
      .filter((f) => isComposeFile(f) && !f.includes("node_modules/"))
      .sort((a, b) => Number(changed.has(a)) - Number(changed.has(b)) || (a < b ? -1 : a > b ? 1 : 0));
    if (composeFiles.length === 0) return;
    const registryText = await ctx.readText(registry);
    const listed = registryText === undefined ? undefined : registryPorts(registry, registryText);
    const owners = new Map<string, string>();
    let reportedMissing = false;
    for (const file of composeFiles) {
      const text = await ctx.readText(file);
      for (const service of composeServices(text ?? "") ?? []) {
        for (const port of publishedPorts(service)) {
          const report = ctx.mode === "full" || ctx.files.includes(file) || ctx.files.includes(registry);
          if (listed === undefined && !reportedMissing && report) {
            reportedMissing = true;
            ctx.report({ messageId: "noRegistry", data: { registry }, file, line: port.line, key: "registry" });
          }
          if (listed !== undefined && !listed.has(port.port) && report) {
            ctx.report({ messageId: "unlisted", data: { service: service.name, port: port.port, registry }, file, line: port.line, key: `${service.name}:${port.port}` });
          }
          const id = `${port.hostIp === "0.0.0.0" ? "" : port.hostIp}:${port.port}/${port.protocol}`;
          const other = owners.get(id);
          if (other !== undefined && report) {
            ctx.report({ messageId: "twice", data: { port: port.port, other, registry }, file, line: port.line, key: `${service.name}:${port.port}` });
          } else if (other === undefined) {
            owners.set(id, `${file} (${service.name})`);
          }
        }
      }
    }
  },
});
