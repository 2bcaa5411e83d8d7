import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import {
  compareFindings,
  describeWrittenRule,
  FILE_CLASSES,
  FileClassifier,
  fingerprintOf,
  listWorkspacePackages,
  NOT_HAND_WRITTEN,
  type FileClass,
  type FilesConfig,
  type Finding,
  type Severity,
  type WardenConfig,
} from "@warden/core";
import picomatch from "picomatch";
import type TS from "typescript";
import type { CommitInfo, FileRule, Language, ParsedFile, RepoRule, ReportDescriptor, Rule } from "./define-rule.js";
import { isBinary, isTestFile, languageOf } from "./files.js";
import { RuleSettings, type EffectiveSetting } from "./settings.js";
import { parseSuppressions, type Suppression } from "./suppressions.js";
import { BUILTIN_RULES } from "./builtin.js";
import { checkInWorkers, workersAvailable } from "./worker-pool.js";

/** A file to check: its repository-relative path and content (from the index, a commit or disk). */
export interface CheckFile {
  readonly path: string;
  readonly content: Buffer | string;
}

/** Where results are cached between runs (see `ResultCache` in @warden/core); keys are content hashes. */
export interface ResultStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** One shard of a check split over machines: `index` is 1-based, of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Input of {@link runRules}. */
export interface RunRulesInput {
  readonly root: string;
  readonly files: readonly CheckFile[];
  readonly config: Pick<WardenConfig, "rules" | "overrides" | "ignore"> & { readonly files?: FilesConfig };
  readonly configFile?: string;
  readonly rules: readonly Rule[];
  /** "full": the whole repository is being checked; "changes": only these files changed. */
  readonly mode: "full" | "changes";
  /** Whether a path exists in the state being checked; repository rules use it. */
  readonly exists: (file: string) => Promise<boolean>;
  /** Read a file that is not among `files` in the state being checked (default: from disk under `root`). */
  readonly read?: (file: string) => Promise<Buffer | undefined>;
  /** Every file of the repository in the state being checked (default: the paths of `files`). */
  readonly listAll?: () => Promise<readonly string[]>;
  /** The commits being checked (pushed range); default none. */
  readonly commits?: readonly CommitInfo[];
  /** Keep the text of checked files for code frames. Default true. */
  readonly keepSources?: boolean;
  /** Cache of per-file and repository-rule results; `cacheSalt` (the Warden version) is part of every key. */
  readonly cache?: ResultStore;
  readonly cacheSalt?: string;
  /** Check only this shard's files with file rules; repository rules run in shard 1 only. */
  readonly shard?: Shard;
  /** Worker threads for the file rules of a large full check (built-in rules only); 0 or 1 keeps everything in-process. */
  readonly workers?: number;
  /** Told about the work as it goes (files checked, repository rules), for a progress line. */
  readonly onProgress?: (progress: CheckProgress) => void;
}

/** Where a check is: the file pass (`done` of `total` files) or the repository rule running. */
export type CheckProgress =
  | { readonly phase: "files"; readonly done: number; readonly total: number }
  | { readonly phase: "repo"; readonly rule: string; readonly index: number; readonly total: number };

const classifiers = new WeakMap<object, FileClassifier>();

/** One classifier per `files` config object (its globs compiled once). */
function classifierFor(files: FilesConfig | undefined): FileClassifier {
  if (files === undefined) return new FileClassifier();
  let classifier = classifiers.get(files);
  if (classifier === undefined) {
    classifier = new FileClassifier(files);
    classifiers.set(files, classifier);
  }
  return classifier;
}

/**
 * The file classes a rule judges with a setting: the `classes` setting, else what the rule
 * declares, else every class but the config's `files.skip`.
 */
export function ruleClasses(rule: Rule, setting: EffectiveSetting, files: FilesConfig | undefined): ReadonlySet<FileClass> {
  if (setting.classes !== undefined) return new Set(setting.classes);
  if (rule.classes === "any") return new Set(FILE_CLASSES);
  if (rule.classes !== undefined) return new Set(rule.classes);
  const skip = new Set<FileClass>(files?.skip ?? NOT_HAND_WRITTEN);
  return new Set(FILE_CLASSES.filter((cls) => !skip.has(cls)));
}

