import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { WardenError } from "./errors.js";
import { withoutFences } from "./markdown-fences.js";
import { didYouMean } from "./suggest.js";
import { WRITTEN_RULES } from "./written-rules.js";

/** Markers around the section `warden rules --format agents` writes into an agent file; the parser skips what is between them. */
export const AGENTS_SECTION_START = "<!-- warden:rules:start -->";
export const AGENTS_SECTION_END = "<!-- warden:rules:end -->";

/** Config `writtenRules`: the team's own written rules, read from their markdown (AGENTS.md, CLAUDE.md, …). */
export const WrittenRulesSchema = z
  .object({
    source: z.string().min(1).describe("The markdown file holding the team's numbered or headed rules, repository-relative (e.g. AGENTS.md)."),
    label: z.string().min(1).default("Rule").describe('How a rule is named in findings and `warden rules`: "Rule" gives "Rule 3 — Title".'),
    enforces: z
      .record(z.string().min(1), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]))
      .default({})
      .describe('Check id (or a family, "secrets/*") → the team rule number(s) it enforces, e.g. { "real/no-placeholder": "2" }. Checks not named here are matched by title to the built-in catalogue, else cite the catalogue.'),
    notCheckable: z
      .record(z.string().min(1), z.string().min(1))
      .default({})
      .describe('Team rule number → why no machine can check it, e.g. { "7": "review is a human activity" }.'),
  })
  .strict();

export type WrittenRulesConfig = z.output<typeof WrittenRulesSchema>;

/** One rule of the team's document. */
export interface TeamRule {
  /** The number as the document writes it ("3", "2.1"), or the position for unnumbered headed rules. */
  readonly number: string;
  readonly title: string;
  /** The first sentence of the rule's text after its title, when there is one. */
  readonly summary: string;
  /** 1-based line of the rule in the source. */
  readonly line: number;
}

interface Heading {
  readonly level: number;
  readonly text: string;
  readonly line: number;
}

const NUMBERED = /^(?:rule\s+)?#?(\d+(?:\.\d+)*)(?:[.:)]|\s+[-–—:])?\s+(.+)$/i;

/** Markdown emphasis and code markers dropped, links reduced to their text, spaces collapsed. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, "$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** A title from a list item's first line: the bold lead when there is one, else the first clause. */
function titleOf(text: string): { title: string; rest: string } {
  const bold = /^(\*\*|__)(.+?)\1[\s:.—–-]*(.*)$/.exec(text);
  if (bold !== null) return { title: plain(bold[2] ?? "").replace(/[:.]$/, ""), rest: plain(bold[3] ?? "") };
  const flat = plain(text);
  // The first ": ", ". " or " — " outside parentheses ends the title ("Protect config (e.g. CI): …").
  let depth = 0;
  for (let at = 3; at < Math.min(flat.length, 121); at += 1) {
    const char = flat[at];
    if (char === "(") depth += 1;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const separator = /^(?:[:.]\s|\s[—–-]\s)/.exec(flat.slice(at));
      if (separator !== null) return { title: flat.slice(0, at), rest: flat.slice(at + separator[0].length) };
    }
  }
  return { title: flat.length > 120 ? `${flat.slice(0, 117)}…` : flat, rest: "" };
}

function firstSentence(text: string): string {
  const flat = plain(text);
  const match = /^(.+?[.!?])(\s|$)/.exec(flat);
  const sentence = match?.[1] ?? flat;
  return sentence.length > 200 ? `${sentence.slice(0, 197)}…` : sentence;
}

/** The source's lines with fenced code blocks and Warden's own generated section blanked (line numbers kept). */
function significantLines(markdown: string): string[] {
  let generated = false;
  const outside = markdown
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed === AGENTS_SECTION_START) generated = true;
      if (!generated) return line;
      if (trimmed === AGENTS_SECTION_END) generated = false;
      return "";
    });
  return withoutFences(outside.join("\n"));
}

function headingsOf(lines: readonly string[]): Heading[] {
  const out: Heading[] = [];
  lines.forEach((line, index) => {
    const match = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (match !== null) out.push({ level: match[1]?.length ?? 1, text: plain(match[2] ?? ""), line: index + 1 });
  });
  return out;
}

/** The text under a heading, up to the next heading of any level. */
function bodyAfter(lines: readonly string[], heading: Heading, headings: readonly Heading[]): string {
  const next = headings.find((h) => h.line > heading.line);
  return lines.slice(heading.line, next === undefined ? lines.length : next.line - 1).join("\n");
}

/** Line spans [from, to) of the sections whose heading names rules ("Rules", "Engineering rules", "The rules"). */
function ruleSections(headings: readonly Heading[], total: number): { from: number; to: number; level: number }[] {
  const spans: { from: number; to: number; level: number }[] = [];
  headings.forEach((heading, index) => {
    if (!/\brules?\b/i.test(heading.text) || NUMBERED.test(heading.text)) return;
    const end = headings.slice(index + 1).find((h) => h.level <= heading.level);
    spans.push({ from: heading.line, to: end === undefined ? total + 1 : end.line, level: heading.level });
  });
  return spans;
}

