import { createHash } from "node:crypto";
import { z } from "zod";

/** Severity of a finding: `error` blocks commits, pushes and deploys; `warn` is reported only. */
export const SeveritySchema = z.enum(["error", "warn"]);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * The zod schema of a Finding: what is wrong, where, which written rule it breaks and how to
 * fix it. Every producer (rules, secret detectors, gates) emits findings of this shape.
 */
export const FindingSchema = z
  .object({
    ruleId: z.string().min(1).describe('Rule or detector id, e.g. "real/no-placeholder".'),
    messageId: z
      .string()
      .min(1)
      .describe('Which of the rule\'s messages this is, e.g. "placeholderThrow"; for secret detectors the detector id. Stable across wording changes: tests and tools match on it.'),
    severity: SeveritySchema,
    message: z.string().min(1).describe("One sentence: what is wrong."),
    file: z.string().describe("Repository-relative path with forward slashes."),
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    endLine: z.number().int().min(1).optional(),
    endColumn: z.number().int().min(1).optional(),
    hint: z.string().optional().describe("How to fix it, for a person and for an agent."),
    rule: z.string().optional().describe('The written rule it enforces, e.g. "Rule 1 — real implementation only".'),
    docs: z.string().optional().describe("Repository-relative path or URL of the rule's documentation."),
    fingerprint: z.string().min(8).describe("Stable identity across line moves; never contains a secret."),
    sensitive: z
      .boolean()
      .optional()
      .describe("True when the source line holds a secret: reporters never print source text for it."),
    commit: z.string().optional().describe("The commit that introduced the finding, for history and range scans."),
  })
  .strict();

/** A violation of a rule at one place in one file. */
export type Finding = z.infer<typeof FindingSchema>;

/**
 * Hash the parts that identify a finding into a short stable fingerprint.
 * Callers pass the rule id, the file and a normalised key (symbol name, normalised code or
 * a secret hash) — never line numbers, so the fingerprint survives moved lines.
 */
export function fingerprintOf(...parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(part);
    hash.update("\u0000");
  }
  return hash.digest("hex").slice(0, 20);
}

/** Order findings by file, line, column and rule id, so that every output is deterministic. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return 0;
}
