/** A link in a markdown file: its target as written and its 1-based position. */
export interface MarkdownLink {
  readonly target: string;
  readonly line: number;
  readonly column: number;
}

/** The text of a markdown file with fenced code blocks and inline code spans blanked (positions kept). */
export function withoutCode(text: string): string {
  const lines = text.split("\n");
  let fence: string | undefined;
  return lines
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fence !== undefined) {
        if (marker !== null && marker[1]?.[0] === fence[0] && (marker[1]?.length ?? 0) >= fence.length) fence = undefined;
        return "";
      }
      if (marker !== null) {
        fence = marker[1];
        return "";
      }
      return line.replace(/(`+)[^`]*?\1/g, (span) => " ".repeat(span.length));
    })
    .join("\n");
}

/** Inline links and images `[text](target "title")` and reference definitions `[id]: target`. */
export function markdownLinks(text: string): MarkdownLink[] {
  const out: MarkdownLink[] = [];
  withoutCode(text)
    .split("\n")
    .forEach((line, index) => {
      for (const match of line.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\s*\)/g)) {
        const raw = match[1] ?? "";
        out.push({ target: raw.startsWith("<") ? raw.slice(1, -1) : raw, line: index + 1, column: (match.index ?? 0) + 3 });
      }
      const definition = /^\s{0,3}\[(?!\^)[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(line);
      if (definition !== null) {
        const raw = definition[1] ?? "";
        out.push({ target: raw.startsWith("<") ? raw.slice(1, -1) : raw, line: index + 1, column: line.indexOf(raw) + 1 });
      }
    });
  return out;
}

/** The anchors GitHub generates for the headings of a markdown file (duplicates get -1, -2…), plus explicit `<a id>`/`name` anchors. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of withoutCode(text).split("\n")) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading !== null) {
      const slug = (heading[1] ?? "")
        .toLowerCase()
        .replace(/<[^>]+>/g, "")
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-");
      const seen = counts.get(slug) ?? 0;
      counts.set(slug, seen + 1);
      anchors.add(seen === 0 ? slug : `${slug}-${seen}`);
    }
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1] ?? "");
  }
  return anchors;
}
