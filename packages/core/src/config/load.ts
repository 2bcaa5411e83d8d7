import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isMainThread, Worker } from "node:worker_threads";
import type { Jiti, TransformOptions, TransformResult } from "jiti";
import type { z } from "zod";
import { currentEnv } from "../env.js";
import { isWardenError, maskTokens, WardenError } from "../errors.js";
import { checkLinkTarget, configFingerprint, findConfigFile } from "./locate.js";
import { WardenConfigSchema, type WardenConfig } from "./schema.js";

/** A loaded and validated config, with the file it came from (undefined for the defaults). */
export interface LoadedConfig {
  readonly config: WardenConfig;
  readonly file: string | undefined;
}

/**
 * A config key as echoed in an error. A key shaped like a config key (camelCase, up to 24
 * characters) is shown as written; anything else may be a pasted token, whose token-like runs keep
 * 4 characters (see maskTokens). The CLI's output redactor runs over the whole message after.
 */
function maskKey(key: string): string {
  return /^[a-z][A-Za-z0-9]{0,23}$/.test(key) ? key : maskTokens(key.replace(/"/g, "'"));
}

function formatPath(keyPath: readonly PropertyKey[]): string {
  if (keyPath.length === 0) return "(root)";
  return keyPath
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      // Keys come from the user's config (a token pasted as a key): token-like runs are shortened.
      const text = maskKey(String(key));
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
    const keys = issue.keys.map((k) => JSON.stringify(maskKey(k))).join(", ");
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


/** How long a config may take to load (WARDEN_CONFIG_TIMEOUT_MS, default 10 s). */
export function configTimeoutMs(env: NodeJS.ProcessEnv = currentEnv()): number {
  const value = Number(env.WARDEN_CONFIG_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : 10_000;
}

/**
 * The watchdog source (a CommonJS worker thread): it sleeps on a shared flag for the bound and,
 * if the config has not finished by then, claims the flag and stops the JavaScript running on the
 * main thread (the config's synchronous loop) through the inspector's `Runtime.terminateExecution`.
 * It never runs user code and holds no data.
 */
const WATCHDOG_SOURCE = `
const { workerData } = require("node:worker_threads");
const { state, ms } = workerData;
if (Atomics.wait(state, 0, 0, ms) === "timed-out" && Atomics.compareExchange(state, 0, 0, 2) === 0) {
  const { Session } = require("node:inspector");
  const session = new Session();
  session.connectToMainThread();
  session.post("Runtime.terminateExecution");
}
`;

/** Flag values shared with the watchdog: loading, finished, cut by the watchdog, timed out (async). */
const LOADING = 0;
const FINISHED = 1;
const CUT = 2;
const TIMED_OUT = 3;

/**
 * A guard for a config evaluated on the main thread: no timer of the main thread can interrupt a
 * synchronous loop (`while (true) {}` at a config's top level), so a watchdog thread does. It costs
 * one idle thread while the config loads (started without waiting for it; it exits as soon as
 * the load ends). Not on worker threads: the warm server's main thread watches its own threads.
 */
interface Watchdog {
  /** Claim the flag for `to` (the watchdog then exits); false when the watchdog cut the config first. */
  claim(to: typeof FINISHED | typeof TIMED_OUT): boolean;
}

function startWatchdog(ms: number): Watchdog | undefined {
  if (!isMainThread || process.features.inspector !== true) return undefined;
  const state = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { state, ms }, stdout: true, stderr: true });
  } catch {
    return undefined; // no threads (a restricted runtime): the async bound still applies
  }
  worker.unref();
  worker.on("error", () => undefined);
  return {
    claim(to) {
      const before = Atomics.compareExchange(state, 0, LOADING, to);
      Atomics.notify(state, 0);
      void worker.terminate();
      return before !== CUT;
    },
  };
}

/**
 * Settle `promise` within `ms`, or fail with one line. In a one-shot run a config promise that
 * has nothing left to wait for (`new Promise(() => {})`) is reported at once, when the event loop
 * empties, instead of Node's silent exit 13; one that never yields (a synchronous loop) is cut by
 * the watchdog at the bound.
 */
function settleWithin<T>(promise: Promise<T>, display: string, ms: number, watchdog: Watchdog | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const loop = `it did not finish within ${ms} ms (it never yields: a synchronous loop?)`;
    // Every way out claims the shared flag first, so the watchdog stands down (or, if it cut the
    // config's loop, the answer says so).
    const end = (to: typeof FINISHED | typeof TIMED_OUT): boolean => {
      clearTimeout(timer);
      process.off("beforeExit", onBeforeExit);
      return watchdog === undefined || watchdog.claim(to);
    };
    const fail = (why: string): void => reject(new WardenError("CONFIG_LOAD", `${display}: cannot load config: ${why}; WARDEN_CONFIG_TIMEOUT_MS sets the bound`));
    const timer = setTimeout(() => fail(end(TIMED_OUT) ? `it did not settle within ${ms} ms (a promise that never resolves?)` : loop), ms);
    timer.unref();
    const onBeforeExit = (): void => fail(end(TIMED_OUT) ? "it never settles (its promise waits on nothing that can finish)" : loop);
    process.once("beforeExit", onBeforeExit);
    promise.then(
      (value) => (end(FINISHED) ? resolve(value) : fail(loop)),
      (error: unknown) => (end(FINISHED) ? reject(error) : fail(loop)),
    );
  });
}

