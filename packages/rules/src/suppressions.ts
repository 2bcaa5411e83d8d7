/** An inline `warden-disable-next-line <rule-id…> -- <reason>` comment. */
export interface Suppression {
  /** 1-based line of the comment. */
  readonly line: number;
  readonly column: number;
  readonly ruleIds: readonly string[];
  readonly reason: string | undefined;
}

const DIRECTIVE = /(?:\/\/|\/\*+|#|<!--)\s*warden-disable-next-line\b([^\n]*)$/;

/** Whether the text before a comment opener leaves a string literal open (an odd count of one quote kind). */
function insideString(prefix: string): boolean {
  const plain = prefix.replace(/\\./g, "");
  return ["'", '"', "`"].some((quote) => plain.split(quote).length % 2 === 0);
}

/**
 * Find every suppression comment in `text`. Directives inside string literals and inside fenced
 * code blocks (examples in markdown or doc comments) are not suppressions.
 */
export function parseSuppressions(text: string): Suppression[] {
  if (!text.includes("warden-disable-next-line")) return [];
  const found: Suppression[] = [];
  const lines = text.split("\n");
  let fenced = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    if (/^\s*(?:\/\/|\*|#)?\s*(?:```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const match = DIRECTIVE.exec(line);
    if (match === null || insideString(line.slice(0, match.index))) continue;
    const body = (match[1] ?? "").replace(/\s*(?:\*\/|-->)\s*$/, "").trim();
    const separator = body.indexOf("--");
    const idsText = separator < 0 ? body : body.slice(0, separator);
    const reason = separator < 0 ? undefined : body.slice(separator + 2).trim() || undefined;
    const ruleIds = idsText.split(/[\s,]+/).filter((id) => id !== "");
    found.push({ line: i + 1, column: match.index + 1, ruleIds, reason });
  }
  return found;
}
