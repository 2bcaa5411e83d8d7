import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describeEnforcer, describeWrittenRule, loadConfig, repoRoot, WardenError, WRITTEN_RULES } from "@warden/core";
import type { Io } from "../io.js";

/** One row of `warden rules`. */
export interface RuleRow {
  readonly id: string;
  readonly enforces: string;
  readonly writtenRule: string;
  readonly description: string;
  readonly level: string;
  readonly docs: string | undefined;
  readonly messages: Record<string, { message: string; hint: string }>;
}

/** Options of `warden rules`. */
export interface RulesOptions {
  readonly json: boolean;
  readonly format: "text" | "markdown";
  /** With markdown: compare docs/rules/README.md with what would be written, change nothing, exit 1 when it differs. */
  readonly check: boolean;
}

async function writeCatalogue(io: Io, root: string, check: boolean): Promise<number> {
  const { BUILTIN_RULES, CATALOGUE_FILE, renderCatalogue } = await import("@warden/rules");
  const target = path.join(root, CATALOGUE_FILE);
  const wanted = renderCatalogue(BUILTIN_RULES);
  const current = await readFile(target, "utf8").catch(() => undefined);
  if (check) {
    if (current === wanted) {
      io.stdout.write(`${CATALOGUE_FILE} is up to date\n`);
      return 0;
    }
    io.stderr.write(`✖ ${CATALOGUE_FILE} is out of date: run \`warden rules --format markdown\` and commit it\n`);
    return 1;
  }
  if (current !== wanted) {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, wanted);
  }
  io.stdout.write(`${current === wanted ? "unchanged" : "wrote"} ${CATALOGUE_FILE}\n`);
  return 0;
}

/**
 * `warden rules`: every written rule (1–20 and the standards) with the checks that enforce it and
 * their level in this config, or why it cannot be checked by machine. `--json` for tools;
 * `--format markdown` writes the catalogue page docs/rules/README.md.
 */
export async function rulesCommand(io: Io, options: RulesOptions): Promise<number> {
  const { BUILTIN_RULES, RuleSettings } = await import("@warden/rules");
  let root = io.cwd;
  try {
    root = await repoRoot(io.cwd);
  } catch {
    // outside a git repository: list the defaults for the current folder
  }
  if (options.check && options.format !== "markdown") throw new WardenError("USAGE", "--check works with --format markdown");
  if (options.format === "markdown") return writeCatalogue(io, root, options.check);
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
  const written = Object.entries(WRITTEN_RULES).map(([id, entry]) => ({
    id,
    title: entry.title,
    machineCheckable: entry.machineCheckable,
    ...(entry.why === undefined ? {} : { why: entry.why }),
    checks: rows.filter((row) => row.enforces === id).map((row) => row.id),
    alsoEnforcedBy: entry.alsoEnforcedBy ?? [],
  }));
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ rules: rows, writtenRules: written }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((row) => row.id.length));
  for (const entry of written) {
    io.stdout.write(`${entry.id} — ${entry.title}\n`);
    if (!entry.machineCheckable) io.stdout.write(`  not machine-checkable: ${entry.why ?? "no mechanical check exists"}\n`);
    for (const id of entry.checks) {
      const row = rows.find((r) => r.id === id) as RuleRow;
      io.stdout.write(`  ${row.id.padEnd(width)}  ${row.level.padEnd(5)}  ${row.description}\n`);
    }
    for (const enforcer of entry.alsoEnforcedBy) io.stdout.write(`  also: ${describeEnforcer(enforcer)}\n`);
    const built = entry.checks.length + entry.alsoEnforcedBy.filter((enforcer) => enforcer.kind !== "planned").length;
    if (entry.machineCheckable && built === 0) io.stdout.write("  no check yet\n");
  }
  io.stdout.write(`\n${rows.length} checks, ${rows.filter((r) => r.level !== "off").length} on, over ${written.length} written rules and standards.${rows[0]?.docs === undefined ? "" : ` Docs: ${path.dirname(path.dirname(rows[0].docs))}/<id>.md`}\n`);
  return 0;
}