/** A full check spreads its file rules over worker threads from this many files to check on. */
export const WORKER_THRESHOLD = 1500;

/** Result of {@link runRules}. */
export interface RunRulesResult {
  readonly findings: Finding[];
  readonly sources: Map<string, string>;
  readonly files: number;
  readonly suppressed: number;
  /** Files whose results came from the cache. */
  readonly cached: number;
}

interface Parser {
  readonly ts: typeof TS;
}

let parserPromise: Promise<Parser> | undefined;

/**
 * Load the TypeScript compiler (the `typescript` package) once per process, only when a JS/TS file
 * is checked. It is loaded with `require`, not `import()`: ESM's CommonJS export detection re-lexes
 * its 9 MB bundle (≈ 90 ms).
 */
function loadParser(): Promise<Parser> {
  parserPromise ??= Promise.resolve({ ts: createRequire(import.meta.url)("typescript") as typeof TS });
  return parserPromise;
}

function interpolate(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (data === undefined) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** A string literal on one line ('…' or "…"), or a template literal without `${`. */
const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.|\$(?!\{))*`/g;

/** A string literal written with double quotes: `'it\'s'`, `"it's"` and `` `it's` `` all become `"it's"`. */
function doubleQuoted(literal: string): string {
  const quote = literal[0];
  if (quote === '"') return literal;
  return `"${literal.slice(1, -1).replace(/\\([^])|"/g, (whole, escaped: string | undefined) => (escaped === undefined ? '\\"' : escaped === quote ? escaped : whole))}"`;
}

/**
 * Code as a fingerprint key: whitespace dropped around punctuation and collapsed elsewhere, trailing
 * commas dropped and string quotes unified, so reformatting (re-indenting, wrapping, a formatter's
 * trailing commas and quote style) keeps the identity.
 */
function normalise(text: string): string {
  return text
    .replace(STRING_LITERAL, doubleQuoted)
    .replace(/\s+/g, " ")
    .replace(/ ?([^\w\s$]) ?/g, "$1")
    .replace(/,(?=[)\]}])/g, "")
    .trim()
    .slice(0, 500);
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
      messageId: descriptor.messageId,
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

function hashOf(...parts: readonly (string | Buffer)[]): string {
  const hash = createHash("sha1");
  for (const part of parts) {
    hash.update(part);
    hash.update("\u0000");
  }
  return hash.digest("hex");
}

const settingsCache = new WeakMap<object, WeakMap<readonly Rule[], Map<string, RuleSettings>>>();

/** Rule settings validated once per (config, rules, config file): workers run many small batches with the same ones. */
function settingsFor(rules: readonly Rule[], config: RunRulesInput["config"], configFile: string | undefined): RuleSettings {
  let byRules = settingsCache.get(config);
  if (byRules === undefined) {
    byRules = new WeakMap();
    settingsCache.set(config, byRules);
  }
  let byFile = byRules.get(rules);
  if (byFile === undefined) {
    byFile = new Map();
    byRules.set(rules, byFile);
  }
  let settings = byFile.get(configFile ?? "");
  if (settings === undefined) {
    settings = new RuleSettings(rules, config, configFile);
    byFile.set(configFile ?? "", settings);
  }
  return settings;
}

/** The shard (1-based) a path belongs to among `count`: a hash of the path, so the split is deterministic. */
export function shardOf(file: string, count: number): number {
  return (createHash("sha1").update(file).digest().readUInt32BE(0) % count) + 1;
}

interface CachedFile {
  readonly findings: Finding[];
  readonly suppressed: number;
}

function isCachedFile(value: unknown): value is CachedFile {
  return typeof value === "object" && value !== null && Array.isArray((value as CachedFile).findings) && typeof (value as CachedFile).suppressed === "number";
}

/** Folders that hold tests: a project with its own package.json inside one is a fixture. */
const TEST_FOLDERS = new Set(["test", "tests", "__tests__", "e2e", "__e2e__"]);

