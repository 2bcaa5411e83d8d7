import { compareFindings, fingerprintOf, type Finding, type Severity, type WardenConfig } from "@warden/core";
import picomatch from "picomatch";
import type { Project, ts as TS } from "ts-morph";
import type { FileRule, Language, RepoRule, ReportDescriptor, Rule } from "./define-rule.js";
import { isBinary, isTestFile, languageOf } from "./files.js";
import { RuleSettings } from "./settings.js";
import { parseSuppressions, type Suppression } from "./suppressions.js";
import { describeWrittenRule } from "./written-rules.js";

/** A file to check: its repository-relative path and content (from the index, a commit or disk). */
export interface CheckFile {
  readonly path: string;
  readonly content: Buffer | string;
}

/** Input of {@link runRules}. */
export interface RunRulesInput {
  readonly root: string;
  readonly files: readonly CheckFile[];
  readonly config: Pick<WardenConfig, "rules" | "overrides" | "ignore">;
  readonly configFile?: string;
  readonly rules: readonly Rule[];
  /** "full": the whole repository is being checked; "changes": only these files changed. */
  readonly mode: "full" | "changes";
  /** Whether a path exists in the state being checked; repository rules use it. */
  readonly exists: (file: string) => Promise<boolean>;
  /** Keep the text of checked files for code frames. Default true. */
  readonly keepSources?: boolean;
}

/** Result of {@link runRules}. */
export interface RunRulesResult {
  readonly findings: Finding[];
  readonly sources: Map<string, string>;
  readonly files: number;
  readonly suppressed: number;
}

interface Parser {
  readonly project: Project;
  readonly ts: typeof TS;
}

let parserPromise: Promise<Parser> | undefined;

/** Load ts-morph once per process, only when a JS/TS file is checked. */
function loadParser(): Promise<Parser> {
  parserPromise ??= import("ts-morph").then(({ Project, ts }) => ({
    ts,
    project: new Project({
      useInMemoryFileSystem: true,
      skipAddingFilesFromTsConfig: true,
      skipFileDependencyResolution: true,
      skipLoadingLibFiles: true,
      compilerOptions: { allowJs: true, noResolve: true, jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.ESNext },
    }),
  }));
  return parserPromise;
}

function interpolate(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (data === undefined) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 500);
}

function appliesTo(rule: FileRule, language: Exclude<Language, "*"> | undefined): boolean {
  return rule.languages.includes("*") || (language !== undefined && rule.languages.includes(language));
}

class FindingCollector {
  readonly findings: Finding[] = [];
  private readonly seen = new Map<string, number>();

  add(rule: Rule, severity: Severity, file: string, descriptor: ReportDescriptor<string>, position: { line: number; column: number; endLine?: number; endColumn?: number }, key: string): void {
    const message = rule.messages[descriptor.messageId];
    if (message === undefined) throw new Error(`rule ${rule.id} reported unknown messageId "${descriptor.messageId}"`);
    const base = fingerprintOf(rule.id, file, descriptor.messageId, key);
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    this.findings.push({
      ruleId: rule.id,
      severity,
      message: interpolate(message.message, descriptor.data),
      file,
      line: position.line,
      column: position.column,
      ...(position.endLine === undefined ? {} : { endLine: position.endLine }),
      ...(position.endColumn === undefined ? {} : { endColumn: position.endColumn }),
      hint: interpolate(message.hint, descriptor.data),
      rule: describeWrittenRule(rule.enforces),
      docs: rule.docs,
      fingerprint: count === 1 ? base : fingerprintOf(base, String(count)),
    });
  }
}

