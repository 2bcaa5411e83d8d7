import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { z } from "zod";
import { maskTokens, WardenError } from "../errors.js";
import { WardenConfigSchema, type WardenConfig } from "./schema.js";

/** Config file names, in the order they are looked for. */
export const CONFIG_FILES = [
  "warden.config.ts",
  "warden.config.mts",
  "warden.config.cts",
  "warden.config.js",
  "warden.config.mjs",
  "warden.config.cjs",
  "warden.config.json",
] as const;

/** A loaded and validated config, with the file it came from (undefined for the defaults). */
export interface LoadedConfig {
  readonly config: WardenConfig;
  readonly file: string | undefined;
}

/** Find the config file in `dir`, if there is one. */
export function findConfigFile(dir: string): string | undefined {
  for (const name of CONFIG_FILES) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function formatPath(keyPath: readonly PropertyKey[]): string {
  if (keyPath.length === 0) return "(root)";
  return keyPath
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      const text = String(key);
      const plain = /^[A-Za-z_$][\w$]*$/.test(text);
      if (plain) return index === 0 ? text : `.${text}`;
      return `[${JSON.stringify(text)}]`;
    })
    .join("");
}

/** Render the first zod issue as "`file`: `key.path`: what was expected". */
export function formatConfigIssue(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return `${file}: invalid config`;
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(", ");
    const where = issue.path.length === 0 ? "at the top level" : `in ${formatPath(issue.path)}`;
    return `${file}: unknown key ${keys} ${where}`;
  }
  return `${file}: ${formatPath(issue.path)}: ${issue.message}`;
}

/** Validate a raw config object; throws a {@link WardenError} naming the file and key path. */
export function parseConfig(raw: unknown, file: string): WardenConfig {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new WardenError("CONFIG_INVALID", `${file}: the config must export an object (export default defineConfig({ … }))`);
  }
  const result = WardenConfigSchema.safeParse(raw);
  if (!result.success) throw new WardenError("CONFIG_INVALID", formatConfigIssue(file, result.error));
  return result.data;
}

/** Module specifiers a config file may import, mapped to the file that serves them (see {@link aliasConfigImport}). */
const configImportAliases = new Map<string, string>();

/**
 * Serve `import … from specifier` in config files from `target`, whatever is installed (or not)
 * beside the config: the running CLI maps "@warden/cli" to itself, so `defineConfig` loads when
 * warden runs from a global install or another folder.
 */
export function aliasConfigImport(specifier: string, target: string): void {
  configImportAliases.set(specifier, target);
}

async function importWithJiti(file: string): Promise<unknown> {
  const { createJiti } = await import("jiti");
  const jiti = createJiti(pathToFileURL(file).href, { interopDefault: true, fsCache: true, moduleCache: false, alias: Object.fromEntries(configImportAliases) });
  return jiti.import(file, { default: true });
}

/** Whether `error` is Node's "cannot find package X" for an aliased specifier. */
function missingAliasedImport(error: unknown): boolean {
  if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") return false;
  return [...configImportAliases.keys()].some((specifier) => error.message.includes(`'${specifier}'`));
}

async function importModule(file: string): Promise<unknown> {
  const ext = path.extname(file);
  if (ext === ".ts" || ext === ".mts" || ext === ".cts") return importWithJiti(file);
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return mod.default ?? mod;
  } catch (error) {
    // A JavaScript config importing "@warden/cli" where it is not installed: load it through the alias.
    if (missingAliasedImport(error)) return importWithJiti(file);
    throw error;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((line) => line.trim() !== "")?.trim() ?? "unknown error";
}

/**
 * Load `warden.config.*` from `dir` (or the explicit `file`), validate it and fill in defaults.
 * With no config file the defaults apply. Errors name the file and the key path.
 */
export async function loadConfig(dir: string, file?: string): Promise<LoadedConfig> {
  const configFile = file === undefined ? findConfigFile(dir) : path.resolve(dir, file);
  if (configFile === undefined) return { config: WardenConfigSchema.parse({}), file: undefined };
  const display = path.relative(dir, configFile) || configFile;
  if (!existsSync(configFile)) {
    throw new WardenError("CONFIG_NOT_FOUND", `${display}: config file not found`);
  }
  let raw: unknown;
  try {
    if (configFile.endsWith(".json")) {
      raw = JSON.parse(await readFile(configFile, "utf8"));
    } else {
      raw = await importModule(configFile);
    }
  } catch (error) {
    // The parser's message may quote the file (a pasted token included): print it masked.
    throw new WardenError("CONFIG_LOAD", `${display}: cannot load config: ${maskTokens(firstLine(error))}`, { cause: error });
  }
  return { config: parseConfig(raw, display), file: configFile };
}
