import { withoutFences } from "@warden/core";

/** A link in a markdown file: its target as written and its 1-based position. */
export interface MarkdownLink {
  readonly target: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Inline code spans of a line blanked (positions kept). A span opens with a run of N backticks and
 * closes at the next run of exactly N (CommonMark), so ``a ` b`` and ```x``` are spans too; an
 * unclosed run is literal text.
 */
export function blankCodeSpans(line: string): string {
  let out = "";
  let at = 0;
  while (at < line.length) {
    const open = line.indexOf("`", at);
    if (open < 0) break;
    let width = 1;
    while (line[open + width] === "`") width += 1;
    const run = "`".repeat(width);
    let close = -1;
    for (let from = open + width; from < line.length; ) {
      const next = line.indexOf(run, from);
      if (next < 0) break;
      let end = next + width;
      while (line[end] === "`") end += 1;
      if (end - next === width) {
        close = next;
        break;
      }
      from = end;
    }
    if (close < 0) {
      out += line.slice(at, open + width);
      at = open + width;
      continue;
    }
    out += line.slice(at, open) + " ".repeat(close + width - open);
    at = close + width;
  }
  return out + line.slice(at);
}

/** The text of a markdown file with fenced code blocks and inline code spans blanked (positions kept). */
export function withoutCode(text: string): string {
  return withoutFences(text).map(blankCodeSpans).join("\n");
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

/** GitHub's heading slug (also Docusaurus, Astro and github-slugger): lowercase, punctuation dropped, each space a '-'. */
export function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** VitePress' heading slug (@mdit-vue): accents dropped, runs of punctuation and spaces one '-', trimmed, lowercase. */
export function vitepressSlug(heading: string): string {
  return heading
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^(\d)/, "_$1")
    .toLowerCase();
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad", ndash: "\u2013", mdash: "\u2014" };

/** HTML character references of heading text (`&shy;`, `&amp;`, `&#8203;`, `&#x2013;`) as the characters they stand for. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? "", 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[(name ?? "").toLowerCase()] ?? whole;
  });
}

/**
 * The anchors a heading gets on GitHub and the common doc sites, for every heading of a markdown
 * file: the heading's text with inline code kept (backticks, emphasis, links and HTML tags
 * removed) slugged as GitHub and VitePress do, duplicates suffixed -1, -2…; an explicit id
 * (`## Title {#id}`, also wrapped as in `%{#id}%`) replaces the generated one. Explicit `id="…"` and
 * `<a name="…">` anchors count too. All lowercase: links are compared without case.
 */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  const add = (slug: string): void => {
    const seen = counts.get(slug) ?? 0;
    counts.set(slug, seen + 1);
    anchors.add(seen === 0 ? slug : `${slug}-${seen}`);
  };
  for (const line of withoutFences(text)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading !== null) {
      let title = heading[1] ?? "";
      const explicit = /\s*[^\s\w{]{0,2}\{#([^}\s]+)[^}]*\}[^\s\w]{0,2}\s*$/.exec(title);
      if (explicit !== null) {
        anchors.add((explicit[1] ?? "").toLowerCase());
        title = title.slice(0, explicit.index);
      }
      // Inline code is kept as written (`<Badge>` in backticks is text, not a tag); outside it,
      // HTML tags are dropped and entities decoded (`Nebenbemerkungs&shy;titel`).
      const plain = title
        .split(/(`+[^`]*`+)/)
        .map((part, i) =>
          i % 2 === 1
            ? part.replace(/`+/g, "")
            : decodeEntities(part.replace(/<[^>]+>/g, ""))
                .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
                .replace(/`+/g, "")
                .replace(/(\*\*|__|\*|~~)/g, ""),
        )
        .join("");
      if (explicit === null) {
        const github = githubSlug(plain);
        const vitepress = vitepressSlug(plain);
        add(github);
        if (vitepress !== github) add(vitepress);
      }
    }
    for (const match of line.matchAll(/<[a-z][\w-]*\s[^>]*?\b(?:id|name)=["']([^"']+)["']/gi)) anchors.add((match[1] ?? "").toLowerCase());
  }
  return anchors;
}