function fromNumberedHeadings(lines: readonly string[], headings: readonly Heading[]): TeamRule[] {
  const rules: TeamRule[] = [];
  for (const heading of headings) {
    const match = NUMBERED.exec(heading.text);
    if (match === null) continue;
    const { title, rest } = titleOf(match[2] ?? "");
    const summary = firstSentence(`${rest} ${bodyAfter(lines, heading, headings)}`.trim());
    rules.push({ number: match[1] ?? "", title, summary, line: heading.line });
  }
  return rules;
}

function fromListItems(lines: readonly string[], from: number, to: number): TeamRule[] {
  const rules: TeamRule[] = [];
  let indent: number | undefined;
  for (let index = from; index < to - 1 && index < lines.length; index += 1) {
    const match = /^(\s*)(\d+)[.)]\s+(.+)$/.exec(lines[index] ?? "");
    if (match === null) continue;
    const depth = match[1]?.length ?? 0;
    indent ??= depth;
    if (depth !== indent) continue;
    const continuation: string[] = [];
    for (let next = index + 1; next < to - 1 && next < lines.length; next += 1) {
      const line = lines[next] ?? "";
      if (line.trim() === "" || /^\s*(\d+[.)]|#)/.test(line) && !line.startsWith(" ".repeat(depth + 2))) break;
      continuation.push(line.trim());
    }
    const { title, rest } = titleOf(match[3] ?? "");
    rules.push({ number: match[2] ?? "", title, summary: firstSentence(`${rest} ${continuation.join(" ")}`.trim()), line: index + 1 });
  }
  return rules;
}

/** Rows of a markdown table whose first cell is a rule number ("3", "Rule 3"): the second cell holds the rule. */
function fromTableRows(lines: readonly string[], from: number, to: number): TeamRule[] {
  const rules: TeamRule[] = [];
  for (let index = from; index < to - 1 && index < lines.length; index += 1) {
    const cells = (lines[index] ?? "").trim().replace(/^\|/, "").replace(/\|$/, "").split("|");
    if (cells.length < 2) continue;
    const number = /^\s*(?:rule\s+)?#?(\d+(?:\.\d+)*)\s*$/i.exec(cells[0] ?? "")?.[1];
    if (number === undefined) continue;
    const { title, rest } = titleOf((cells[1] ?? "").trim());
    rules.push({ number, title, summary: firstSentence(rest), line: index + 1 });
  }
  return rules;
}

/** One list of rules: numbers that repeat mean several lists (setup steps, procedures), which are not a rulebook. */
function oneList(rules: TeamRule[]): TeamRule[] {
  return new Set(rules.map((rule) => rule.number)).size === rules.length ? rules : [];
}

/**
 * The team's rules in a markdown document: numbered headings ("## Rule 3: Title", "### 3. Title"),
 * else the sub-headings of a section named for rules ("## Rules" → "### Title", numbered in order),
 * else the rows of a table whose first column is the rule number, else the top-level items of a
 * numbered list (inside a rules section when there is one). Several lists whose numbers repeat
 * (setup steps, procedures) are not a rulebook. Code blocks and the section Warden generates are
 * ignored.
 */
export function parseTeamRules(markdown: string): TeamRule[] {
  const lines = significantLines(markdown);
  const headings = headingsOf(lines);
  const sections = ruleSections(headings, lines.length);
  const inSections = (line: number): boolean => sections.length === 0 || sections.some((s) => line > s.from && line < s.to);
  const numbered = fromNumberedHeadings(lines, headings.filter((h) => inSections(h.line)));
  if (numbered.length >= 2) return numbered;
  for (const section of sections) {
    const subs = headings.filter((h) => h.line > section.from && h.line < section.to && h.level === section.level + 1);
    if (subs.length >= 2) {
      return subs.map((heading, index) => ({
        number: String(index + 1),
        title: heading.text,
        summary: firstSentence(bodyAfter(lines, heading, headings)),
        line: heading.line,
      }));
    }
  }
  const spans = sections.length === 0 ? [{ from: 0, to: lines.length + 1 }] : sections;
  const rows = oneList(spans.flatMap((span) => fromTableRows(lines, span.from, span.to)));
  if (rows.length >= 2) return rows;
  const items = oneList(spans.flatMap((span) => fromListItems(lines, span.from, span.to)));
  return items.length > 0 ? items : numbered;
}

/** How a team rule stands: checked by machine, partly (some of its checks are off), not checked, or declared not checkable. */
export type TeamRuleState = "checked" | "partly checked" | "not checked" | "not checkable";

/** The team's rules with the checks mapped to each: what `warden rules`, findings and `--format agents` show. */
export interface TeamRuleBook {
  readonly source: string;
  readonly label: string;
  readonly rules: readonly TeamRule[];
  /** Check id → the numbers of the team rules it enforces. */
  readonly checksOf: ReadonlyMap<string, readonly string[]>;
  readonly notCheckable: Readonly<Record<string, string>>;
}

function normaliseTitle(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
}

/**
 * The team rule that is the catalogue rule titled `title`: the same title, or one title the start
 * of the other at a word boundary with at least two words ("One source of truth" for "One source of
 * truth: no duplicate or backup implementations"); only when exactly one team rule matches.
 */
