import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WardenError } from "@warden/core";
import picomatch from "picomatch";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { z } from "zod";

/** The statuses an architecture decision record can have. */
export const ADR_STATUSES = ["proposed", "accepted", "deprecated", "superseded"] as const;
export type AdrStatus = (typeof ADR_STATUSES)[number];

/** The folder of the records and the markers of the generated index in its README. */
export const ADR_DIR = "docs/adr";
export const INDEX_START = "<!-- warden:adr-index:start -->";
export const INDEX_END = "<!-- warden:adr-index:end -->";

const FILE_NAME = /^(\d{4})-([a-z0-9][a-z0-9-]*)\.md$/;
const REFERENCE = /\bADR[- ](\d{4})\b/g;

const FrontMatterSchema = z
  .object({
    status: z.string(),
    date: z.union([z.string(), z.date()]).optional(),
    "decision-makers": z.union([z.string(), z.array(z.string())]).optional(),
    supersedes: z.union([z.string(), z.array(z.string())]).optional(),
    "superseded-by": z.string().optional(),
    affects: z.array(z.string()).optional(),
  })
  .passthrough();

/** One record, parsed from `docs/adr/NNNN-slug.md`. */
export interface Adr {
  readonly file: string;
  readonly number: number;
  readonly title: string;
  readonly status: string;
  readonly date: string | undefined;
  readonly decisionMakers: readonly string[];
  readonly supersedes: readonly number[];
  readonly supersededBy: number | undefined;
  readonly affects: readonly string[];
  readonly context: string;
  readonly decision: string;
  readonly consequences: string;
  /** 1-based line of each front-matter key and heading, for findings. */
  readonly lines: Readonly<Record<string, number>>;
  /** Every `ADR-NNNN` reference in the text, with its line. */
  readonly references: readonly { readonly number: number; readonly line: number }[];
}

/** `ADR-0007` for 7. */
export function adrId(number: number): string {
  return `ADR-${String(number).padStart(4, "0")}`;
}

