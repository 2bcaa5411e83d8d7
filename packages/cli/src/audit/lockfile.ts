import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { maskTokens, WardenError } from "@warden/core";
import semver from "semver";

/** The lockfiles `warden audit` reads, in the order one is picked when several exist. */
export const AUDITED_LOCKFILES = ["pnpm-lock.yaml", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "bun.lock"] as const;

/** Every registry package a lockfile resolves: name → its resolved versions. */
export interface LockedPackages {
  readonly lockfile: string;
  readonly packages: Map<string, Set<string>>;
  /** Entries that do not come from a registry (workspace links, files, git): not audited. */
  readonly notFromRegistry: number;
}

class Collector {
  readonly packages = new Map<string, Set<string>>();
  notFromRegistry = 0;

  add(name: string, version: string): void {
    const clean = semver.valid(version, { loose: true });
    if (name === "" || clean === null) {
      this.notFromRegistry += 1;
      return;
    }
    let versions = this.packages.get(name);
    if (versions === undefined) this.packages.set(name, (versions = new Set()));
    versions.add(clean);
  }
}

/** `name@version` → [name, version], the name possibly scoped (`@scope/name@1.0.0`). */
function splitSpec(spec: string): [string, string] {
  const at = spec.lastIndexOf("@");
  return at <= 0 ? [spec, ""] : [spec.slice(0, at), spec.slice(at + 1)];
}

function unquote(text: string): string {
  const t = text.trim();
  return (t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")) ? t.slice(1, -1) : t;
}

/**
 * pnpm-lock.yaml, lockfile versions 5 to 9: the keys of the top-level `packages:` section, read
 * line by line (pnpm writes block YAML with two-space indentation, so no YAML parse of a large file).
 * v9 `name@1.0.0`, v6 `/name@1.0.0(peer@2.0.0)`, v5 `/name/1.0.0_peer@2.0.0`.
 */
export function pnpmPackages(text: string, into = new Collector()): Collector {
  let inPackages = false;
  for (const line of text.split("\n")) {
    if (line.length > 0 && line[0] !== " " && line[0] !== "#") {
      inPackages = line.trimEnd() === "packages:";
      continue;
    }
    if (!inPackages || !line.startsWith("  ") || line[2] === " " || !line.trimEnd().endsWith(":")) continue;
    let key = unquote(line.trim().slice(0, -1));
    const peers = key.indexOf("(");
    if (peers > 0) key = key.slice(0, peers);
    if (key.startsWith("/")) {
      key = key.slice(1);
      // v5: /name/1.0.0 or /@scope/name/1.0.0_peer@2.0.0
      const v5 = /^((?:@[^/@]+\/)?[^/@]+)\/(\d[^/]*)$/.exec(key);
      if (v5 !== null) {
        into.add(v5[1] ?? "", (v5[2] ?? "").split("_")[0] ?? "");
        continue;
      }
    }
    const [name, version] = splitSpec(key);
    into.add(name, version);
  }
  return into;
}

interface NpmEntry {
  readonly version?: unknown;
  readonly name?: unknown;
  readonly link?: unknown;
  readonly dependencies?: unknown;
}

/** package-lock.json / npm-shrinkwrap.json: `packages` (lockfile v2, v3) or the nested `dependencies` tree (v1). */
export function npmPackages(text: string, into = new Collector()): Collector {
  const lock = JSON.parse(text) as { packages?: Record<string, NpmEntry>; dependencies?: Record<string, NpmEntry> };
  if (lock.packages !== undefined && typeof lock.packages === "object") {
    for (const [key, entry] of Object.entries(lock.packages)) {
      const at = key.lastIndexOf("node_modules/");
      if (at < 0 || entry.link === true) continue;
      const name = typeof entry.name === "string" ? entry.name : key.slice(at + "node_modules/".length);
      into.add(name, typeof entry.version === "string" ? entry.version : "");
    }
    return into;
  }
  const walk = (deps: unknown): void => {
    if (typeof deps !== "object" || deps === null) return;
    for (const [name, entry] of Object.entries(deps as Record<string, NpmEntry>)) {
      const version = typeof entry.version === "string" ? entry.version : "";
      if (version.startsWith("npm:")) into.add(...splitSpec(version.slice(4)));
      else into.add(name, version);
      walk(entry.dependencies);
    }
  };
  walk(lock.dependencies);
  return into;
}

/**
 * yarn.lock, classic (v1: `version "1.0.0"` under each block) and berry (`resolution: "name@npm:1.0.0"`).
 * Workspace, patch, git, file, link and portal resolutions are not from a registry.
 */
export function yarnPackages(text: string, into = new Collector()): Collector {
  let header: string | undefined;
  let version: string | undefined;
  let resolution: string | undefined;
  const flush = (): void => {
    if (header === undefined) return;
    if (resolution !== undefined) {
      const [name, rest] = splitSpec(resolution);
      if (rest.startsWith("npm:")) into.add(name, rest.slice(4));
      else into.notFromRegistry += 1;
    } else if (header !== "__metadata") {
      const first = unquote(header.split(",")[0] ?? "");
      // an alias `local@npm:real@^1.0.0` resolves the real package
      const alias = first.indexOf("@npm:", 1);
      const real = alias < 0 ? first : first.slice(alias + 5);
      const name = alias >= 0 && real.lastIndexOf("@") <= 0 ? first.slice(0, alias) : splitSpec(real)[0];
      into.add(name, version ?? "");
    }
    header = version = resolution = undefined;
  };
  for (const line of text.split("\n")) {
    if (line.length === 0 || line[0] === "#") continue;
    if (line[0] !== " ") {
      flush();
      if (line.trimEnd().endsWith(":")) header = line.trimEnd().slice(0, -1);
      continue;
    }
    const field = line.trim();
    if (line.startsWith("    ")) continue;
    if (field.startsWith("version ")) version = unquote(field.slice(8));
    else if (field.startsWith("version:")) version = unquote(field.slice(8));
    else if (field.startsWith("resolution:")) resolution = unquote(field.slice(11));
  }
  flush();
  return into;
}

/** bun.lock (text, JSON with trailing commas): `packages: { key: ["name@1.0.0", registry, deps, integrity] }`. */
export function bunPackages(text: string, into = new Collector()): Collector {
  const json = JSON.parse(text.replace(/,(\s*[}\]])/g, "$1")) as { packages?: Record<string, unknown> };
  for (const value of Object.values(json.packages ?? {})) {
    const spec = Array.isArray(value) && typeof value[0] === "string" ? value[0] : "";
    const [name, version] = splitSpec(spec);
    into.add(name, version);
  }
  return into;
}

