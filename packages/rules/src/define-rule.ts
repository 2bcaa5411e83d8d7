import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FileClass, Severity } from "@warden/core";
import type ts from "typescript";
import type { z } from "zod";

/** Languages a file-scope rule can ask for; `*` means any file (path and text only, no parse). */
export type Language = "ts" | "js" | "md" | "json" | "*";

/** A message a rule reports: the sentence (with `{{name}}` placeholders) and the fix hint. */
export interface RuleMessage {
  readonly message: string;
  readonly hint: string;
}

/** Where a report points: a compiler node, or an explicit 1-based position. */
export type ReportLocation =
  | { readonly node: ts.Node }
  | { readonly line: number; readonly column?: number; readonly endLine?: number; readonly endColumn?: number };

/** One report from a rule. `key` identifies the offending thing for the fingerprint (defaults to the node's text). */
export type ReportDescriptor<M extends string> = ReportLocation & {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly key?: string;
};

/** What a file-scope rule sees for one file. */
export interface FileContext<O, M extends string> {
  readonly file: string;
  readonly text: string;
  readonly options: O;
  readonly isTestFile: boolean;
  /** The file's class (source, test, docs, config, …; see `warden files`). */
  readonly fileClass: FileClass;
  /** The raw compiler node of the file, for fast walks with `ts.forEachChild`. */
  readonly ast: ts.SourceFile | undefined;
  /** The TypeScript compiler API (the `typescript` package, the same version the repository type-checks with); defined whenever `ast` is. */
  readonly ts: typeof ts | undefined;
  report(descriptor: ReportDescriptor<M>): void;
}

/** A commit of the range being checked (pre-push, CI): its id, full message and the paths it changed. */
export interface CommitInfo {
  readonly oid: string;
  readonly message: string;
  readonly files: readonly string[];
}

/** A parsed JS/TS file handed to repository rules: the raw compiler tree and the compiler API. */
export interface ParsedFile {
  readonly ast: ts.SourceFile;
  readonly ts: typeof ts;
}

/** What a repository-scope rule sees. */
export interface RepoContext<O, M extends string> {
  readonly root: string;
  readonly options: O;
  /** "full" checks the whole repository; "changes" checks only `changed` paths (staged, range, or explicit paths). */
  readonly mode: "full" | "changes";
  /** Repository-relative paths being checked. */
  readonly files: readonly string[];
  /** The commits being checked (a pushed range or `--range`); empty for other checks. */
  readonly commits: readonly CommitInfo[];
  /** Whether a repository-relative path exists in the state being checked (index for staged checks). */
  exists(file: string): Promise<boolean>;
  /** The text of a file in the state being checked; undefined when it does not exist or is binary. */
  readText(file: string): Promise<string | undefined>;
  /** Every file of the repository in the state being checked (in a full check: `files`). Costs O(repo): call it only when needed. */
  listFiles(): Promise<readonly string[]>;
  /** The class of a repository-relative path (by location, then by a generated header when its text is known, then by name). */
  classOf(file: string): FileClass;
  /** Whether this rule judges the file: its class is one the rule applies to (reports on other files are dropped). */
  judges(file: string): boolean;
  /** The parsed tree of a JS/TS file, reused from the file pass when it was parsed there. */
  parse(file: string): Promise<ParsedFile | undefined>;
  report(descriptor: ReportDescriptor<M> & { readonly file: string }): void;
}

interface RuleBase<O, M extends string> {
  /** "category/name"; the docs page is docs/rules/<id>.md. */
  readonly id: string;
  /** The written rule this check enforces, e.g. "Rule 1". */
  readonly enforces: string;
  /** One line: what the rule reports. */
  readonly description: string;
  readonly messages: Readonly<Record<M, RuleMessage>>;
  /** The zod schema of the rule's options, with defaults. */
  readonly options: z.ZodType<O>;
  readonly defaultLevel: Severity | "off";
  /**
   * The file classes the rule applies to; "any" for every class. Default: every class but those in
   * the config's `files.skip` (fixtures, snapshots, generated, vendored and build output unless
   * configured otherwise). Users change it per rule with the `classes` setting.
   */
  readonly classes?: readonly FileClass[] | "any";
}

/** A rule that looks at one file at a time. */
export interface FileRule<O = unknown, M extends string = string> extends RuleBase<O, M> {
  readonly scope: "file";
  readonly languages: readonly Language[];
  check(context: FileContext<O, M>): void;
}

/** A rule that looks at the repository as a whole. */
export interface RepoRule<O = unknown, M extends string = string> extends RuleBase<O, M> {
  readonly scope: "repo";
  check(context: RepoContext<O, M>): Promise<void>;
}

/**
 * Any rule, with its docs derived from its id: `docsPage`, the page in Warden's repository (the
 * source the catalogue is written from), and `docs`, where the user can read it — the page as
 * installed with the running Warden, or undefined when no page ships with it (never a path that
 * exists only in Warden's repository).
 */
export type Rule<O = unknown, M extends string = string> = (FileRule<O, M> | RepoRule<O, M>) & { readonly docsPage: string; readonly docs: string | undefined };

/** Docs page of a rule id in Warden's repository. */
export function docsPathOf(id: string): string {
  return `docs/rules/${id}.md`;
}

let installedDocsRoot: string | null | undefined;
/**
 * The folder holding the rule pages that came with the running code: `docs/rules/` in the package
 * the code was loaded from (an installed `@warden/cli` that ships its docs), or in the Warden
 * repository it runs from. Found once; null when neither has them.
 */
function installedDocs(): string | null {
  if (installedDocsRoot !== undefined) return installedDocsRoot;
  installedDocsRoot = null;
  let dir: string;
  try {
    dir = path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return installedDocsRoot;
  }
  for (let depth = 0; depth < 6; depth += 1) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      let name: unknown;
      try {
        name = (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name;
      } catch {
        name = undefined;
      }
      // Only Warden's own packages or repository: never a docs/ folder of the user's project.
      if (typeof name === "string" && (name.startsWith("@warden/") || name === "warden-monorepo") && existsSync(path.join(dir, "docs/rules/README.md"))) {
        installedDocsRoot = path.join(dir, "docs/rules");
        return installedDocsRoot;
      }
      if (name !== undefined && typeof name === "string" && !name.startsWith("@warden/")) return installedDocsRoot;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return installedDocsRoot;
}

/** Where the user can read a rule's page: the installed page's absolute path, or undefined when none ships. */
export function docsLinkOf(id: string): string | undefined {
  const root = installedDocs();
  if (root === null) return undefined;
  const page = path.join(root, `${id}.md`);
  return existsSync(page) ? page : undefined;
}

/**
 * Define a rule. The docs path is derived from the id so the two cannot drift; ids are
 * "category/name" in lowercase kebab-case.
 */
export function defineRule<O, M extends string>(rule: FileRule<O, M> | RepoRule<O, M>): Rule<O, M> {
  if (!/^[a-z]+\/[a-z0-9-]+$/.test(rule.id)) throw new Error(`rule id "${rule.id}" must look like "category/name"`);
  return { ...rule, docsPage: docsPathOf(rule.id), docs: docsLinkOf(rule.id) } as Rule<O, M>;
}
