import { closeSync, openSync, readSync } from "node:fs";
import picomatch from "picomatch";
import { z } from "zod";

/**
 * The classes of files Warden tells apart. Rules judge hand-written files (source, tests, docs,
 * config); fixtures, snapshots, generated, vendored and build output are kept as they are by
 * other tools or on purpose, and no rule judges them as if they were written by hand.
 */
export const FILE_CLASSES = ["source", "test", "fixture", "snapshot", "generated", "vendored", "build", "docs", "config"] as const;

/** One class of {@link FILE_CLASSES}. */
export type FileClass = (typeof FILE_CLASSES)[number];

/** The zod schema of a file class name. */
export const FileClassSchema = z.enum(FILE_CLASSES);

/** Classes no rule judges unless the rule declares them or its `classes` setting names them. */
export const NOT_HAND_WRITTEN: readonly FileClass[] = ["fixture", "snapshot", "generated", "vendored", "build"];

/** How many leading bytes of a file are read to look for a generated-file header. */
export const GENERATED_HEADER_BYTES = 1024;

/** The `files` section of the config: reclassifying paths and the classes rules skip. */
export const FilesSchema = z
  .object({
    classes: z
      .partialRecord(FileClassSchema, z.array(z.string().min(1)))
      .default({})
      .describe("Globs that put paths in a class, before Warden's own detection (e.g. { fixture: [\"e2e/cases/**\"], source: [\"fixtures/app/**\"] })."),
    skip: z
      .array(FileClassSchema)
      .default([...NOT_HAND_WRITTEN])
      .describe("Classes no rule judges, unless a rule declares them or its `classes` setting names them."),
  })
  .strict()
  .default({ classes: {}, skip: [...NOT_HAND_WRITTEN] });

/** The `files` config section after validation. */
export type FilesConfig = z.output<typeof FilesSchema>;

/** A file's class and why Warden chose it (a location, a header marker, a config glob). */
export interface Classification {
  readonly class: FileClass;
  readonly reason: string;
}

const VENDORED = /(?:^|\/)(?:node_modules|vendor|vendored|third_party|third-party|bower_components|\.yarn)\//;
const VENDORED_FILE = /(?:^|\/)\.pnp\.c?js$/;
const BUILD = /(?:^|\/)(?:dist|\.next|\.nuxt|\.output|\.svelte-kit|\.turbo|\.docusaurus|\.astro|coverage|storybook-static|\.vitepress\/(?:dist|cache))\//;
const SNAPSHOT_DIR = /(?:^|\/)__snapshots__\//;
const SNAPSHOT_FILE = /\.snap$/;
const FIXTURE = /(?:^|\/)(?:fixtures|__fixtures__|testdata)\//;
const GENERATED_DIR = /(?:^|\/)(?:__generated__|generated)\//;
const GENERATED_FILE =
  /(?:^|\/)(?:pnpm-lock\.yaml|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|bun\.lockb?|[^/]+\.(?:generated|gen)\.[a-z]+|[^/]+\.min\.(?:js|css)|[^/]+\.d\.ts\.map|[^/]+\.js\.map)$/;
const TEST = /(?:^|\/)(?:test|tests|__tests__|__mocks__|e2e)\/|\.(?:test|spec|bench|test-d)\.[cm]?[jt]sx?$/;
const DOCS_FILE = /\.(?:md|mdx|markdown|rst|adoc|txt)$/i;
const DOCS_DIR = /(?:^|\/)docs?\/(?!.*\.(?:[cm]?[jt]sx?|vue|svelte|astro)$)/;
const CONFIG_FILE =
  /(?:^|\/)(?:package\.json|tsconfig[^/]*\.json|jsconfig[^/]*\.json|[^/]+\.config\.[cm]?[jt]s|[^/]+\.config\.json|\.[^/]*rc(?:\.[a-z]+)?|[^/]+\.(?:ya?ml|toml|ini)|Dockerfile[^/]*|Containerfile|Makefile|\.gitignore|\.gitattributes|\.editorconfig|\.npmignore|\.dockerignore|\.nvmrc|\.node-version|\.env[^/]*|turbo\.json|nx\.json|lerna\.json|renovate\.json|biome\.jsonc?|deno\.jsonc?)$/;
