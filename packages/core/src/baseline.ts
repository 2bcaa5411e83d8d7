import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { WardenError } from "./errors.js";
import type { Finding } from "./finding.js";
import { redactText } from "./redaction.js";

/** The baseline file, repository-relative: committed, one finding per line, merge-friendly. */
export const BASELINE_FILE = ".warden-baseline";

const HEADER = "# warden baseline v1: known findings that do not block. One per line: <fingerprint> <rule id> <file>.";
const HEADER_HINT = "# Only `warden baseline --update` should edit it; it may only shrink (CI fails when it grows).";

/** One known finding: its fingerprint (rule + file + normalised code, no line numbers), rule and file. */
export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  readonly file: string;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;
}

/** The baseline entries of findings, sorted by file, rule and fingerprint and without duplicates. */
export function baselineEntries(findings: readonly Pick<Finding, "fingerprint" | "ruleId" | "file">[]): BaselineEntry[] {
  const unique = new Map<string, BaselineEntry>();
  for (const f of findings) unique.set(f.fingerprint, { fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file });
  return [...unique.values()].sort(compareEntries);
}

/** The text of a baseline file: a two-line header, then one sorted entry per line (so merges rarely conflict). */
export function renderBaseline(entries: readonly BaselineEntry[]): string {
  const lines = [...entries].sort(compareEntries).map((e) => `${e.fingerprint}\t${e.ruleId}\t${e.file}`);
  return `${[HEADER, HEADER_HINT, ...lines].join("\n")}\n`;
}

/**
 * Parse a baseline file. Anything but the header comments and well-formed entry lines (a
 * corrupt or hand-edited file) is a {@link WardenError} naming the file and line.
 */
export function parseBaseline(text: string, file = BASELINE_FILE): BaselineEntry[] {
  const lines = text.split("\n");
  if (lines[0]?.trim() !== HEADER) {
    throw new WardenError("BASELINE_INVALID", `${file}:1: not a Warden baseline (the header is missing or changed); regenerate it with \`warden baseline\``);
  }
  const entries: BaselineEntry[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (index === 0 || line === "" || line.startsWith("#")) return;
    const parts = line.split("\t");
    const [fingerprint = "", ruleId = "", entryFile = ""] = parts;
    if (parts.length !== 3 || !/^[0-9a-f]{20}$/.test(fingerprint) || !/^[\w.-]+\/[\w.-]+$/.test(ruleId) || entryFile === "") {
      throw new WardenError(
        "BASELINE_INVALID",
        `${file}:${index + 1}: malformed entry (expected <20-hex fingerprint> TAB <rule id> TAB <file>); the baseline was edited by hand or damaged — restore it from git or regenerate it with \`warden baseline\``,
      );
    }
    if (seen.has(fingerprint)) throw new WardenError("BASELINE_INVALID", `${file}:${index + 1}: duplicate entry ${fingerprint}; restore the file from git or run \`warden baseline --update\``);
    seen.add(fingerprint);
    entries.push({ fingerprint, ruleId, file: entryFile });
  });
  return entries;
}

/** Read the baseline of the repository at `root`; undefined when there is none. */
export async function readBaseline(root: string, file = BASELINE_FILE): Promise<BaselineEntry[] | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(root, file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new WardenError("BASELINE_INVALID", `${file}: cannot read the baseline: ${(error as Error).message}`);
  }
  return parseBaseline(text, file);
}

/**
 * Write `text` to `target` atomically: a temporary file beside it, renamed over it, so a killed run
 * leaves the old file intact. Every baseline (findings and secrets) is written through this.
 */
export async function writeFileAtomic(target: string, text: string): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Write the baseline atomically (see {@link writeFileAtomic}). */
export async function writeBaseline(root: string, entries: readonly BaselineEntry[], file = BASELINE_FILE): Promise<void> {
  // Through the output redactor: a file named with a token is recorded masked (entries match by fingerprint).
  await writeFileAtomic(path.join(root, file), redactText(renderBaseline(entries)));
}

/** Findings split by a baseline: `fresh` ones block, `known` ones are recorded; `gone` entries no longer occur. */
export interface BaselineSplit {
  readonly fresh: Finding[];
  readonly known: Finding[];
  readonly gone: BaselineEntry[];
}

/** Split findings by the baseline: a finding is known when its fingerprint is recorded (line moves and reformatting do not change it). */
export function applyBaseline(findings: readonly Finding[], entries: readonly BaselineEntry[]): BaselineSplit {
  const recorded = new Set(entries.map((e) => e.fingerprint));
  const present = new Set(findings.map((f) => f.fingerprint));
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const finding of findings) (recorded.has(finding.fingerprint) ? known : fresh).push(finding);
  return { fresh, known, gone: entries.filter((e) => !present.has(e.fingerprint)) };
}