/**
 * Run `load` with `process.exit` trapped: a config that exits the process (`process.exit(0)`)
 * would turn a failing check into a silent pass, so it is a config error instead.
 */
async function withExitTrapped<T>(display: string, load: () => Promise<T>): Promise<T> {
  const original = process.exit;
  let called: string | undefined;
  const trap = (code?: number | string | null): never => {
    called = code === undefined || code === null ? "" : String(code);
    throw new WardenError("CONFIG_LOAD", `${display}: cannot load config: it called process.exit(${called}); a config exports settings and must not end the run`);
  };
  process.exit = trap as typeof process.exit;
  try {
    const value = await load();
    if (called !== undefined) throw new WardenError("CONFIG_LOAD", `${display}: cannot load config: it called process.exit(${called}); a config exports settings and must not end the run`);
    return value;
  } finally {
    if (process.exit === trap) process.exit = original;
  }
}

/** The folder of Warden's per-user caches outside any repository (0700). */
function userCacheDir(name: string): string {
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  const dir = path.join(os.tmpdir(), `warden-${uid}`, name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/**
 * jiti's transpiler behind a cache that holds no config text: each entry is the transpiled code
 * encrypted (AES-256-GCM) with a key derived from the source it came from, and named by a hash
 * of that key. Only someone who already has the source can find or read an entry, so a token in
 * a config is never written to disk in plaintext. It lives in the per-user temp folder, never
 * in the repository (measured in docs/benchmarks.md: a cache hit skips loading Babel, ≈ 190 ms).
 */
function encryptedTranspileCache(transform: (opts: TransformOptions) => string): (opts: TransformOptions) => TransformResult {
  return (opts) => {
    const { source, ...rest } = opts;
    const key = createHash("sha256").update("warden-config-transpile-1\u0000").update(JSON.stringify(rest)).update("\u0000").update(source).digest();
    const name = createHash("sha256").update(key).digest("hex");
    let dir: string | undefined;
    try {
      dir = userCacheDir("config-transpile");
      const sealed = readFileSync(path.join(dir, name));
      const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return { code: Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString("utf8") };
    } catch {
      // No entry (or an unreadable one): transpile.
    }
    const code = transform(opts);
    if (dir !== undefined && !code.includes("__JITI_ERROR__")) {
      try {
        const iv = randomBytes(12);
        const cipher = createCipheriv("aes-256-gcm", key, iv);
        const body = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
        const temp = path.join(dir, `${name}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
        writeFileSync(temp, Buffer.concat([iv, cipher.getAuthTag(), body]), { mode: 0o600 });
        renameSync(temp, path.join(dir, name));
      } catch {
        // A cache that cannot be written only costs time.
      }
    }
    return { code };
  };
}

let transpiler: Jiti | undefined;

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

/** Whether `error` is Node's "cannot find package X" for an aliased specifier. */
function missingAliasedImport(error: unknown): boolean {
  if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") return false;
  return [...configImportAliases.keys()].some((specifier) => error.message.includes(`'${specifier}'`));
}

/** Import a JavaScript config natively; one that imports an aliased package that is not installed goes through jiti's alias. */
async function importJavaScript(file: string): Promise<unknown> {
  try {
    return await import(pathToFileURL(file).href);
  } catch (error) {
    if (missingAliasedImport(error)) return (await createConfigJiti(file)).import(file);
    throw error;
  }
}

async function createConfigJiti(file: string): Promise<Jiti> {
  const { createJiti } = await import("jiti");
  transpiler ??= createJiti(pathToFileURL(file).href, { fsCache: false, moduleCache: false });
  const base = transpiler;
  return createJiti(pathToFileURL(file).href, {
    interopDefault: true,
    fsCache: false,
    moduleCache: false,
    alias: Object.fromEntries(configImportAliases),
    transform: encryptedTranspileCache((opts) => base.transform(opts)),
  });
}

/** A module namespace (or CommonJS exports) with nothing exported. */
function exportsNothing(mod: unknown): boolean {
  return mod !== null && typeof mod === "object" && !("default" in mod) && Object.keys(mod).length === 0;
}

async function importModule(file: string, display: string): Promise<unknown> {
  const ext = path.extname(file);
  const mod: unknown =
    ext === ".ts" || ext === ".mts" || ext === ".cts" ? await (await createConfigJiti(file)).import(file) : await importJavaScript(file);
  if (exportsNothing(mod)) throw new WardenError("CONFIG_LOAD", `${display}: cannot load config: it exports nothing (expected export default defineConfig({ … }))`);
  const value = mod !== null && typeof mod === "object" && "default" in mod ? (mod as { default: unknown }).default : mod;
  return value; // a promise (export default new Promise(…)) is awaited, within the bound, by the caller
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((line) => line.trim() !== "")?.trim() ?? "unknown error";
}

/** `:line:column` and message of a syntax error in a config's source, found by re-parsing it (only on the error path). */
async function syntaxLocation(file: string, source: string, error: unknown): Promise<{ where: string; message: string } | undefined> {
  if (file.endsWith(".json")) {
    const position = /at position (\d+)/.exec(firstLine(error));
    if (position === null) return undefined;
    const before = source.slice(0, Number(position[1]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return { where: `:${line}:${column}`, message: firstLine(error).replace(/\s*in JSON at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "") };
  }
  const message = firstLine(error);
  try {
    const { createJiti } = await import("jiti");
    transpiler ??= createJiti(pathToFileURL(file).href, { fsCache: false, moduleCache: false });
    const code = transpiler.transform({ source, filename: file, ts: /\.[cm]?ts$/.test(file), async: true });
    const found = /__JITI_ERROR__ = (\{.*\})/.exec(code);
    if (found === null) return undefined;
    const parsed = JSON.parse(found[1] ?? "{}") as { line?: number; column?: number; message?: string };
    if (parsed.line === undefined) return undefined;
    // Quoted punctuation (`expected ","`) cannot hold a secret: shown in single quotes, which the masking keeps.
    const text = (parsed.message ?? message).trim().replace(/"([^\w\s"\\]{1,3})"/g, "'$1'");
    return { where: `:${parsed.line}:${(parsed.column ?? 0) + 1}`, message: `syntax error: ${text}` };
  } catch {
    return undefined;
  }
}

const loaded = new Map<string, string>();
/** Fingerprints of configs (and what they import) that finished loading within the bound in this process. */
const finished = new Set<string>();
const loadListeners: ((phase: "start" | "end", display: string) => void)[] = [];

/**
 * Be told when a JavaScript or TypeScript config starts and ends loading: the warm server watches
 * the time a config takes from outside its thread (a config stuck in a synchronous loop cannot
 * time itself out).
 */
export function onConfigLoad(listener: (phase: "start" | "end", display: string) => void): void {
  loadListeners.push(listener);
}

/**
 * The JavaScript and TypeScript configs this process has loaded, with the fingerprint each had
 * ({@link configFingerprint}); the warm server retires a thread whose configs changed since.
 */
export function loadedConfigs(): ReadonlyMap<string, string> {
  return loaded;
}

/**
 * Load `warden.config.*` from `dir` (or the explicit `file`), validate it and fill in defaults.
 * With no config file the defaults apply. Errors are one line naming the file (and the line and
 * column of a syntax error, the key path of an invalid value). A config that does not settle
 * within {@link configTimeoutMs}, exits the process, or exports nothing is an error.
 */
export async function loadConfig(dir: string, file?: string): Promise<LoadedConfig> {
  const configFile = file === undefined ? findConfigFile(dir) : path.resolve(dir, file);
  if (configFile === undefined) return { config: WardenConfigSchema.parse({}), file: undefined };
  const display = path.relative(dir, configFile) || configFile;
  if (file !== undefined) {
    try {
      lstatSync(configFile);
    } catch {
      throw new WardenError("CONFIG_NOT_FOUND", `${display}: config file not found`);
    }
    checkLinkTarget(configFile, display);
  }
  const source = await readFile(configFile, "utf8");
  if (source.trim() === "") throw new WardenError("CONFIG_LOAD", `${display}: cannot load config: the file is empty (expected export default defineConfig({ … }))`);
  let raw: unknown;
  try {
    if (configFile.endsWith(".json")) {
      raw = JSON.parse(source);
    } else {
      const fingerprint = configFingerprint(configFile);
      loaded.set(configFile, fingerprint);
      for (const listener of loadListeners) listener("start", display);
      try {
        const ms = configTimeoutMs();
        raw = await withExitTrapped(display, () => {
          // Before the config runs a single statement; not for one that already finished, unchanged, in this process (warden mcp).
          const watchdog = finished.has(fingerprint) ? undefined : startWatchdog(ms);
          return settleWithin(importModule(configFile, display), display, ms, watchdog);
        });
        finished.add(fingerprint);
      } finally {
        for (const listener of loadListeners) listener("end", display);
      }
    }
  } catch (error) {
    if (isWardenError(error)) throw error;
    const located = await syntaxLocation(configFile, source, error);
    // The parser's message may quote the file (a pasted token included): print it masked.
    if (located !== undefined) throw new WardenError("CONFIG_LOAD", `${display}${located.where}: cannot load config: ${maskTokens(located.message)}`, { cause: error });
    throw new WardenError("CONFIG_LOAD", `${display}: cannot load config: ${maskTokens(firstLine(error))}`, { cause: error });
  }
  return { config: parseConfig(raw, display), file: configFile };
}
