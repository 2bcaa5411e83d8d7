/** An inline `warden-disable-next-line <rule-id…> -- <reason>` comment. */
export interface Suppression {
  /** 1-based line of the comment. */
  readonly line: number;
  readonly column: number;
  readonly ruleIds: readonly string[];
  readonly reason: string | undefined;
}

const DIRECTIVE = /(?:\/\/|\/\*+|#|<!--)\s*warden-disable-next-line\b([^\n]*)$/;

/** Find every suppression comment in `text`. */
export function parseSuppressions(text: string): Suppression[] {
  if (!text.includes("warden-disable-next-line")) return [];
  const found: Suppression[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? "";
    const match = DIRECTIVE.exec(line);
    if (match === null) continue;
    const body = (match[1] ?? "").replace(/\s*(?:\*\/|-->)\s*$/, "").trim();
    const separator = body.indexOf("--");
    const idsText = separator < 0 ? body : body.slice(0, separator);
    const reason = separator < 0 ? undefined : body.slice(separator + 2).trim() || undefined;
    const ruleIds = idsText.split(/[\s,]+/).filter((id) => id !== "");
    found.push({ line: i + 1, column: match.index + 1, ruleIds, reason });
  }
  return found;
}
