/**
 * The output boundary: every byte Warden prints or writes passes through {@link redactText} (or
 * {@link redactLayout} for source text shown in code frames), which masks every secret the
 * installed {@link Redactor} finds. Core knows no detectors: the CLI installs one backed by every
 * detector of `@warden/secrets` (`createOutputRedactor`), so core has no dependency on it.
 * Docs: docs/secrets/redaction.md.
 */

/** Where a secret sits in a text: `[start, end)` in UTF-16 code units. */
export type SecretSpan = readonly [start: number, end: number];

/** Finds the secrets in a text. Must be synchronous and must not throw. */
export interface Redactor {
  find(text: string): readonly SecretSpan[];
}

/** What replaces a secret after its shown prefix (the same mask as secret findings use). */
export const REDACTION_MASK = "********";

/**
 * A redactor without detectors, for commands that print only their own short messages (`warden
 * secrets run`, which loads no detector): every run of 24 or more token characters (not ending in
 * `.`, `:` or `@`) that holds a digit is masked (more than any detector would).
 */
export const CONSERVATIVE_REDACTOR: Redactor = {
  find: (text) => [...text.matchAll(/[A-Za-z0-9_+/=.:@-]{23,}[A-Za-z0-9_+/=-]/g)].filter((m) => /[0-9]/.test(m[0])).map((m) => [m.index, m.index + m[0].length] as const),
};

let installed: Redactor | undefined;

/** Install the redactor every output of this process goes through (undefined: none). */
export function installRedactor(redactor: Redactor | undefined): void {
  installed = redactor;
}

/** The installed redactor, if any. */
export function currentRedactor(): Redactor | undefined {
  return installed;
}

/** How many leading characters of a secret stay readable: at most 4, and at most a quarter of it. */
function shownLength(length: number): number {
  return Math.min(4, Math.floor(length / 4));
}

/** Sorted, merged spans clipped to the text. */
function normalise(spans: readonly SecretSpan[], length: number): [number, number][] {
  const sorted = spans
    .map(([start, end]): [number, number] => [Math.max(0, start), Math.min(length, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

function replaceSpans(text: string, redactor: Redactor | undefined, replace: (secret: string) => string): string {
  if (redactor === undefined || text === "") return text;
  let spans: readonly SecretSpan[];
  try {
    spans = redactor.find(text);
  } catch {
    // A redactor that fails must not let the text through unmasked: hide every token-like run.
    return text.replace(/[A-Za-z0-9_+/=-]{12,}/g, (run) => `${run.slice(0, 4)}${REDACTION_MASK}`);
  }
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of normalise(spans, text.length)) {
    out += text.slice(at, start) + replace(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Mask every secret in `text`: its first characters (at most 4) followed by `********`, which
 * does not reveal its length. For messages, reports, file contents Warden writes.
 */
export function redactText(text: string, redactor: Redactor | undefined = installed): string {
  return replaceSpans(text, redactor, (secret) => `${secret.slice(0, shownLength(secret.length))}${REDACTION_MASK}`);
}

/**
 * Mask every secret in source text while keeping its layout: the first characters (at most 4)
 * stay, every other character becomes `*`, line breaks stay. Code frames built from the result
 * keep their line numbers, columns and carets, and a frame that cuts a line short cannot show
 * more of a secret than the prefix.
 */
export function redactLayout(text: string, redactor: Redactor | undefined = installed): string {
  return replaceSpans(text, redactor, (secret) => {
    const shown = shownLength(secret.replace(/\s/g, "").length);
    let kept = 0;
    let out = "";
    for (const char of secret) {
      if (char === "\n" || char === "\r") out += char;
      else if (kept < shown) {
        out += char;
        kept += 1;
      } else out += "*";
    }
    return out;
  });
}

/**
 * Characters a terminal would act on (C0 and C1 controls, DEL, and the bidirectional overrides
 * that reorder what is shown) written visibly instead: `\n`, `\t`, `\x1b`, `\u202e`. For text
 * that comes from the repository (file names, source lines, commit subjects) in terminal output.
 */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    switch (char) {
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      default: {
        const code = char.charCodeAt(0);
        return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
      }
    }
  });
}