const CONFIG_DIR = /(?:^|\/)(?:\.github|\.husky|\.changeset|\.vscode|\.devcontainer)\//;

/** A generated-file marker on a comment line: `@generated`, `DO NOT EDIT` (upper case), `Code generated … DO NOT EDIT.`. */
const GENERATED_MARKER = /^[ \t]*(?:\/\/|\/\*+|\*|#|<!--|--|;)[^\n`'"]*?(?:(?:^|[\s(])@generated(?=[\s).,:]|$)|\bDO NOT EDIT\b)/m;
/** "This file was automatically generated" and its variants, on a comment line, in any case. */
const GENERATED_SENTENCE = /^[ \t]*(?:\/\/|\/\*+|\*|#|<!--|--|;)[^\n`'"]*?\bthis file (?:is|was|has been) (?:auto(?:matically)?[- ]?generated|generated automatically)\b/im;

/** Whether the first bytes of a file carry a generated-file header (see {@link GENERATED_MARKER} and {@link GENERATED_SENTENCE}). */
export function hasGeneratedHeader(head: Buffer | string): boolean {
  const text = typeof head === "string" ? head.slice(0, GENERATED_HEADER_BYTES) : head.subarray(0, GENERATED_HEADER_BYTES).toString("utf8");
  return GENERATED_MARKER.test(text) || GENERATED_SENTENCE.test(text);
}

/** The first {@link GENERATED_HEADER_BYTES} bytes of a file on disk (empty when unreadable). */
export function readHead(absolute: string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, "r");
    const buffer = Buffer.alloc(GENERATED_HEADER_BYTES);
    const read = readSync(fd, buffer, 0, GENERATED_HEADER_BYTES, 0);
    return buffer.subarray(0, read);
  } catch {
    return Buffer.alloc(0); // unreadable (deleted, a folder): judged by its location alone
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Classifies repository-relative paths: config globs first (in {@link FILE_CLASSES} order), then
 * locations (vendored, build output, snapshots, fixtures, generated), then a generated-file header
 * in the first bytes, then tests, docs and config by name; everything else is source.
 */
export class FileClassifier {
  private readonly globs: { readonly cls: FileClass; readonly match: (file: string) => boolean; readonly globs: string }[];

  constructor(config: Partial<FilesConfig> = {}) {
    this.globs = FILE_CLASSES.flatMap((cls) => {
      const globs = config.classes?.[cls] ?? [];
      return globs.length === 0 ? [] : [{ cls, match: picomatch(globs, { dot: true }), globs: globs.join(", ") }];
    });
  }

  /** The class of a path from its location alone (no content). */
  byLocation(file: string): Classification | undefined {
    for (const glob of this.globs) if (glob.match(file)) return { class: glob.cls, reason: `config files.classes.${glob.cls}` };
    if (VENDORED.test(file) || VENDORED_FILE.test(file)) return { class: "vendored", reason: "location" };
    if (BUILD.test(file)) return { class: "build", reason: "location" };
    if (SNAPSHOT_DIR.test(file) || SNAPSHOT_FILE.test(file)) return { class: "snapshot", reason: "location" };
    if (FIXTURE.test(file)) return { class: "fixture", reason: "location" };
    if (GENERATED_DIR.test(file) || GENERATED_FILE.test(file)) return { class: "generated", reason: "location" };
    return undefined;
  }

  /** The class of a path by its name when no location or header decides it: test, docs, config or source. */
  byName(file: string): Classification {
    if (TEST.test(file)) return { class: "test", reason: "name" };
    if (DOCS_FILE.test(file) || DOCS_DIR.test(file)) return { class: "docs", reason: "name" };
    if (CONFIG_FILE.test(file) || CONFIG_DIR.test(file)) return { class: "config", reason: "name" };
    return { class: "source", reason: "default" };
  }

  /**
   * The class of a file. `head` is its content or its first bytes (only the first
   * {@link GENERATED_HEADER_BYTES} are looked at); without it, a generated header cannot be seen.
   */
  classify(file: string, head?: Buffer | string): Classification {
    const located = this.byLocation(file);
    if (located !== undefined) return located;
    if (head !== undefined && hasGeneratedHeader(head)) return { class: "generated", reason: "header" };
    return this.byName(file);
  }
}