/** The repository root's lockfile: the one `packageManager` names, else the first of AUDITED_LOCKFILES present. */
export function pickLockfile(root: string): string {
  const present = AUDITED_LOCKFILES.filter((name) => existsSync(path.join(root, name)));
  let manager = "";
  try {
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { packageManager?: unknown };
    if (typeof manifest.packageManager === "string") manager = manifest.packageManager.split("@")[0] ?? "";
  } catch {
    // no or unreadable package.json: the order decides
  }
  const preferred = present.find((name) => (manager === "npm" ? name.startsWith("package-lock") || name.startsWith("npm-") : manager !== "" && name.startsWith(manager)));
  const chosen = preferred ?? present[0];
  if (chosen !== undefined) return chosen;
  if (existsSync(path.join(root, "bun.lockb"))) {
    throw new WardenError("USAGE", "bun.lockb is binary and cannot be read: write the text lockfile with `bun install --save-text-lockfile`, then run warden audit again");
  }
  throw new WardenError("USAGE", `no lockfile at the repository root (looked for ${AUDITED_LOCKFILES.join(", ")}): install the dependencies first`);
}

/** Read the root lockfile's registry packages. A lockfile that cannot be read is one clear error. */
export function readLockedPackages(root: string, lockfile = pickLockfile(root)): LockedPackages {
  const text = readFileSync(path.join(root, lockfile), "utf8");
  let collected: Collector;
  try {
    if (lockfile === "pnpm-lock.yaml") collected = pnpmPackages(text);
    else if (lockfile === "yarn.lock") collected = yarnPackages(text);
    else if (lockfile === "bun.lock") collected = bunPackages(text);
    else collected = npmPackages(text);
  } catch (error) {
    throw new WardenError("USAGE", `${lockfile} cannot be read: ${maskTokens(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error))}`);
  }
  return { lockfile, packages: collected.packages, notFromRegistry: collected.notFromRegistry };
}
