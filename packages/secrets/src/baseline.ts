import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { redactText, WardenError, writeFileAtomic, type Finding } from "@warden/core";

/** One accepted finding in the baseline: never the secret, only its fingerprint and where it was. */
export interface BaselineEntry {
  readonly ruleId: string;
  readonly fingerprint: string;
  readonly file: string;
}

/** Version of the baseline file format. */
export const BASELINE_VERSION = 1;

/**
 * Read the secrets baseline at `file` (absolute). A missing file is an empty baseline; a
 * malformed one is a {@link WardenError} naming the file.
 */
export async function readBaseline(file: string, display: string = file): Promise<BaselineEntry[]> {
  if (!existsSync(file)) return [];
  return parseBaselineText(await readFile(file, "utf8"), display);
}

/** Parse the text of a secrets baseline (a file, or one committed in git); `display` names it in errors. */
export function parseBaselineText(text: string, display: string): BaselineEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WardenError("BASELINE_INVALID", `${display}: not valid JSON (fix it, or delete it and run warden scan --update-baseline)`);
  }
  const entries = (raw as { version?: unknown; entries?: unknown }).entries;
  if (typeof raw !== "object" || raw === null || (raw as { version?: unknown }).version !== BASELINE_VERSION || !Array.isArray(entries)) {
    throw new WardenError("BASELINE_INVALID", `${display}: expected { "version": ${BASELINE_VERSION}, "entries": [...] }`);
  }
  return entries.map((entry: unknown, index: number) => {
    const e = entry as Partial<BaselineEntry> | null;
    if (e === null || typeof e.fingerprint !== "string" || !/^[0-9a-f]{8,64}$/.test(e.fingerprint) || typeof e.ruleId !== "string" || typeof e.file !== "string") {
      throw new WardenError("BASELINE_INVALID", `${display}: entries[${index}] needs string ruleId, file and a hex fingerprint`);
    }
    return { ruleId: e.ruleId, fingerprint: e.fingerprint, file: e.file };
  });
}

/** The baseline for `findings`, sorted so that rewriting it without changes is a no-op. */
export function baselineOf(findings: readonly Finding[]): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) byKey.set(`${f.fingerprint}\0${f.file}`, { ruleId: f.ruleId, fingerprint: f.fingerprint, file: f.file });
  return [...byKey.values()].sort((a, b) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0,
  );
}

/** Write the baseline file (deterministic JSON), atomically, through the output redactor: a file named with a token is recorded masked. */
export async function writeBaseline(file: string, entries: readonly BaselineEntry[]): Promise<void> {
  await writeFileAtomic(file, redactText(`${JSON.stringify({ version: BASELINE_VERSION, entries }, null, 2)}\n`));
}