function positionOf(
  descriptor: ReportDescriptor<string>,
  ast: TS.SourceFile | undefined,
  lines: readonly string[],
): { position: { line: number; column: number; endLine?: number; endColumn?: number }; key: string } {
  if ("node" in descriptor) {
    if (ast === undefined) throw new Error("a node was reported for a file that was not parsed");
    const start = ast.getLineAndCharacterOfPosition(descriptor.node.getStart(ast));
    const end = ast.getLineAndCharacterOfPosition(descriptor.node.getEnd());
    return {
      position: { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
      key: descriptor.key ?? normalise(descriptor.node.getText(ast)),
    };
  }
  const line = Math.max(1, descriptor.line);
  return {
    position: {
      line,
      column: descriptor.column ?? 1,
      ...(descriptor.endLine === undefined ? {} : { endLine: descriptor.endLine }),
      ...(descriptor.endColumn === undefined ? {} : { endColumn: descriptor.endColumn }),
    },
    key: descriptor.key ?? normalise(lines[line - 1] ?? ""),
  };
}

function isSuppressed(suppressions: readonly Suppression[], ruleId: string, line: number): boolean {
  return suppressions.some((s) => s.line === line - 1 && s.ruleIds.includes(ruleId));
}

/**
 * Run the rules over the files: each JS/TS file is parsed once (ts-morph, in-memory, no type
 * checker, no dependency resolution) and its tree shared by every file rule; repository rules
 * run once. Per-rule and per-path settings and inline suppressions are applied.
 */
export async function runRules(input: RunRulesInput): Promise<RunRulesResult> {
  const settings = new RuleSettings(input.rules, input.config, input.configFile);
  const ignored = input.config.ignore.length > 0 ? picomatch(input.config.ignore, { dot: true }) : () => false;
  const fileRules = input.rules.filter((rule): rule is FileRule & { docs: string } => rule.scope === "file");
  const repoRules = input.rules.filter((rule): rule is RepoRule & { docs: string } => rule.scope === "repo");
  const collector = new FindingCollector();
  const sources = new Map<string, string>();
  const suppressionsByFile = new Map<string, Suppression[]>();
  let suppressed = 0;
  let checked = 0;

  for (const file of input.files) {
    if (ignored(file.path)) continue;
    const content = typeof file.content === "string" ? Buffer.from(file.content) : file.content;
    if (isBinary(content)) continue;
    checked += 1;
    const text = content.toString("utf8");
    const language = languageOf(file.path);
    const active = fileRules.filter((rule) => appliesTo(rule, language) && settings.forFile(rule.id, file.path).level !== "off");
    if (active.length === 0) continue;
    const needsParse = (language === "ts" || language === "js") && active.some((rule) => rule.languages.includes(language));
    const parser = needsParse ? await loadParser() : undefined;
    const sourceFile = parser?.project.createSourceFile(`/${file.path}`, text, { overwrite: true });
    const ast = sourceFile?.compilerNode;
    const lines = text.split("\n");
    const suppressions = parseSuppressions(text);
    suppressionsByFile.set(file.path, suppressions);
    if (input.keepSources !== false) sources.set(file.path, text);
    const testFile = isTestFile(file.path);
    try {
      for (const rule of active) {
        const setting = settings.forFile(rule.id, file.path);
        const severity = setting.level as Severity;
        rule.check({
          file: file.path,
          text,
          options: setting.options,
          isTestFile: testFile,
          sourceFile,
          ast,
          ts: parser?.ts,
          report: (descriptor) => {
            const { position, key } = positionOf(descriptor, ast, lines);
            if (isSuppressed(suppressions, rule.id, position.line)) {
              suppressed += 1;
              return;
            }
            collector.add(rule, severity, file.path, descriptor, position, key);
          },
        });
      }
    } finally {
      if (sourceFile !== undefined) parser?.project.removeSourceFile(sourceFile);
    }
  }

  const paths = input.files.map((file) => file.path).filter((p) => !ignored(p));
  for (const rule of repoRules) {
    const setting = settings.global(rule.id);
    if (setting.level === "off") continue;
    await rule.check({
      root: input.root,
      options: setting.options,
      mode: input.mode,
      files: paths,
      exists: input.exists,
      report: (descriptor) => {
        const local = settings.forFile(rule.id, descriptor.file);
        if (local.level === "off") return;
        const lines = sources.get(descriptor.file)?.split("\n") ?? [];
        const { position, key } = positionOf(descriptor, undefined, lines);
        if (isSuppressed(suppressionsByFile.get(descriptor.file) ?? [], rule.id, position.line)) {
          suppressed += 1;
          return;
        }
        collector.add(rule, local.level, descriptor.file, descriptor, position, key);
      },
    });
  }

  return { findings: collector.findings.sort(compareFindings), sources, files: checked, suppressed };
}
