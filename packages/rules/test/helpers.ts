import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { WardenConfigSchema, type Finding } from "@warden/core";
import { BUILTIN_RULES, runRules, type Rule } from "@warden/rules";

const defaults = WardenConfigSchema.parse({});

/** Look a built-in rule up by id (throws when missing, so a renamed rule fails loudly). */
export function ruleById(id: string): Rule {
  const rule = BUILTIN_RULES.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return rule;
}

/** Run one rule (at error level, with options) over in-memory files and return its findings. */
export async function runRule(
  id: string,
  files: Record<string, string>,
  options: Record<string, unknown> | undefined = undefined,
  extra: { exists?: (file: string) => Promise<boolean>; root?: string; mode?: "full" | "changes" } = {},
): Promise<Finding[]> {
  const rule = ruleById(id);
  const result = await runRules({
    root: extra.root ?? "/nonexistent",
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    config: { ...defaults, rules: { [id]: options === undefined ? "error" : ["error", options] } },
    rules: [rule],
    mode: extra.mode ?? "changes",
    exists: extra.exists ?? (async () => true),
  });
  return result.findings;
}

/** What a rule test pins a finding down to: `[file, line, column, messageId]`, never the English text. */
export type Located = [file: string, line: number, column: number, messageId: string];

/**
 * Findings (from a rule run, or parsed from `--format json` output) reduced to what tests pin down:
 * file, line, column and messageId, in report order. Wording can change without breaking a test;
 * a moved, missing, extra or differently classified finding cannot.
 */
export function locations(findings: readonly Pick<Finding, "file" | "line" | "column" | "messageId">[]): Located[] {
  return findings.map((f) => [f.file, f.line, f.column, f.messageId]);
}


/**
 * Run one rule (at error level, default options) over a docs example in a temporary folder holding
 * exactly the example's files; with its commit message as the commit being checked when it has one.
 */
export async function runExample(
  id: string,
  example: {
    readonly files: Readonly<Record<string, string>>;
    readonly commit: string | undefined;
    readonly mode: "full" | "changes";
    readonly options?: Record<string, unknown> | undefined;
  },
): Promise<Finding[]> {
  const root = mkdtempSync(path.join(tmpdir(), "warden-docs-example-"));
  try {
    const paths = Object.keys(example.files);
    for (const [file, content] of Object.entries(example.files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    }
    const result = await runRules({
      root,
      files: Object.entries(example.files).map(([file, content]) => ({ path: file, content })),
      config: { ...defaults, rules: { [id]: example.options === undefined ? "error" : ["error", example.options] } },
      rules: [ruleById(id)],
      mode: example.mode,
      exists: async (file) => existsSync(path.join(root, file)),
      listAll: async () => paths,
      ...(example.commit === undefined ? {} : { commits: [{ oid: "0".repeat(40), message: example.commit, files: paths }] }),
    });
    return result.findings;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