/**
 * Run the rules over the files: each JS/TS file is parsed once (ts-morph, in-memory, no type
 * checker, no dependency resolution) and its tree shared by every file rule and, in a full
 * check, by the repository rules; repository rules run once. Per-rule and per-path settings and
 * inline suppressions are applied. With a `cache`, a file whose content, path and rule settings
 * are unchanged reuses its findings, and a repository rule whose inputs are all unchanged too.
 */
export async function runRules(input: RunRulesInput): Promise<RunRulesResult> {
  const settings = settingsFor(input.rules, input.config, input.configFile);
  const classifier = classifierFor(input.config.files);
  const classSets = new WeakMap<EffectiveSetting, ReadonlySet<FileClass>>();
  const judgesClass = (rule: Rule, setting: EffectiveSetting, cls: FileClass): boolean => {
    let set = classSets.get(setting);
    if (set === undefined) {
      set = ruleClasses(rule, setting, input.config.files);
      classSets.set(setting, set);
    }
    return set.has(cls);
  };
  const fileClasses = new Map<string, FileClass>();
  const progress = input.onProgress;
  const total = input.files.length;
  const ignored = input.config.ignore.length > 0 ? picomatch(input.config.ignore, { dot: true }) : () => false;
  const fileRules = input.rules.filter((rule): rule is FileRule & { docsPage: string; docs: string | undefined } => rule.scope === "file");
  const runRepoRules = input.shard === undefined || input.shard.index === 1;
  const repoRules = runRepoRules ? input.rules.filter((rule): rule is RepoRule & { docsPage: string; docs: string | undefined } => rule.scope === "repo") : [];
  const collector = new FindingCollector();
  const sources = new Map<string, string>();
  const texts = new Map<string, string>();
  const asts = new Map<string, TS.SourceFile>();
  const suppressionsByFile = new Map<string, Suppression[]>();
  const salt = input.cacheSalt ?? "";
  const inputDigest: string[] = [];
  let suppressed = 0;
  let checked = 0;
  let cachedFiles = 0;
  const keepAsts = input.mode === "full" && repoRules.length > 0;
  const pooled = new Set(BUILTIN_RULES);
  const useWorkers =
    (input.workers ?? 0) > 1 && input.mode === "full" && input.files.length >= WORKER_THRESHOLD && fileRules.every((rule) => pooled.has(rule)) && workersAvailable();
  const deferred: { path: string; text: string; cacheKey: string | undefined }[] = [];

  // A project inside a test folder with its own package.json that is no workspace package (jest's
  // e2e/<case>/package.json) is a fixture another test runs: its files are kept as they are.
  let workspaceDirs: Promise<Set<string>> | undefined;
  /** Per folder: no package.json, a fixture project, or another package.json (the nearest one decides). */
  const projectAt = new Map<string, Promise<"none" | "fixture" | "package">>();
  const fixtureProject = async (file: string): Promise<boolean> => {
    const parts = file.split("/");
    const testAt = parts.slice(0, -1).findIndex((part) => TEST_FOLDERS.has(part));
    if (testAt < 0) return false;
    // A package.json in the test folder itself, or one that only marks a module type, makes no project.
    for (let depth = parts.length - 1; depth > testAt + 1; depth -= 1) {
      const dir = parts.slice(0, depth).join("/");
      let known = projectAt.get(dir);
      if (known === undefined) {
        known = (async (): Promise<"none" | "fixture" | "package"> => {
          if (!(await input.exists(`${dir}/package.json`))) return "none";
          const raw = await (input.read ?? ((file: string) => readFile(path.join(input.root, file)).catch(() => undefined)))(`${dir}/package.json`);
          let manifest: unknown;
          try {
            manifest = raw === undefined ? undefined : JSON.parse(raw.toString("utf8"));
          } catch {
            return "none";
          }
          if (typeof manifest !== "object" || manifest === null) return "none";
          const project = ["name", "dependencies", "devDependencies", "scripts", "jest", "vitest"].some((key) => key in manifest);
          if (!project) return "none";
          workspaceDirs ??= listWorkspacePackages(input.root).then((packages) => new Set(packages.map((p) => p.dir)), () => new Set<string>());
          return (await workspaceDirs).has(dir) ? "package" : "fixture";
        })();
        projectAt.set(dir, known);
      }
      const found = await known;
      if (found !== "none") return found === "fixture";
    }
    return false;
  };
  const classify = async (file: string, content: Buffer): Promise<FileClass> => {
    const found = classifier.classify(file, content);
    if ((found.class === "test" || found.class === "source" || found.class === "config") && !found.reason.startsWith("config ") && (await fixtureProject(file))) return "fixture";
    return found.class;
  };

  let seen = 0;
  for (const file of input.files) {
    seen += 1;
    progress?.({ phase: "files", done: seen, total });
    if (ignored(file.path)) continue;
    const content = typeof file.content === "string" ? Buffer.from(file.content) : file.content;
    const fileClass = await classify(file.path, content);
    fileClasses.set(file.path, fileClass);
    if (isBinary(content)) continue;
    const text = content.toString("utf8");
    texts.set(file.path, text);
    if (input.cache !== undefined) inputDigest.push(file.path, hashOf(content));
    const suppressions = parseSuppressions(text);
    suppressionsByFile.set(file.path, suppressions);
    if (input.shard !== undefined && shardOf(file.path, input.shard.count) !== input.shard.index) continue;
    checked += 1;
    const language = languageOf(file.path);
    const active = fileRules.filter((rule) => {
      if (!appliesTo(rule, language)) return false;
      const setting = settings.forFile(rule.id, file.path);
      return setting.level !== "off" && judgesClass(rule, setting, fileClass);
    });
    if (active.length === 0) continue;
    if (input.keepSources !== false) sources.set(file.path, text);
    let cacheKey: string | undefined;
    if (input.cache !== undefined) {
      const signature = JSON.stringify(active.map((rule) => [rule.id, settings.forFile(rule.id, file.path)]));
      cacheKey = hashOf("file", salt, file.path, signature, inputDigest[inputDigest.length - 1] ?? "");
      const hit = input.cache.get(cacheKey);
      if (isCachedFile(hit)) {
        collector.findings.push(...hit.findings);
        suppressed += hit.suppressed;
        cachedFiles += 1;
        continue;
      }
    }
    if (useWorkers) {
      deferred.push({ path: file.path, text, cacheKey });
      continue;
    }
    const before = collector.findings.length;
    const suppressedBefore = suppressed;
    const needsParse = (language === "ts" || language === "js") && active.some((rule) => rule.languages.includes(language));
    const parser = needsParse ? await loadParser() : undefined;
    // One parse per file, parents set, shared by every rule; no program, no type checker.
    const ast = parser?.ts.createSourceFile(`/${file.path}`, text, parser.ts.ScriptTarget.ESNext, true, scriptKindOf(parser.ts, file.path));
    const lines = text.split("\n");
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
          fileClass,
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
      if (ast !== undefined && keepAsts) asts.set(file.path, ast);
    }
    if (cacheKey !== undefined) {
      input.cache?.set(cacheKey, { findings: collector.findings.slice(before), suppressed: suppressed - suppressedBefore });
    }
  }

  if (deferred.length > 0) {
    const results = await checkInWorkers(deferred, {
      config: {
        rules: input.config.rules,
        overrides: input.config.overrides,
        ignore: input.config.ignore,
        ...(input.config.files === undefined ? {} : { files: input.config.files }),
      },
      configFile: input.configFile,
      ruleIds: fileRules.map((rule) => rule.id),
      threads: input.workers ?? 1,
    });
    results.forEach((result, index) => {
      collector.findings.push(...result.findings);
      suppressed += result.suppressed;
      const key = deferred[index]?.cacheKey;
      if (key !== undefined) input.cache?.set(key, { findings: result.findings, suppressed: result.suppressed });
    });
  }

  const paths = [...texts.keys()];
  const commits = input.commits ?? [];
  const readOther = input.read ?? ((file: string) => readFile(path.join(input.root, file)).catch(() => undefined));
  const readText = async (file: string): Promise<string | undefined> => {
    const known = texts.get(file);
    if (known !== undefined) return known;
    const content = await readOther(file);
    return content === undefined || isBinary(content) ? undefined : content.toString("utf8");
  };
  let listed: Promise<readonly string[]> | undefined;
  const listFiles = (): Promise<readonly string[]> => {
    listed ??= input.listAll === undefined || input.mode === "full" ? Promise.resolve(paths) : input.listAll().then((all) => all.filter((p) => !ignored(p)));
    return listed;
  };
  const parse = async (file: string): Promise<ParsedFile | undefined> => {
    const language = languageOf(file);
    if (language !== "ts" && language !== "js") return undefined;
    const parser = await loadParser();
    const known = asts.get(file);
    if (known !== undefined) return { ast: known, ts: parser.ts };
    const text = await readText(file);
    if (text === undefined) return undefined;
    const ast = parser.ts.createSourceFile(`/${file}`, text, parser.ts.ScriptTarget.ESNext, true, scriptKindOf(parser.ts, file));
    if (keepAsts) asts.set(file, ast);
    return { ast, ts: parser.ts };
  };
  const classOf = (file: string): FileClass => {
    let cls = fileClasses.get(file);
    if (cls === undefined) {
      cls = classifier.classify(file, texts.get(file)).class;
      fileClasses.set(file, cls);
    }
    return cls;
  };
  const repoDigest =
    input.cache !== undefined && input.mode === "full"
      ? hashOf(salt, ...inputDigest, ...commits.map((c) => `${c.oid}:${c.message}`))
      : undefined;

  for (const rule of repoRules) {
    const setting = settings.global(rule.id);
    if (setting.level === "off") continue;
    const cacheKey =
      repoDigest === undefined
        ? undefined
        : hashOf("repo", rule.id, JSON.stringify(setting), JSON.stringify(input.config.overrides), JSON.stringify(input.config.files ?? null), repoDigest);
    progress?.({ phase: "repo", rule: rule.id, index: repoRules.indexOf(rule) + 1, total: repoRules.length });
    if (cacheKey !== undefined) {
      const hit = input.cache?.get(cacheKey);
      if (isCachedFile(hit)) {
        collector.findings.push(...hit.findings);
        suppressed += hit.suppressed;
        continue;
      }
    }
    const before = collector.findings.length;
    const suppressedBefore = suppressed;
    await rule.check({
      root: input.root,
      options: setting.options,
      mode: input.mode,
      files: paths,
      commits,
      exists: input.exists,
      readText,
      listFiles,
      classOf,
      judges: (file) => {
        const local = settings.forFile(rule.id, file);
        return local.level !== "off" && judgesClass(rule, local, classOf(file));
      },
      parse,
      report: (descriptor) => {
        const local = settings.forFile(rule.id, descriptor.file);
        if (local.level === "off" || !judgesClass(rule, local, classOf(descriptor.file))) return;
        const lines = texts.get(descriptor.file)?.split("\n") ?? [];
        const { position, key } = positionOf(descriptor, undefined, lines);
        if (isSuppressed(suppressionsByFile.get(descriptor.file) ?? [], rule.id, position.line)) {
          suppressed += 1;
          return;
        }
        const text = texts.get(descriptor.file);
        if (text !== undefined && input.keepSources !== false) sources.set(descriptor.file, text);
        collector.add(rule, local.level, descriptor.file, descriptor, position, key);
      },
    });
    if (cacheKey !== undefined) {
      input.cache?.set(cacheKey, { findings: collector.findings.slice(before), suppressed: suppressed - suppressedBefore });
    }
  }

  return { findings: collector.findings.sort(compareFindings), sources, files: checked, suppressed, cached: cachedFiles };
}

function scriptKindOf(tsApi: typeof TS, file: string): TS.ScriptKind {
  if (/\.tsx$/.test(file)) return tsApi.ScriptKind.TSX;
  if (/\.jsx$/.test(file)) return tsApi.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return tsApi.ScriptKind.JS;
  return tsApi.ScriptKind.TS;
}