function sameRule(rules: readonly TeamRule[], title: string): string | undefined {
  const wanted = normaliseTitle(title);
  const exact = rules.filter((rule) => normaliseTitle(rule.title) === wanted);
  if (exact.length === 1) return exact[0]?.number;
  const prefix = rules.filter((rule) => {
    const own = normaliseTitle(rule.title);
    const [short, long] = own.length <= wanted.length ? [own, wanted] : [wanted, own];
    return short.split(" ").length >= 2 && (long === short || long.startsWith(`${short} `));
  });
  return prefix.length === 1 ? prefix[0]?.number : undefined;
}

/**
 * Read and map the team's rules. `checks` are the rule engine's check ids, and families such as
 * "secrets/*" for the scanner's detectors, with the built-in written rule each enforces ("Rule 1"). A check is mapped by `enforces` in config, else
 * to the team rule whose title is the built-in rule's title; otherwise it cites the built-in
 * catalogue. Unknown check ids or rule numbers in config are config errors.
 */
export function loadTeamRuleBook(root: string, settings: WrittenRulesConfig, checks: ReadonlyMap<string, string>): TeamRuleBook {
  const file = path.resolve(root, settings.source);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new WardenError("CONFIG_INVALID", `writtenRules.source: ${settings.source} not found (a markdown file with the team's rules, e.g. AGENTS.md)`);
  }
  const rules = parseTeamRules(text);
  if (rules.length === 0) {
    throw new WardenError(
      "CONFIG_INVALID",
      `writtenRules.source: no rules found in ${settings.source} (numbered headings "## Rule 1: …", headings under a "## Rules" section, or a numbered list)`,
    );
  }
  const numbers = rules.map((rule) => rule.number);
  const known = (value: string, where: string): string => {
    const number = value.replace(new RegExp(`^${settings.label}\\s+`, "i"), "").trim();
    if (!numbers.includes(number)) {
      throw new WardenError("CONFIG_INVALID", `${where}: ${settings.source} has no rule ${number} (it has ${numbers.join(", ")})`);
    }
    return number;
  };
  const checksOf = new Map<string, string[]>();
  for (const [checkId, value] of Object.entries(settings.enforces)) {
    if (!checks.has(checkId)) {
      const near = didYouMean(checkId, checks.keys());
      throw new WardenError("CONFIG_INVALID", `writtenRules.enforces: unknown check "${checkId}"${near === undefined ? "" : ` (did you mean ${near}?)`}`);
    }
    checksOf.set(checkId, (Array.isArray(value) ? value : [value]).map((v) => known(v, `writtenRules.enforces["${checkId}"]`)));
  }
  for (const [checkId, builtin] of checks) {
    if (checksOf.has(checkId)) continue;
    const title = WRITTEN_RULES[builtin]?.title;
    const number = title === undefined ? undefined : sameRule(rules, title);
    if (number !== undefined) checksOf.set(checkId, [number]);
  }
  const notCheckable: Record<string, string> = {};
  for (const [value, why] of Object.entries(settings.notCheckable)) notCheckable[known(value, "writtenRules.notCheckable")] = why;
  return { source: settings.source, label: settings.label, rules, checksOf, notCheckable };
}

/** "Rule 3 — Title" for a team rule number. */
export function describeTeamRule(book: TeamRuleBook, number: string): string {
  const rule = book.rules.find((r) => r.number === number);
  return rule === undefined ? `${book.label} ${number}` : `${book.label} ${number} — ${rule.title}`;
}

/**
 * What a finding of `checkId` cites: the team's rule(s) it is mapped to, else the built-in rule
 * named as Warden's catalogue (so it is never mistaken for the team's rule of the same number).
 */
export function citeFor(book: TeamRuleBook, checkId: string, builtinCitation: string): string {
  const family = checkId.includes("/") ? `${checkId.slice(0, checkId.indexOf("/"))}/*` : undefined;
  const numbers = book.checksOf.get(checkId) ?? (family === undefined ? undefined : book.checksOf.get(family));
  if (numbers === undefined || numbers.length === 0) return builtinCitation.startsWith("Warden catalogue") ? builtinCitation : `Warden catalogue ${builtinCitation}`;
  return numbers.map((number) => `${describeTeamRule(book, number)} (${book.source})`).join("; ");
}

/** The state of each team rule given which checks are on. */
export function teamRuleStates(book: TeamRuleBook, enabled: (checkId: string) => boolean): Map<string, { state: TeamRuleState; checks: string[] }> {
  const out = new Map<string, { state: TeamRuleState; checks: string[] }>();
  for (const rule of book.rules) {
    const checks = [...book.checksOf].filter(([, numbers]) => numbers.includes(rule.number)).map(([id]) => id).sort();
    const on = checks.filter(enabled);
    let state: TeamRuleState;
    if (book.notCheckable[rule.number] !== undefined && on.length === 0) state = "not checkable";
    else if (on.length === 0) state = "not checked";
    else state = on.length === checks.length ? "checked" : "partly checked";
    out.set(rule.number, { state, checks });
  }
  return out;
}
