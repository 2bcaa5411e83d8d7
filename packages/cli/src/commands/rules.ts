import { loadConfig, repoRoot } from "@warden/core";
import type { Io } from "../io.js";

/** One row of `warden rules`. */
export interface RuleRow {
  readonly id: string;
  readonly enforces: string;
  readonly writtenRule: string;
  readonly description: string;
  readonly level: string;
  readonly docs: string;
  readonly messages: Record<string, { message: string; hint: string }>;
}

/** `warden rules`: every rule, the written rule it enforces and whether it is on in this config. */
export async function rulesCommand(io: Io, options: { json: boolean }): Promise<number> {
  const { BUILTIN_RULES, RuleSettings, WRITTEN_RULES, describeWrittenRule } = await import("@warden/rules");
  let root = io.cwd;
  try {
    root = await repoRoot(io.cwd);
  } catch {
    // outside a git repository: list the defaults for the current folder
  }
  const { config, file } = await loadConfig(root);
  const settings = new RuleSettings(BUILTIN_RULES, config, file ?? "warden.config");
  const rows: RuleRow[] = BUILTIN_RULES.map((rule) => ({
    id: rule.id,
    enforces: rule.enforces,
    writtenRule: describeWrittenRule(rule.enforces),
    description: rule.description,
    level: settings.global(rule.id).level,
    docs: rule.docs,
    messages: { ...rule.messages },
  }));
  if (options.json) {
    const written = Object.entries(WRITTEN_RULES).map(([id, entry]) => ({
      id,
      title: entry.title,
      machineCheckable: entry.machineCheckable,
      ...(entry.why === undefined ? {} : { why: entry.why }),
      checks: rows.filter((row) => row.enforces === id).map((row) => row.id),
    }));
    io.stdout.write(`${JSON.stringify({ rules: rows, writtenRules: written }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((row) => row.id.length));
  for (const row of rows) {
    io.stdout.write(`${row.id.padEnd(width)}  ${row.level.padEnd(5)}  ${row.writtenRule}\n${" ".repeat(width + 9)}${row.description}\n`);
  }
  io.stdout.write(`\n${rows.length} rules, ${rows.filter((r) => r.level !== "off").length} on. Docs: docs/rules/<id>.md\n`);
  return 0;
}