function numberOf(value: string): number | undefined {
  const match = /^(?:ADR[- ]?)?(\d{1,4})$/i.exec(value.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function list(value: string | readonly string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : [...value];
}

/** The text of the `## name` section (until the next `## ` heading), trimmed. */
function section(body: string, name: string): string {
  const lines = body.split("\n");
  const start = lines.findIndex((line) => new RegExp(`^##\\s+${name}\\s*$`, "i").test(line));
  if (start < 0) return "";
  const end = lines.findIndex((line, index) => index > start && /^##\s/.test(line));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join("\n")
    .trim();
}

/** Parse one record; throws WardenError("INPUT") naming the file when it has no front matter. */
export function parseAdr(file: string, text: string): Adr {
  const name = path.posix.basename(file);
  const numberMatch = FILE_NAME.exec(name);
  if (numberMatch === null) throw new WardenError("INPUT", `${file}: ADR files are named NNNN-title.md`);
  const front = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (front === null) throw new WardenError("INPUT", `${file}: no front matter (--- status: … ---); run \`warden adr migrate\``);
  let data: z.infer<typeof FrontMatterSchema>;
  try {
    data = FrontMatterSchema.parse(parseYaml(front[1] ?? "") ?? {});
  } catch {
    throw new WardenError("INPUT", `${file}: front matter is not valid YAML with a status`);
  }
  const lines: Record<string, number> = {};
  text.split("\n").forEach((line, index) => {
    const key = /^([a-z-]+):/.exec(line)?.[1];
    if (key !== undefined && lines[key] === undefined && index < (front[0].match(/\n/g)?.length ?? 0)) lines[key] = index + 1;
    const heading = /^#{1,2}\s+(.*)$/.exec(line)?.[1];
    if (heading !== undefined && lines[`# ${heading}`] === undefined) lines[`# ${heading}`] = index + 1;
  });
  const body = text.slice(front[0].length);
  const titleLine = /^#\s+(?:ADR[- ]?\d{1,4}\s*[:—-]\s*)?(.+)$/m.exec(body);
  const references: { number: number; line: number }[] = [];
  text.split("\n").forEach((line, index) => {
    for (const match of line.matchAll(REFERENCE)) references.push({ number: Number(match[1]), line: index + 1 });
  });
  const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : data.date;
  return {
    file,
    number: Number(numberMatch[1]),
    title: titleLine?.[1]?.trim() ?? numberMatch[2] ?? name,
    status: data.status,
    date,
    decisionMakers: list(data["decision-makers"]),
    supersedes: list(data.supersedes)
      .map(numberOf)
      .filter((n): n is number => n !== undefined),
    supersededBy: data["superseded-by"] === undefined ? undefined : numberOf(data["superseded-by"]),
    affects: data.affects ?? [],
    context: section(body, "Context"),
    decision: section(body, "Decision"),
    consequences: section(body, "Consequences"),
    lines,
    references,
  };
}

/** Every record of `root/docs/adr`, sorted by number. */
export function readAdrs(root: string, dir: string = ADR_DIR): Adr[] {
  const folder = path.join(root, dir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => FILE_NAME.test(name))
    .sort()
    .map((name) => parseAdr(path.posix.join(dir, name), readFileSync(path.join(folder, name), "utf8")));
}

function slug(title: string): string {
  const text = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_]+/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 60)
    .replace(/-$/, "");
  return text === "" ? "decision" : text;
}

/** The text of a new record (MADR-style front matter, then Context, Decision, Consequences). */
export function renderAdr(input: {
  readonly number: number;
  readonly title: string;
  readonly status: AdrStatus;
  readonly date: string;
  readonly decisionMakers: readonly string[];
  readonly supersedes?: readonly number[];
}): string {
  const front: Record<string, unknown> = { status: input.status, date: input.date };
  if (input.decisionMakers.length > 0) front["decision-makers"] = [...input.decisionMakers];
  if (input.supersedes !== undefined && input.supersedes.length > 0) front.supersedes = input.supersedes.map(adrId);
  const supersedes = (input.supersedes ?? []).map((n) => adrId(n)).join(", ");
  return [
    "---",
    stringifyYaml(front).trimEnd(),
    "---",
    "",
    `# ${adrId(input.number)}: ${input.title}`,
    "",
    "## Context",
    "",
    supersedes === "" ? "What is the issue that motivates this decision?" : `Supersedes ${supersedes}. What changed since that decision?`,
    "",
    "## Decision",
    "",
    "What is the change that we are making?",
    "",
    "## Consequences",
    "",
    "What becomes easier or harder because of this change?",
    "",
  ].join("\n");
}

function writeAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** Replace (or add) a key of a record's front matter, keeping the rest of the file as it is. */
function setFrontMatter(text: string, key: string, value: unknown): string {
  const front = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (front === null) return text;
  const data = (parseYaml(front[1] ?? "") ?? {}) as Record<string, unknown>;
  data[key] = value;
  return `---\n${stringifyYaml(data).trimEnd()}\n---\n${text.slice(front[0].length)}`;
}

/** The generated index table. */
export function renderIndex(adrs: readonly Adr[]): string {
  const rows = adrs.map((adr) => {
    const status = adr.status === "superseded" && adr.supersededBy !== undefined ? `superseded by ${adrId(adr.supersededBy)}` : adr.status;
    return `| [${adrId(adr.number)}](${path.posix.basename(adr.file)}) | ${adr.title.replace(/\|/g, "\\|")} | ${status} | ${adr.date ?? ""} |`;
  });
  return [INDEX_START, "", "| ADR | title | status | date |", "| --- | --- | --- | --- |", ...rows, "", INDEX_END].join("\n");
}

/** The README text with its index between the markers (added at the end when there are none). */
export function withIndex(readme: string | undefined, adrs: readonly Adr[]): string {
  const index = renderIndex(adrs);
  if (readme === undefined) return `# Architecture decision records\n\nManaged with \`warden adr\`; the index below is generated.\n\n${index}\n`;
  const start = readme.indexOf(INDEX_START);
  const end = readme.indexOf(INDEX_END);
  if (start >= 0 && end > start) return `${readme.slice(0, start)}${index}${readme.slice(end + INDEX_END.length)}`;
  return `${readme.trimEnd()}\n\n${index}\n`;
}

/** Regenerate `docs/adr/README.md`'s index; returns whether it changed. */
export function writeIndex(root: string, dir: string = ADR_DIR): boolean {
  const file = path.join(root, dir, "README.md");
  const before = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  const after = withIndex(before, readAdrs(root, dir));
  if (before === after) return false;
  writeAtomic(file, after);
  return true;
}

/** Create the next record; returns its repository-relative path. */
export function newAdr(root: string, title: string, options: { readonly date: string; readonly status?: AdrStatus; readonly decisionMakers?: readonly string[]; readonly supersedes?: readonly number[]; readonly dir?: string }): string {
  const dir = options.dir ?? ADR_DIR;
  if (title.trim() === "") throw new WardenError("USAGE", "adr new: the title is empty");
  mkdirSync(path.join(root, dir), { recursive: true });
  const adrs = readAdrs(root, dir);
  const number = adrs.reduce((max, adr) => Math.max(max, adr.number), 0) + 1;
  const file = path.posix.join(dir, `${String(number).padStart(4, "0")}-${slug(title)}.md`);
  writeAtomic(
    path.join(root, file),
    renderAdr({ number, title: title.trim(), status: options.status ?? "proposed", date: options.date, decisionMakers: options.decisionMakers ?? [], ...(options.supersedes === undefined ? {} : { supersedes: options.supersedes }) }),
  );
  writeIndex(root, dir);
  return file;
}

/** Supersede record `number` with a new one titled `title`: both links written at once, the index regenerated. */
export function supersedeAdr(root: string, number: number, title: string, options: { readonly date: string; readonly decisionMakers?: readonly string[]; readonly dir?: string }): string {
  const dir = options.dir ?? ADR_DIR;
  const old = readAdrs(root, dir).find((adr) => adr.number === number);
  if (old === undefined) throw new WardenError("USAGE", `adr supersede: there is no ${adrId(number)} in ${dir}`);
  if (old.status === "superseded") throw new WardenError("USAGE", `adr supersede: ${adrId(number)} is already superseded${old.supersededBy === undefined ? "" : ` by ${adrId(old.supersededBy)}`}`);
  const created = newAdr(root, title, { ...options, status: "accepted", supersedes: [number] });
  const createdNumber = Number(FILE_NAME.exec(path.posix.basename(created))?.[1]);
  const oldPath = path.join(root, old.file);
  let text = readFileSync(oldPath, "utf8");
  text = setFrontMatter(text, "status", "superseded");
  text = setFrontMatter(text, "superseded-by", adrId(createdNumber));
  writeAtomic(oldPath, text);
  writeIndex(root, dir);
  return created;
}

/** Convert a record written as `- Status: x` / `- Date: y` lines to front matter. Returns the new text, or undefined when nothing to do. */
export function migrateLegacy(text: string): string | undefined {
  if (text.startsWith("---\n")) return undefined;
  const lines = text.split("\n");
  const data: Record<string, unknown> = {};
  const kept: string[] = [];
  for (const line of lines) {
    const field = /^[-*]\s+(Status|Date|Deciders|Decision-makers|Supersedes|Superseded by):\s*(.+)$/i.exec(line);
    if (field === null || kept.filter((l) => /^##\s/.test(l)).length > 0) {
      kept.push(line);
      continue;
    }
    const key = (field[1] ?? "").toLowerCase();
    const value = (field[2] ?? "").trim();
    if (key === "status") data.status = value.toLowerCase().split(/\s/)[0];
    else if (key === "date") data.date = /\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value;
    else if (key === "deciders" || key === "decision-makers") data["decision-makers"] = value.split(/,\s*/);
    else if (key === "supersedes") data.supersedes = value.split(/,\s*/);
    else data["superseded-by"] = value;
  }
  if (data.status === undefined) return undefined;
  const body = kept.join("\n").replace(/^# ADR[- ]?(\d{1,4})\s*[:—-]\s*/m, (_m, n: string) => `# ${adrId(Number(n))}: `);
  return `---\n${stringifyYaml(data).trimEnd()}\n---\n\n${body.replace(/^\n+/, "").replace(/\n{3,}/g, "\n\n")}`;
}

/** A problem `docs/adr-valid` reports. */
export interface AdrProblem {
  readonly file: string;
  readonly line: number;
  readonly kind: "duplicate" | "status" | "supersedeLink" | "dangling" | "index" | "affects" | "sections" | "invalid";
  readonly data: Readonly<Record<string, string>>;
}

/**
 * Validate a set of records: unique numbers, a known status, sections present, two-way supersede
 * links, no dangling `ADR-NNNN` references, `affects:` globs that match a file, and the index in
 * the README in step. `texts` maps repository paths of the folder's files to their text.
 */
export function validateAdrs(input: { readonly dir: string; readonly texts: ReadonlyMap<string, string>; readonly files: readonly string[] }): AdrProblem[] {
  const problems: AdrProblem[] = [];
  const adrs: Adr[] = [];
  for (const [file, text] of [...input.texts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!FILE_NAME.test(path.posix.basename(file))) continue;
    try {
      adrs.push(parseAdr(file, text));
    } catch (error) {
      problems.push({ file, line: 1, kind: "invalid", data: { reason: error instanceof Error ? error.message.replace(`${file}: `, "") : String(error) } });
    }
  }
  const byNumber = new Map<number, Adr>();
  for (const adr of adrs) {
    const first = byNumber.get(adr.number);
    if (first !== undefined) problems.push({ file: adr.file, line: 1, kind: "duplicate", data: { id: adrId(adr.number), other: first.file } });
    else byNumber.set(adr.number, adr);
    if (!(ADR_STATUSES as readonly string[]).includes(adr.status)) {
      problems.push({ file: adr.file, line: adr.lines.status ?? 1, kind: "status", data: { status: adr.status, statuses: ADR_STATUSES.join(", ") } });
    }
    const missing = (["Context", "Decision", "Consequences"] as const).filter((name) => !adr.lines[`# ${name}`]);
    if (missing.length > 0) problems.push({ file: adr.file, line: 1, kind: "sections", data: { sections: missing.join(", ") } });
  }
  for (const adr of adrs) {
    for (const number of adr.supersedes) {
      const target = byNumber.get(number);
      if (target === undefined) continue; // reported as dangling below
      if (target.supersededBy !== adr.number || target.status !== "superseded") {
        problems.push({ file: target.file, line: target.lines["superseded-by"] ?? target.lines.status ?? 1, kind: "supersedeLink", data: { id: adrId(target.number), other: adrId(adr.number), missing: "superseded-by" } });
      }
    }
    if (adr.supersededBy !== undefined) {
      const by = byNumber.get(adr.supersededBy);
      if (by !== undefined && !by.supersedes.includes(adr.number)) {
        problems.push({ file: by.file, line: by.lines.supersedes ?? by.lines.status ?? 1, kind: "supersedeLink", data: { id: adrId(by.number), other: adrId(adr.number), missing: "supersedes" } });
      }
    }
    if (adr.status === "superseded" && adr.supersededBy === undefined) {
      problems.push({ file: adr.file, line: adr.lines.status ?? 1, kind: "supersedeLink", data: { id: adrId(adr.number), other: "a newer record", missing: "superseded-by" } });
    }
    const referenced = [...adr.references, ...adr.supersedes.map((n) => ({ number: n, line: adr.lines.supersedes ?? 1 })), ...(adr.supersededBy === undefined ? [] : [{ number: adr.supersededBy, line: adr.lines["superseded-by"] ?? 1 }])];
    for (const ref of referenced) {
      if (!byNumber.has(ref.number)) problems.push({ file: adr.file, line: ref.line, kind: "dangling", data: { id: adrId(ref.number) } });
    }
    for (const glob of adr.affects) {
      const match = picomatch(glob, { dot: true });
      if (!input.files.some((file) => match(file))) problems.push({ file: adr.file, line: adr.lines.affects ?? 1, kind: "affects", data: { glob } });
    }
  }
  const readmeFile = path.posix.join(input.dir, "README.md");
  const readme = input.texts.get(readmeFile);
  if (adrs.length > 0 && problems.every((p) => p.kind !== "invalid")) {
    const sorted = [...adrs].sort((a, b) => a.number - b.number);
    if (readme === undefined || withIndex(readme, sorted) !== readme) {
      const line = readme === undefined ? 1 : Math.max(1, readme.slice(0, Math.max(0, readme.indexOf(INDEX_START))).split("\n").length);
      problems.push({ file: readmeFile, line, kind: "index", data: {} });
    }
  }
  return problems;
}
